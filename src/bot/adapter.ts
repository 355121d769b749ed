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
import { AuthenticationConstants, AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';

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

/**
 * botbuilder's checks, with every refusal a 401. botframework-connector throws its own
 * AuthenticationError for most bad tokens, but a token signed with the wrong key (a known key id,
 * a bad signature) or a malformed one escapes as jsonwebtoken's error, which the CloudAdapter
 * answers with 500: a forged request must never look like our fault.
 */
class StrictAuthentication extends ConfigurationBotFrameworkAuthentication {
  constructor(
    options: ConfigurationBotFrameworkAuthenticationOptions,
    private readonly logger: Logger,
  ) {
    super(options);
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
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
