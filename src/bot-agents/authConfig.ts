// Our configuration → the Agents SDK's AuthConfiguration. The SDK's compatibility loader
// (loadPrevAuthConfigFromEnv) reads MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId
// but not MicrosoftAppType, so the kind of registration is mapped here, from the validated Config
// (the same settings botbuilder gets), and the SDK's environment loader is not used.
import { AuthType, type AuthConfiguration } from '@microsoft/agents-hosting';
import type { Config } from '../config.js';

/**
 * MultiTenant: client secret, tokens from login.microsoftonline.com/botframework.com (the SDK's
 * default when no tenant is set). SingleTenant: client secret in the registration's tenant.
 * UserAssignedMSI: the managed identity whose client id is MicrosoftAppId.
 * Without MicrosoftAppId: no client id, which the SDK treats as anonymous local trial.
 */
export function agentsAuthConfiguration(config: Config): AuthConfiguration {
  const auth = config.auth;
  if (!auth) return {};
  switch (auth.appType) {
    case 'MultiTenant':
      return {
        clientId: auth.appId,
        ...(auth.appPassword ? { clientSecret: auth.appPassword } : {}),
        authType: AuthType.ClientSecret,
      };
    case 'SingleTenant':
      return {
        clientId: auth.appId,
        ...(auth.appPassword ? { clientSecret: auth.appPassword } : {}),
        ...(auth.tenantId ? { tenantId: auth.tenantId } : {}),
        authType: AuthType.ClientSecret,
      };
    case 'UserAssignedMSI':
      return {
        clientId: auth.appId,
        ...(auth.tenantId ? { tenantId: auth.tenantId } : {}),
        authType: AuthType.UserManagedIdentity,
      };
  }
}
