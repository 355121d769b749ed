// The bot's token for the Bot Connector (proactive sends), from botbuilder's credential factory.
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { ConfigError, type Config } from '../config.js';

// The public cloud's bot-to-channel token scope and login endpoint, as the CloudAdapter uses them
// (botframework-connector's AuthenticationConstants, which botbuilder does not re-export).
const TO_CHANNEL_OAUTH_SCOPE = 'https://api.botframework.com';
const TO_CHANNEL_LOGIN_URL = 'https://login.microsoftonline.com/botframework.com';

/** The connector token for a configured app id, from the same factory and endpoints the CloudAdapter uses. */
export function connectorToken(auth: NonNullable<Config['auth']>): () => Promise<string> {
  const factory = new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: auth.appId,
    MicrosoftAppPassword: auth.appPassword ?? '',
    MicrosoftAppType: auth.appType,
    MicrosoftAppTenantId: auth.tenantId ?? '',
  });
  let credentials: Promise<{ getToken(forceRefresh?: boolean): Promise<string> }> | undefined;
  return async () => {
    credentials ??= factory
      .createCredentials(auth.appId, TO_CHANNEL_OAUTH_SCOPE, TO_CHANNEL_LOGIN_URL, true)
      .then((c) => {
        const withToken = c as unknown as { getToken?: (forceRefresh?: boolean) => Promise<string> };
        if (typeof withToken.getToken !== 'function')
          throw new ConfigError('the configured credentials cannot give a token');
        return withToken as { getToken(forceRefresh?: boolean): Promise<string> };
      })
      .catch((error: unknown) => {
        credentials = undefined;
        throw error;
      });
    // MSAL caches the token and renews it before it expires.
    return (await credentials).getToken();
  };
}
