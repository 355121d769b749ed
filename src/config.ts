// Configuration from the environment (and .env, read by main.ts), validated once at start.
import { z } from 'zod';
import { isValidIsoDate } from './domain/calendar.js';
import { render } from './views/catalogue.js';
import { configTexts, type ConfigProblem } from './views/configTexts.js';
import { schemaIssueText } from './views/schemaTexts.js';

const say = (problem: ConfigProblem): string => render(configTexts, problem);
import { CodedError } from './errors/codedError.js';

const list = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
  );

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim().length > 0 ? v.trim() : undefined));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  // The address to listen on. Default: 127.0.0.1 without MicrosoftAppId (local trial), every interface with it.
  HOST: optionalText,
  STORE_DIR: z.string().min(1).default('data/store'),
  // postgres://user:password@host:5432/database: the store in PostgreSQL (several instances); unset: files in STORE_DIR.
  DATABASE_URL: optionalText.refine(
    (v) => v === undefined || isDatabaseUrl(v),
    say({ code: 'config.databaseUrlForm' }),
  ),
  // Most connections one instance holds to the database.
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
  MicrosoftAppTenantId: optionalText,
  // Which bot SDK carries the bot: botbuilder (the default) or the Microsoft 365 Agents SDK.
  BOT_SDK: z.enum(['botbuilder', 'agents']).default('botbuilder'),
  // botbuilder's own setting (AuthenticationConstants.BotOpenIdMetadataKey): where the keys that sign
  // the channel's tokens are published. Default: the public cloud's login.botframework.com.
  BotOpenIdMetadata: optionalText.refine(
    (v) => v === undefined || isMetadataUrl(v),
    say({ code: 'config.metadataUrlForm' }),
  ),
  COORDINATORS: list,
  ADMINS: list,
  ALLOWED_TENANTS: list,
  PUBLIC_URL: optionalText.refine(
    (v) => v === undefined || /^https?:\/\/[^\s/?#]+(?:\/[^\s?#]*)?$/u.test(v),
    say({ code: 'config.publicUrlForm' }),
  ),
  // Signs the links to documents. At least 32 characters, e.g. from `openssl rand -hex 32`.
  REPORT_SECRET: optionalText.refine((v) => v === undefined || v.length >= 32, say({ code: 'config.secretTooShort' })),
  // The public progress page GET /loften/<area>: off unless set to on.
  PUBLIC_PAGES: z.enum(['on', 'off']).default('off'),
  // Months a note is kept after its entry's date; then it is cleared (the entry and its figures stay).
  NOTE_RETENTION_MONTHS: z.coerce.number().int().min(1).max(1200).default(36),
  // Days a snapshot in STORE_DIR/backups is kept (the newest always stays).
  BACKUP_KEEP_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: optionalText,
  // For tests and demos only: the bot's "today" (Stockholm) at start, e.g. 2020-06-01.
  BOT_TODAY: optionalText.refine((v) => v === undefined || isValidIsoDate(v), say({ code: 'config.dateForm' })),
});

