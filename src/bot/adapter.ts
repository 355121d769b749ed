// The CloudAdapter and its one turn-error handler.
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from '../app/ports.js';
import type { Config } from '../config.js';

export function createAdapter(config: Config, logger: Logger): CloudAdapter {
  const auth: ConfigurationBotFrameworkAuthenticationOptions = config.auth
    ? {
        MicrosoftAppId: config.auth.appId,
        MicrosoftAppPassword: config.auth.appPassword ?? '',
        MicrosoftAppType: config.auth.appType,
        MicrosoftAppTenantId: config.auth.tenantId ?? '',
      }
    : // No app id: the local-trial mode (Agents Playground, Bot Framework Emulator), no authentication.
      { MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' };
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(auth));
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
      await context.sendActivity(
        'Något gick fel hos mig. Försök igen om en stund; skriv /mina för att se vad som sparats.',
      );
    } catch (sendError) {
      logger.error({ err: sendError }, 'could not tell the user about the error');
    }
  };
  return adapter;
}
