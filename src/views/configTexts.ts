// What the bot says about its own settings when it refuses to start with them (src/config.ts): read by
// the operator on the start's standard error, under "Kan inte starta:". Each problem is a code; the
// variable it concerns is named in the sentence.
import type { Catalogue } from './catalogue.js';

/** A setting (environment variable) that cannot be used as it is. */
export type ConfigProblem =
  /** Zod's findings, `variable: message` each, joined; the messages of the values' own rules are below. */
  | { code: 'config.invalid'; issues: string }
  | { code: 'config.databaseUrlForm' }
  | { code: 'config.metadataUrlForm' }
  | { code: 'config.publicUrlForm' }
  | { code: 'config.secretTooShort' }
  | { code: 'config.dateForm' }
  | { code: 'config.productionWithoutAppId' }
  | { code: 'config.productionWithoutSecret' }
  | { code: 'config.todayInProduction' }
  | { code: 'config.singleTenantWithoutTenant' }
  | { code: 'config.metadataOnAgents' }
  | { code: 'config.metadataWithoutAppId' };

export const configTexts: Catalogue<ConfigProblem> = {
  'config.invalid': ({ issues }) => `Felaktig konfiguration: ${issues}`,
  'config.databaseUrlForm': () => 'ska vara en adress som postgres://användare:lösenord@värd:5432/databas',
  'config.metadataUrlForm': () => 'ska vara en https-adress (http bara till 127.0.0.1/localhost)',
  'config.publicUrlForm': () => 'ska vara en adress som https://bot.example.se',
  'config.secretTooShort': () => 'ska vara minst 32 tecken (t.ex. openssl rand -hex 32)',
  'config.dateForm': () => 'ska vara ett datum ÅÅÅÅ-MM-DD',
  'config.productionWithoutAppId': () =>
    'NODE_ENV=production men MicrosoftAppId saknas: boten startar inte utan autentisering i produktion.',
  'config.productionWithoutSecret': () =>
    'NODE_ENV=production men REPORT_SECRET saknas: länkarna till uppföljningen och exporten kan inte signeras. Sätt REPORT_SECRET till minst 32 slumpade tecken (openssl rand -hex 32).',
  'config.todayInProduction': () =>
    'BOT_TODAY är bara till för test och demo: boten startar inte med den när NODE_ENV=production.',
  'config.singleTenantWithoutTenant': () => 'MicrosoftAppType=SingleTenant kräver MicrosoftAppTenantId.',
  'config.metadataOnAgents': () =>
    'BotOpenIdMetadata stöds bara med BOT_SDK=botbuilder: Agents SDK hämtar alltid nycklarna från login.botframework.com.',
  'config.metadataWithoutAppId': () =>
    'BotOpenIdMetadata gäller bara med MicrosoftAppId: utan den kontrolleras inga token alls.',
};
