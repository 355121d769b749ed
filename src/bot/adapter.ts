// The CloudAdapter, how it checks the channel's tokens, and its one turn-error handler.
import {
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import {
  AuthenticationConstants,
  AuthenticationError,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';

export type { AuthenticateRequestResult } from 'botframework-connector';
import type { Logger } from '../app/ports.js';
import type { Config } from '../config.js';
import { answerTurnError } from '../channel/turn.js';

/**
 * The token settings botbuilder reads (botbuilder-core configurationBotFrameworkAuthentication.ts).
 * Naming any one of the "parameterized" settings (here ToBotFromChannelOpenIdMetadataUrl, which is
 * what BotOpenIdMetadata sets) makes botframework-connector's BotFrameworkAuthenticationFactory take
 * ALL of them from the configuration, with no defaults: without the rest the token issuer would be
 * undefined and every request refused. So a custom metadata URL comes with the public cloud's other
 * values, spelled out from AuthenticationConstants.
 */
function authenticationOptions(config: Config): ConfigurationBotFrameworkAuthenticationOptions {
  if (!config.auth)
    // No app id: the local-trial mode (Agents Playground, Bot Framework Emulator), no authentication.
    return { MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' };
  const registration = {
    MicrosoftAppId: config.auth.appId,
    MicrosoftAppPassword: config.auth.appPassword ?? '',
    MicrosoftAppType: config.auth.appType,
    MicrosoftAppTenantId: config.auth.tenantId ?? '',
  };
  if (!config.auth.openIdMetadataUrl) return registration;
  return {
    ...registration,
    ToBotFromChannelOpenIdMetadataUrl: config.auth.openIdMetadataUrl,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
    ValidateAuthority: true,
  };
}

/** At most this many clients of each kind are kept (service URLs are few: one per Teams region). */
const KEPT_CLIENTS = 32;

/**
 * Clients kept by key, the oldest dropped beyond KEPT_CLIENTS. A failed creation is forgotten, so
 * the next turn tries again.
 */
class KeptClients<T> {
  readonly #clients = new Map<string, Promise<T>>();

  get(key: string, create: () => Promise<T>): Promise<T> {
    const kept = this.#clients.get(key);
    if (kept) return kept;
    const made = create();
    this.#clients.set(key, made);
    made.catch(() => {
      if (this.#clients.get(key) === made) this.#clients.delete(key);
    });
    if (this.#clients.size > KEPT_CLIENTS) this.#clients.delete(this.#clients.keys().next().value!);
    return made;
  }
}

/** The bot's app id as botframework-connector reads it from the caller's claims (audience, else appid). */
function appIdOf(identity: ClaimsIdentity): string {
  return (
    identity.getClaimValue(AuthenticationConstants.AudienceClaim) ??
    identity.getClaimValue(AuthenticationConstants.AppIdClaim) ??
    ''
  );
}

/** A connector factory that gives the same client for the same app id, service URL and audience. */
class KeptConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly appId: string,
    private readonly clients: KeptClients<ConnectorClient>,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return this.clients.get(`${this.appId}\u0000${serviceUrl}\u0000${audience ?? ''}`, () =>
      this.inner.create(serviceUrl, audience),
    );
  }
}

/**
 * botbuilder's checks, with every refusal a 401. botframework-connector throws its own
 * AuthenticationError for most bad tokens, but a token signed with the wrong key (a known key id,
 * a bad signature) or a malformed one escapes as jsonwebtoken's error, which the CloudAdapter
 * answers with 500: a forged request must never look like our fault.
 */
class StrictAuthentication extends ConfigurationBotFrameworkAuthentication {
  // botbuilder makes a ConnectorClient and a UserTokenClient for every turn, each building an HTTP
  // pipeline: 7 % of the CPU under /logga load, though an expectReplies turn uses neither. The
  // clients hold nothing of a turn (the credentials cache the app's token), so they are kept.
  readonly #connectors = new KeptClients<ConnectorClient>();
  readonly #userTokenClients = new KeptClients<UserTokenClient>();

  constructor(
    options: ConfigurationBotFrameworkAuthenticationOptions,
    private readonly logger: Logger,
  ) {
    super(options);
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    let result: AuthenticateRequestResult;
    try {
      result = await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // The reason names the failed check (audience, issuer, expiry, signature, serviceUrl); never the token.
      this.logger.warn(
        { reason, channelId: activity?.channelId, conversationId: activity?.conversation?.id },
        'request refused: the token did not pass',
      );
      // The CloudAdapter answers every AuthenticationError with 401.
      if (error instanceof AuthenticationError) throw error;
      throw new AuthenticationError(`Unauthorized: ${reason}`, 401);
    }
    const { connectorFactory } = result;
    return connectorFactory
      ? {
          ...result,
          connectorFactory: new KeptConnectorFactory(
            connectorFactory,
            appIdOf(result.claimsIdentity),
            this.#connectors,
          ),
        }
      : result;
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new KeptConnectorFactory(
      super.createConnectorFactory(claimsIdentity),
      appIdOf(claimsIdentity),
      this.#connectors,
    );
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.#userTokenClients.get(appIdOf(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }
}

/** The token check the host runs before the adapter (src/bot/runtime.ts authenticate). */
export function createAuthentication(config: Config, logger: Logger): ConfigurationBotFrameworkAuthentication {
  return new StrictAuthentication(authenticationOptions(config), logger);
}

/** The CloudAdapter, run on a caller the host already verified (src/channel/runtime.ts). */
export class VerifiedCallerAdapter extends CloudAdapter {
  /** One turn for an activity whose token `authenticated` came from authenticateRequest; the invoke/expectReplies answer. */
  runVerified(
    authenticated: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authenticated, activity, logic);
  }
}

export function createAdapter(
  authentication: ConfigurationBotFrameworkAuthentication,
  logger: Logger,
): VerifiedCallerAdapter {
  const adapter = new VerifiedCallerAdapter(authentication);
  adapter.onTurnError = (context: TurnContext, error: Error) =>
    answerTurnError(logger, context.activity, (text) => context.sendActivity(text), error);
  return adapter;
}
