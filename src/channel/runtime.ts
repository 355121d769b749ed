// What the host (server.ts, main.ts) needs from a bot SDK, in no SDK's terms. src/bot (botbuilder)
// and src/bot-agents (Microsoft 365 Agents SDK) each make one; BOT_SDK picks which.
//
// Authentication is a step of its own that the host runs before the adapter sees the activity:
// the Agents SDK expects the host to verify the JWT (its authorizeJWT middleware), botbuilder does
// it inside CloudAdapter.process. Split out, both are asked the same way, and a refused request
// never reaches a turn.
import type { App } from '../app/app.js';
import type { Lifecycle } from '../app/lifecycle.js';
import type { Notifier } from '../app/notifier.js';
import type { Logger } from '../app/ports.js';
import type { ConnectorNotifierOptions } from './connectorNotifier.js';
import type { BotOptions } from './turn.js';
import type { Config } from '../config.js';
import type { ServiceUrls as TrustedServiceUrls } from '../app/port/index.js';
import { CodedError } from '../errors/codedError.js';

/** An HTTP request as the host received it: headers (lower-case names) and the parsed JSON body. */
export interface InboundRequest {
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** What to answer: 200 with no body for most activities; a body for invokes and expectReplies. */
export interface HttpAnswer {
  status: number;
  body?: unknown;
}

/**
 * The caller as the SDK verified it, with the activity as that SDK read it from the body (read
 * once, in authenticate); opaque to the host, handed back to process().
 */
type VerifiedCaller = { readonly sdk: BotSdk; readonly claims: unknown; readonly activity: unknown };

type Authentication =
  | { ok: true; caller: VerifiedCaller }
  /** 401: no token, or one that did not pass; 400: no activity to check it against. */
  | { ok: false; status: 400 | 401; reason: string };

export type BotSdk = 'botbuilder' | 'agents';

/** A caller verified by one SDK's authenticate was handed to the other SDK's process (a wiring error). */
export class CallerFromAnotherSdkError extends CodedError {
  override name = 'CallerFromAnotherSdkError';
  readonly code = 'channel.otherSdk';
  constructor(expected: BotSdk, got: BotSdk) {
    super(`the ${expected} runtime was given a caller verified by ${got}`);
  }
}

export interface BotRuntime {
  readonly sdk: BotSdk;
  /**
   * Verifies the Bot Framework token in the Authorization header against the configured app
   * registration (without MicrosoftAppId: local trial, anyone is let in). Never throws for a bad token.
   */
  authenticate(request: InboundRequest): Promise<Authentication>;
  /**
   * Runs the turn for a verified request, on the activity authenticate read from its body; resolves
   * once the bot is done, with what to answer.
   */
  process(request: InboundRequest, caller: VerifiedCaller): Promise<HttpAnswer>;
  /** Posts proactive messages (the weekly summary) with this SDK's connector token. */
  readonly notifier: Notifier;
}

export interface RuntimeDeps {
  config: Config;
  app: App;
  logger: Logger;
  /** Whether any area lets users of the tenant in (undefined: the channel named no tenant). */
  tenantAllowed: (tenantId: string | undefined) => boolean | Promise<boolean>;
  lifecycle?: Lifecycle;
  /** Authenticated serviceUrls per tenant: recorded on each verified request, required for proactive sends. */
  trustedServiceUrls?: TrustedServiceUrls;
  now?: () => Date;
}

/** The turn handler's options from the runtime's deps. */
export function botOptions(deps: RuntimeDeps): BotOptions {
  return {
    tenantAllowed: deps.tenantAllowed,
    logger: deps.logger,
    ...(deps.lifecycle ? { lifecycle: deps.lifecycle } : {}),
    ...(deps.trustedServiceUrls ? { trustedServiceUrls: deps.trustedServiceUrls } : {}),
    ...(deps.now ? { now: deps.now } : {}),
  };
}

/**
 * The connector notifier's options: with authentication, the SDK's token and only trusted
 * serviceUrls; local trial has no authenticated requests to learn addresses from, and the
 * Playground or the Emulator is the connector.
 */
export function notifierOptions(deps: RuntimeDeps, token: () => Promise<string>): ConnectorNotifierOptions {
  if (!deps.config.auth) return {};
  const trusted = deps.trustedServiceUrls;
  return {
    token,
    ...(trusted ? { isTrusted: (tenant: string | undefined, url: string) => trusted.isTrusted(tenant, url) } : {}),
  };
}

/** Lower-cased single-valued header, as both SDKs read Authorization. */
export function header(request: InboundRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
