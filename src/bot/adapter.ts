// The CloudAdapter, how it checks the channel's tokens, and its one turn-error handler.
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from '../app/ports.js';
import type { Config } from '../config.js';
import { TURN_ERROR_TEXT } from '../channel/turn.js';

/** botbuilder's settings for the app registration; MicrosoftAppType is botbuilder's own setting. */
export function authenticationOptions(config: Config): ConfigurationBotFrameworkAuthenticationOptions {
  return config.auth
    ? {
        MicrosoftAppId: config.auth.appId,
        MicrosoftAppPassword: config.auth.appPassword ?? '',
        MicrosoftAppType: config.auth.appType,
        MicrosoftAppTenantId: config.auth.tenantId ?? '',
      }
    : // No app id: the local-trial mode (Agents Playground, Bot Framework Emulator), no authentication.
      { MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' };
}

export function createAuthentication(config: Config): ConfigurationBotFrameworkAuthentication {
  return new ConfigurationBotFrameworkAuthentication(authenticationOptions(config));
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

export type AuthenticateRequestResult = Awaited<
  ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>
>;

export function createAdapter(
  authentication: ConfigurationBotFrameworkAuthentication,
  logger: Logger,
): VerifiedCallerAdapter {
  const adapter = new VerifiedCallerAdapter(authentication);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error(
      {
        err: error,
        conversationId: context.activity?.conversation?.id,
        activityId: context.activity?.id,
        type: context.activity?.type,
      },
      'unhandled error in turn',
    );
    try {
      await context.sendActivity(TURN_ERROR_TEXT);
    } catch (sendError) {
      logger.error({ err: sendError }, 'could not tell the user about the error');
    }
  };
  return adapter;
}
