// Everything that can go wrong for the operator, numbered once (as Agents-for-js numbers its errors in
// errorHelper.ts): what happened, in Swedish, and what to do about it (as probot's get-error-handler.ts
// maps known failures to a fix). classifyFailure (./classify.ts) finds the entry for a thrown error;
// logs, the start-up message, the command-line tools and /healthz print its description and fix.

/** One known failure: its number (stable, for searching logs and docs), what happened and the operator's fix. */
export interface ErrorEntry {
  readonly number: number;
  readonly description: string;
  readonly fix: string;
}

const restartStore = 'Starta sedan boten igen.';

/** 1xx configuration, 2xx disk and store folder, 3xx PostgreSQL, 4xx Bot Framework and Teams, 5xx tools, 9xx other. */
export const errorCatalogue = {
  'config.invalid': {
    number: 101,
    description: 'Konfigurationen är felaktig.',
    fix: 'Rätta inställningen som meddelandet nämner (miljövariabeln eller .env) och starta boten igen.',
  },
  'disk.full': {
    number: 201,
    description: 'Disken är full: filen kunde inte skrivas.',
    fix: `Frigör diskutrymme där lagringsmappen (STORE_DIR) ligger, eller flytta den till en större disk. ${restartStore}`,
  },
  'disk.permission': {
    number: 202,
    description: 'Boten saknar behörighet till en fil eller mapp.',
    fix: `Ge användaren som kör boten läs- och skrivrätt till lagringsmappen (STORE_DIR): rätta mappens ägare och behörigheter (chown, chmod). ${restartStore}`,
  },
  'disk.readOnly': {
    number: 203,
    description: 'Filsystemet är skrivskyddat.',
    fix: `Montera filsystemet skrivbart, eller sätt STORE_DIR till en mapp på en skrivbar disk. ${restartStore}`,
  },
  'store.fileUnreadable': {
    number: 204,
    description: 'En lagringsfil kan inte läsas.',
    fix: 'Rätta eller flytta filen som meddelandet nämner (npm run store:check visar alla problem), eller återställ en säkerhetskopia med npm run store:restore.',
  },
  'store.locked': {
    number: 205,
    description: 'Lagringsmappen används redan av en annan process.',
    fix: 'Stoppa den andra boten eller verktyget som använder lagringsmappen och försök igen.',
  },
  'store.writeFailed': {
    number: 206,
    description: 'En skrivning misslyckades och filen kunde inte återställas.',
    fix: 'Starta om boten: den läser in journalen igen och tar bort en avbruten sista rad.',
  },
  'store.snapshotFailed': {
    number: 207,
    description: 'Säkerhetskopian klarade inte kontrollen.',
    fix: 'Kör npm run store:check för att se vad som är fel, och ta en ny säkerhetskopia med npm run store:snapshot.',
  },
  'store.restoreRefused': {
    number: 208,
    description: 'Återställningen avbröts.',
    fix: 'Välj en säkerhetskopia som klarar kontrollen (npm run store:check listar dem) och försök igen.',
  },
  'store.notAFolder': {
    number: 219,
    description: 'Lagringsmappen (STORE_DIR) är en fil, inte en mapp.',
    fix: `Sätt STORE_DIR till en mapp (den skapas om den inte finns), eller flytta filen som står i vägen. ${restartStore}`,
  },
  'store.missing': {
    number: 209,
    description: 'Det finns ingen lagring i mappen.',
    fix: 'Sätt STORE_DIR eller --store till botens lagringsmapp.',
  },
  'store.targetNotEmpty': {
    number: 210,
    description: 'Databasen att flytta till har redan innehåll.',
    fix: 'Flytta till en tom databas (skapa en ny med createdb), eller töm den först.',
  },
  'store.readOnly': {
    number: 211,
    description: 'Ett läsverktyg försökte skriva i lagringen.',
    fix: 'Kör verktyget som ändrar lagringen i stället (npm run area, npm run gdpr -- erase).',
  },
  'store.unknownRecord': {
    number: 212,
    description: 'En ändring gällde något som inte finns (eller som hör till ett annat område).',
    fix: 'Inget har sparats. Kontrollera områdets och medborgarlöftets id och försök igen.',
  },
  'store.duplicateRecord': {
    number: 213,
    description: 'Något med samma id finns redan.',
    fix: 'Inget har sparats. Använd ett nytt id.',
  },
  'store.entryRefused': {
    number: 214,
    description: 'Insatsen avvisades av lagringen.',
    fix: 'Inget har sparats. Kontrollera att medborgarlöftet finns i området och försök igen.',
  },
  'store.areaRefused': {
    number: 215,
    description: 'Området kunde inte läggas till.',
    fix: 'Inget har sparats. Rätta det som meddelandet nämner (ett id som redan finns, överlappande perioder) och försök igen.',
  },
  'store.agreementChangeRefused': {
    number: 216,
    description: 'Ändringen av medborgarlöftet avvisades.',
    fix: 'Inget har sparats. Ändra perioden så att alla insatser ryms i den och den inte överlappar ett annat medborgarlöfte.',
  },
  'store.checkFailed': {
    number: 217,
    description: 'Kontrollen av lagringen avslutades utan svar.',
    fix: 'Kör npm run store:check för hand och se vad den skriver.',
  },
  'store.personalDataElsewhere': {
    number: 218,
    description: 'Den här lagringen svarar inte på begäranden om personuppgifter.',
    fix: 'Svara på begäran med npm run gdpr, på lagringsmappen.',
  },
  'database.unavailable': {
    number: 301,
    description: 'Databasen (DATABASE_URL) kunde inte öppnas.',
    fix: 'Kontrollera att PostgreSQL körs och att DATABASE_URL stämmer (värd, port, databas, användare och lösenord).',
  },
  'database.unreachable': {
    number: 302,
    description: 'PostgreSQL svarar inte på adressen i DATABASE_URL.',
    fix: 'Starta PostgreSQL, eller rätta värd och port i DATABASE_URL; kontrollera att brandväggen släpper fram anslutningen.',
  },
  'database.password': {
    number: 303,
    description: 'PostgreSQL godtar inte användaren eller lösenordet.',
    fix: 'Rätta användare och lösenord i DATABASE_URL (eller rollens lösenord i databasen).',
  },
  'database.missing': {
    number: 304,
    description: 'Databasen som DATABASE_URL nämner finns inte.',
    fix: 'Skapa databasen (createdb <namn>) eller rätta databasens namn i DATABASE_URL.',
  },
  'database.tooManyConnections': {
    number: 305,
    description: 'PostgreSQL har för många anslutningar.',
    fix: 'Sänk DATABASE_POOL_MAX, höj max_connections i PostgreSQL eller sätt en pooler (PgBouncer) framför databasen.',
  },
  'database.shutdown': {
    number: 306,
    description: 'PostgreSQL stängdes ner eller startar om.',
    fix: 'Vänta tills databasen är igång igen och kontrollera databastjänsten; boten ansluter på nytt av sig själv.',
  },
  'database.conflict': {
    number: 307,
    description: 'En transaktion krockade med en annan (serialisering eller dödläge).',
    fix: 'Försök igen. Händer det ofta: se efter vilka instanser som skriver samtidigt.',
  },
  'connector.unauthorized': {
    number: 401,
    description: 'Bot Framework godtog inte botens inloggning (401).',
    fix: 'Kontrollera att MicrosoftAppId och MicrosoftAppPassword stämmer med Azure Bot-registreringen.',
  },
  'connector.forbidden': {
    number: 402,
    description: 'Bot Framework nekade boten att skriva i konversationen (403).',
    fix: 'Kontrollera att appen är installerad i teamet eller chatten och att MicrosoftAppTenantId stämmer med organisationen.',
  },
  'token.failed': {
    number: 403,
    description: 'Boten fick ingen token från Microsoft Entra ID.',
    fix: 'Kontrollera MicrosoftAppId, MicrosoftAppPassword (klienthemligheten kan ha gått ut) och MicrosoftAppTenantId i Azure-portalen.',
  },
  'channel.otherSdk': {
    number: 404,
    description: 'En anropare som ett bot-SDK verifierat skickades till det andra SDK:t.',
    fix: 'Ett kopplingsfel i koden: rapportera det. BOT_SDK ska bara välja ett SDK.',
  },
  'channel.unreadableReference': {
    number: 405,
    description: 'En sparad konversationsreferens kan inte läsas.',
    fix: 'Rätta eller ta bort prenumerationen i lagringen som meddelandet nämner och starta igen.',
  },
  'agreement.conflict': {
    number: 406,
    description: 'Medborgarlöftet krockar med ett annat (samma id eller överlappande period).',
    fix: 'Inget har sparats. Välj ett annat id eller en period som inte överlappar.',
  },
  'tool.usage': {
    number: 501,
    description: 'Kommandot skrevs inte som verktyget väntar sig.',
    fix: 'Kör kommandot med --help för att se hur det skrivs.',
  },
  'tool.refused': {
    number: 502,
    description: 'Verktyget avvisade ändringen.',
    fix: 'Inget har ändrats. Rätta det som meddelandet nämner och försök igen.',
  },
  'tool.noReport': {
    number: 503,
    description: 'Det finns ingen rapport att ta fram.',
    fix: 'Kontrollera år, tertial och område; en uppföljning måste vara publicerad i boten först.',
  },
  unknown: {
    number: 901,
    description: 'Ett oväntat fel.',
    fix: 'Läs felet i loggen. Kvarstår det: rapportera det med loggraden (utan personuppgifter).',
  },
} as const satisfies Record<string, ErrorEntry>;

/** A code of the catalogue: `<part>.<what>`. */
export type ErrorCode = keyof typeof errorCatalogue;

/** True when `value` is a code of the catalogue (an own error's `code`; never an errno like "ENOSPC"). */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorCatalogue, value);
}