/** A postgres:// or postgresql:// URL (the error never repeats the value: it may hold a password). */
function isDatabaseUrl(value: string): boolean {
  try {
    return ['postgres:', 'postgresql:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** https anywhere; plain http only on the loopback interface (a test's or a developer's own keys). */
function isMetadataUrl(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

export type Config = {
  port: number;
  /** BOT_SDK: src/bot (botbuilder) or src/bot-agents (@microsoft/agents-hosting). */
  botSdk: 'botbuilder' | 'agents';
  /** Undefined: every interface (the platform's default). */
  host?: string;
  storeDir: string;
  /** DATABASE_URL: the store is PostgreSQL there (STORE_DIR is then unused); undefined: the file store. */
  database?: { url: string; poolMax: number };
  auth:
    | {
        appId: string;
        appPassword?: string;
        appType: AppType;
        tenantId?: string;
        /** The OpenID metadata document of the channel's signing keys (BotOpenIdMetadata); undefined: the public cloud's. */
        openIdMetadataUrl?: string;
      }
    | undefined;
  /** Seeds the first area's coordinators (a new or single-area store); the store holds them after that. */
  coordinators: string[];
  /** Seeds the first area's tenants, like COORDINATORS. */
  allowedTenants: string[];
  /** Entra ids or UPNs who act as coordinators in every area. */
  admins: string[];
  publicUrl?: string;
  /** Undefined in local trial: main.ts makes one per process (links then die with the process). */
  reportSecret?: string;
  /** Serve GET /loften/<area> (PUBLIC_PAGES=on); absent: off. */
  publicPages?: true;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** Months to keep notes (NOTE_RETENTION_MONTHS). */
  noteRetentionMonths: number;
  /** Days to keep snapshots (BACKUP_KEEP_DAYS). */
  backupKeepDays: number;
  production: boolean;
  /** Set only for tests and demos (BOT_TODAY). */
  today?: string;
};

/** MicrosoftAppType, the Azure Bot registration's kind; each SDK folder maps it to its own settings. */
type AppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';

/** The environment's settings cannot start the bot; the message says which and why, in Swedish. */
export class ConfigError extends CodedError {
  override name = 'ConfigError';
  readonly code = 'config.invalid';
}

type Env = z.infer<typeof envSchema>;

/** The first combination of settings the bot refuses to start with, or undefined. */
function refusedCombination(e: Env): Exclude<ConfigProblem, { code: 'config.invalid' }> | undefined {
  const production = e.NODE_ENV === 'production';
  if (!e.MicrosoftAppId && production) return { code: 'config.productionWithoutAppId' };
  if (!e.REPORT_SECRET && production) return { code: 'config.productionWithoutSecret' };
  if (e.BOT_TODAY && production) return { code: 'config.todayInProduction' };
  if (e.MicrosoftAppType === 'SingleTenant' && !e.MicrosoftAppTenantId)
    return { code: 'config.singleTenantWithoutTenant' };
  // The Agents SDK fetches the Bot Framework's keys from login.botframework.com, with no setting to change it.
  if (e.BotOpenIdMetadata && e.BOT_SDK === 'agents') return { code: 'config.metadataOnAgents' };
  if (e.BotOpenIdMetadata && !e.MicrosoftAppId) return { code: 'config.metadataWithoutAppId' };
  return undefined;
}

/**
 * The configuration from `env` (process.env, with .env read by main.ts). Throws ConfigError, with a
 * Swedish message naming the variable, for a value it cannot use or a combination it refuses.
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  // "PORT=" in a .env template means "not set", not port 0 or an invalid app type.
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim().length > 0));
  const parsed = envSchema.safeParse(set);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${schemaIssueText(i)}`).join('; ');
    throw new ConfigError(say({ code: 'config.invalid', issues }));
  }
  const e = parsed.data;
  const refused = refusedCombination(e);
  if (refused) throw new ConfigError(say(refused));
  const production = e.NODE_ENV === 'production';
  // Local trial answers anyone who can reach the port: only this machine, unless HOST says otherwise.
  const host = e.HOST ?? (e.MicrosoftAppId ? undefined : '127.0.0.1');
  return {
    port: e.PORT,
    ...(host ? { host } : {}),
    storeDir: e.STORE_DIR,
    ...(e.DATABASE_URL ? { database: { url: e.DATABASE_URL, poolMax: e.DATABASE_POOL_MAX } } : {}),
    botSdk: e.BOT_SDK,
    auth: e.MicrosoftAppId
      ? {
          appId: e.MicrosoftAppId,
          appType: e.MicrosoftAppType ?? 'MultiTenant',
          ...(e.MicrosoftAppPassword ? { appPassword: e.MicrosoftAppPassword } : {}),
          ...(e.MicrosoftAppTenantId ? { tenantId: e.MicrosoftAppTenantId } : {}),
          ...(e.BotOpenIdMetadata ? { openIdMetadataUrl: e.BotOpenIdMetadata } : {}),
        }
      : undefined,
    coordinators: e.COORDINATORS,
    allowedTenants: e.ALLOWED_TENANTS,
    admins: e.ADMINS,
    ...(e.PUBLIC_URL ? { publicUrl: e.PUBLIC_URL } : {}),
    ...(e.REPORT_SECRET ? { reportSecret: e.REPORT_SECRET } : {}),
    ...(e.PUBLIC_PAGES === 'on' ? { publicPages: true as const } : {}),
    logLevel: e.LOG_LEVEL,
    backupKeepDays: e.BACKUP_KEEP_DAYS,
    noteRetentionMonths: e.NOTE_RETENTION_MONTHS,
    production,
    ...(e.BOT_TODAY ? { today: e.BOT_TODAY } : {}),
  };
}
