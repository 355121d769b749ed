// Configuration from the environment (and .env, read by main.ts), validated once at start.
import { z } from 'zod';
import { isValidIsoDate } from './domain/calendar.js';
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
    'ska vara en adress som postgres://användare:lösenord@värd:5432/databas',
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
    'ska vara en https-adress (http bara till 127.0.0.1/localhost)',
  ),
  COORDINATORS: list,
  ADMINS: list,
  ALLOWED_TENANTS: list,
  PUBLIC_URL: optionalText.refine(
    (v) => v === undefined || /^https?:\/\/[^\s/?#]+(?:\/[^\s?#]*)?$/u.test(v),
    'ska vara en adress som https://bot.example.se',
  ),
  // Signs the links to documents. At least 32 characters, e.g. from `openssl rand -hex 32`.
  REPORT_SECRET: optionalText.refine(
    (v) => v === undefined || v.length >= 32,
    'ska vara minst 32 tecken (t.ex. openssl rand -hex 32)',
  ),
  // The public progress page GET /loften/<area>: off unless set to on.
  PUBLIC_PAGES: z.enum(['on', 'off']).default('off'),
  // Months a note is kept after its entry's date; then it is cleared (the entry and its figures stay).
  NOTE_RETENTION_MONTHS: z.coerce.number().int().min(1).max(1200).default(36),
  // Days a snapshot in STORE_DIR/backups is kept (the newest always stays).
  BACKUP_KEEP_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: optionalText,
  // For tests and demos only: the bot's "today" (Stockholm) at start, e.g. 2020-06-01.
  BOT_TODAY: optionalText.refine((v) => v === undefined || isValidIsoDate(v), 'ska vara ett datum ÅÅÅÅ-MM-DD'),
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

export function loadConfig(env: Record<string, string | undefined>): Config {
  // "PORT=" in a .env template means "not set", not port 0 or an invalid app type.
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim().length > 0));
  const parsed = envSchema.safeParse(set);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Felaktig konfiguration: ${issues}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (!e.MicrosoftAppId && production) {
    throw new ConfigError(
      'NODE_ENV=production men MicrosoftAppId saknas: boten startar inte utan autentisering i produktion.',
    );
  }
  if (!e.REPORT_SECRET && production) {
    throw new ConfigError(
      'NODE_ENV=production men REPORT_SECRET saknas: länkarna till uppföljningen och exporten kan inte signeras. Sätt REPORT_SECRET till minst 32 slumpade tecken (openssl rand -hex 32).',
    );
  }
  if (e.BOT_TODAY && production) {
    throw new ConfigError(
      'BOT_TODAY är bara till för test och demo: boten startar inte med den när NODE_ENV=production.',
    );
  }
  if (e.MicrosoftAppType === 'SingleTenant' && !e.MicrosoftAppTenantId) {
    throw new ConfigError('MicrosoftAppType=SingleTenant kräver MicrosoftAppTenantId.');
  }
  if (e.BotOpenIdMetadata && e.BOT_SDK === 'agents') {
    // The Agents SDK fetches the Bot Framework's keys from login.botframework.com, with no setting to change it.
    throw new ConfigError(
      'BotOpenIdMetadata stöds bara med BOT_SDK=botbuilder: Agents SDK hämtar alltid nycklarna från login.botframework.com.',
    );
  }
  if (e.BotOpenIdMetadata && !e.MicrosoftAppId) {
    throw new ConfigError('BotOpenIdMetadata gäller bara med MicrosoftAppId: utan den kontrolleras inga token alls.');
  }
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
