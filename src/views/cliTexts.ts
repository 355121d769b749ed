// What the operator's command-line tools say (npm run report, area, gdpr, store:*): one catalogue,
// in Swedish like everything else the bot's users and operators read. The tools choose the line; the
// words are here.

/** Where the tools' store is: the folder, or PostgreSQL (its address without the password). */
export type StoreWhere = { kind: 'file'; dir: string } | { kind: 'postgres'; url: string };

/** Said by every tool. */
export const toolTexts = {
  unknownArgument: (name: string) => `Okänt argument: ${name}`,
  unreadableArguments: 'Argumenten kunde inte läsas.',
  optionNeedsValue: (name: string) => `Argumentet ${name} behöver ett värde, t.ex. ${name} <värde>.`,
  noStoreFile: (dir: string, file: string) =>
    `Hittar ingen lagring i ${dir}: ${file} finns inte. Sätt STORE_DIR eller --store till botens lagringskatalog.`,
  storeLocked: (pid: number) =>
    `En bot använder lagringen just nu (process ${pid}). Stoppa boten först och kör kommandot igen. Inget har ändrats.`,
  couldNotWrite: (reason: string) => `Kunde inte skriva filen: ${reason}`,
  /** A failure the error catalogue knows, by its description, and the file or folder Node names. */
  failed: (description: string, path?: string) => `Fel: ${description}${path ? ` Sökväg: ${path}` : ''}`,
  wrote: (file: string, bytes: number) => `Skrev ${file} (${bytes.toLocaleString('sv-SE')} byte).`,
};

export const reportTexts = {
  usage: `Användning: npm run report -- --year <år> [--tertial 1|2|3] [--format pdf|html|csv] [--out <fil>] [--area <id>]

  --year      året, t.ex. 2020 (krävs)
  --tertial   1, 2 eller 3 (krävs för pdf och html; för csv: bara den tertialens insatser)
  --format    pdf (standard), html eller csv
  --out       filen att skriva; "-" skriver till standard ut. Standard: rapportens namn i katalogen du står i
  --store     lagringskatalogen (standard: STORE_DIR, annars data/store)
  --area      områdets id, t.ex. habo (krävs när lagringen har flera områden; npm run area -- list visar dem)

Med DATABASE_URL satt läses PostgreSQL-databasen i stället för lagringskatalogen.

Exempel: npm run report -- --year 2020 --tertial 1 --format pdf --out uppfoljning.pdf`,
  yearMissing: 'Ange året med --year, t.ex. --year 2020.',
  yearForm: (year: string) => `Året "${year}" ska skrivas med fyra siffror, t.ex. 2020.`,
  noSuchTertial: (tertial: string) =>
    `Tertial "${tertial}" finns inte: ange 1 (januari–april), 2 (maj–augusti) eller 3 (september–december).`,
  noSuchFormat: (format: string) => `Formatet "${format}" finns inte: ange pdf, html eller csv.`,
  tertialMissing: 'Ange tertialen med --tertial 1, 2 eller 3 (uppföljningen görs per tertial).',
  severalAreas: (ids: string) => `Lagringen har flera områden (${ids}): ange ett med --area.`,
  noSuchArea: (wanted: string, ids: string) => `Området "${wanted}" finns inte i lagringen. Områden: ${ids}.`,
  noAgreement: (year: number, tertial?: number) =>
    `Inget medborgarlöfte i lagringen gäller ${tertial ? `tertial ${tertial} ` : ''}${year}.`,
  notPublished: (year: number, tertial: number) =>
    `Tertial ${tertial} ${year} är inte publicerad. En samordnare granskar och publicerar den med /uppföljning T${tertial} ${year} i boten.`,
};

export const areaTexts = {
  usage: `Användning:
  npm run area -- add <område.json>        lägger till ett område från en fil
  npm run area -- list                     visar alla områden med medborgarlöften, tenants och samordnare
  npm run area -- set <id> [--tenants a,b] [--coordinators x,y]
                                           byter områdets tenants och/eller samordnare

  --store <katalog>   lagringskatalogen (standard: STORE_DIR, annars data/store)

Med DATABASE_URL satt ändras PostgreSQL-databasen i stället för lagringskatalogen.

Filen till add: {"id": "habo", "name": "Habo kommun", "policeArea": "Lokalpolisområde …",
  "tenants": ["<tenant-id>"], "coordinators": ["namn@habo.se"], "agreements": [ … ]}
där agreements (valfritt) har samma format som data/agreements/*.json.
På fillagringen måste boten vara stoppad: kommandona ändrar inget medan en bot använder lagringen.`,
  addFileMissing: 'Ange filen: npm run area -- add habo.json',
  setOptionsOnAdd: '--tenants och --coordinators hör till set; för add står de i filen.',
  listTakesNothing: 'list tar inga argument.',
  setIdMissing: 'Ange områdets id: npm run area -- set habo --tenants a,b',
  setWhatMissing: 'Ange --tenants, --coordinators eller båda.',
  noTenants: 'Ange minst en tenant (en tom lista skulle öppna området för alla organisationer).',
  noTenantsInFile: 'ange minst en tenant (en tom lista skulle öppna området för alla organisationer)',
  verbMissing: 'Ange add, list eller set.',
  unknownVerb: (verb: string) => `Okänt kommando "${verb}": ange add, list eller set.`,
  fileMissing: (file: string) => `Filen ${file} finns inte. Inget har ändrats.`,
  fileNotJson: (file: string, reason: string) =>
    `Filen ${file} kan inte läsas som JSON (${reason}). Inget har ändrats.`,
  fileInvalid: (file: string, problems: string) =>
    `Filen ${file} stämmer inte med formatet:\n${problems}\nInget har ändrats.`,
  wholeFile: '(filen)',
  areaExists: (id: string) => `Området ${id} finns redan. Inget har ändrats.`,
  agreementExists: (id: string) =>
    `Medborgarlöftet ${id} finns redan i lagringen (id ska vara unika). Inget har ändrats.`,
  refused: (reason: string) => `Ändringen avvisades: ${reason}. Inget har ändrats.`,
  noSuchArea: (id: string, ids: string) => `Området "${id}" finns inte. Områden: ${ids}. Inget har ändrats.`,
  noAreas: 'Inga områden än.',
  added: (text: string) => `Lade till området:\n${text}`,
  changed: (text: string) => `Ändrade området:\n${text}`,
  unchanged: 'Inget ändrades.',
  none: 'inga',
  area: (a: {
    id: string;
    name: string;
    policeArea: string;
    agreements: readonly { id: string; start: string; end: string }[];
    tenants: readonly string[];
    coordinators: readonly string[];
  }) =>
    [
      `${a.id}  ${a.name} (${a.policeArea})`,
      `  medborgarlöften: ${a.agreements.map((x) => `${x.id} (${x.start} – ${x.end})`).join(', ') || 'inga'}`,
      `  tenants: ${a.tenants.join(', ') || 'alla (ingen begränsning)'}`,
      `  samordnare: ${a.coordinators.join(', ') || 'inga'}`,
    ].join('\n'),
  operatorName: (user: string) => `${user} (npm run area)`,
  unknownUser: 'okänd',
};

export const gdprTexts = {
  usage: `Användning:
  npm run gdpr -- export --user <id> [--out <fil>] [--store <mapp>]
  npm run gdpr -- erase --user <id> [--store <mapp>]

Med DATABASE_URL satt gäller begäran PostgreSQL-databasen i stället för lagringsmappen.`,
  wroteExport: (records: number, audit: number, file: string) =>
    `Skrev ${records} poster och ${audit} granskningsposter till ${file}.`,
  nothingAbout: (user: string) => `Inget i lagringen gäller ${user}.`,
  nothingToErase: (user: string) => `Inget i lagringen gäller ${user}; inget ändrat.`,
  notErasing: (reason: string) => `Raderar inte: ${reason}`,
  problem: (file: string, problem: string) => `  FEL  ${file}: ${problem}`,
  erased: (user: string, pseudonym: { id: string; name: string }, total: number, store: StoreWhere) =>
    `Klart: ${user} är ersatt med ${pseudonym.id} ("${pseudonym.name}") i ${total} poster. Siffrorna är desamma. ` +
    (store.kind === 'file'
      ? 'Säkerhetskopior äldre än i dag har kvar uppgifterna tills de gallras (BACKUP_KEEP_DAYS).'
      : 'Databasens säkerhetskopior (pg_dump, tjänstens återställningspunkter) har kvar uppgifterna tills de gallras.'),
};

export const storeToolTexts = {
  usage: `Användning (för fillagringen, lagringsmappen STORE_DIR):
  npm run store:check [-- --store <mapp>]
  npm run store:snapshot [-- --store <mapp>]
  npm run store:restore -- <säkerhetskopia | senaste> [--store <mapp>]

Med PostgreSQL (DATABASE_URL) kontrollerar store:check varje rad genom lagringens gränssnitt;
säkerhetskopior tas och återställs med pg_dump eller tjänstens säkerhetskopior.`,
  fileStoreOnly: (command: string) =>
    `npm run store:${command} är för fillagringen; för PostgreSQL: pg_dump / tjänstens säkerhetskopior. DATABASE_URL är satt, inget har gjorts.`,
  problem: (file: string, problem: string) => `  FEL  ${file}: ${problem}`,
  liveStore: (ok: boolean, dir: string) => `${ok ? 'OK ' : 'FEL'} lagringen ${dir}`,
  snapshot: (ok: boolean, dir: string, reason: string, files: number) =>
    `${ok ? 'OK ' : 'FEL'} säkerhetskopia ${dir} (${reason}, ${files} filer)`,
  allWell: (snapshots: number) =>
    `Allt i ordning: lagringen och ${snapshots} ${snapshots === 1 ? 'säkerhetskopia' : 'säkerhetskopior'}.`,
  problems: (n: number) => `${n} problem hittade.`,
  databaseChecked: (url: string, areas: number, agreements: number, entries: number, audit: number) =>
    `OK  databasen ${url}: ${areas} områden, ${agreements} medborgarlöften, ${entries} insatser och ${audit} granskningsposter lästa och kontrollerade.`,
  databaseProblem: (reason: string) => `FEL databasen: ${reason}`,
  botTakesNightly: (reason: string) => `${reason} Boten tar själv en säkerhetskopia varje natt.`,
  snapshotTaken: (dir: string, files: number) => `Säkerhetskopia tagen och kontrollerad: ${dir} (${files} filer).`,
  restored: (snapshot: string, files: number, setAside: string) =>
    `Återställd från ${snapshot} (${files} filer). De ersatta filerna ligger i ${setAside}.`,
  notRestoring: (reason: string) => `Återställer inte: ${reason}`,
};

const FILE_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'filen finns inte',
  EACCES: 'behörighet saknas till filen',
  EPERM: 'behörighet saknas till filen',
  EISDIR: 'det är en mapp, inte en fil',
  ENOTDIR: 'en del av sökvägen är inte en mapp',
};

/** npm run import: reads a published text into an agreement draft. */
export const importToolTexts = {
  usage: `Användning: npm run import -- <text.txt> --out <utkast.json> [--area <område>]

  <text.txt>  medborgarlöftestexten som den är publicerad (UTF-8)
  --out       filen att skriva utkastet till (JSON som data/agreements/*.json; "-" skriver till standard ut)
  --area      områdets id, t.ex. jonkoping (standard: av kommunens namn)

Exempel: npm run import -- ../shared/seeds/jonkoping-medborgarloften.txt --out utkast.json`,
  inputMissing: 'Ange textfilen att läsa in.',
  oneInput: (extra: string) => `En textfil i taget: "${extra}" är för mycket.`,
  outMissing: 'Ange var utkastet ska skrivas med --out, t.ex. --out utkast.json.',
  areaForm: (area: string) => `Områdets id "${area}" ska skrivas med små bokstäver a-z, siffror och bindestreck.`,
  couldNotRead: (file: string, reason: string) => `Kunde inte läsa ${file}: ${reason}`,
  /** Why a file could not be read, by Node's errno (ENOENT, EACCES, EISDIR); any other reason as it is. */
  fileReason: (errno: string) => FILE_REASONS[errno] ?? errno,
  problem: (problem: string) => `Kunde inte läsa in: ${problem}`,
  nothingRead: (file: string) =>
    `Inget medborgarlöfte kunde läsas ur ${file}: inga löften eller aktiviteter hittades. Inget skrevs.`,
  couldNotWrite: (file: string, reason: string) => `Kunde inte skriva ${file}: ${reason}`,
  wrote: (file: string, drafts: number) =>
    `Skrev ${file}: ${drafts === 1 ? 'ett utkast' : `${drafts} utkast`}. Granska fälten med "?" innan utkastet används.`,
};

/** npm run store:migrate: moves a file store into an empty PostgreSQL database. */
export const migrateToolTexts = {
  usage: 'Användning: npm run store:migrate -- [--from <lagringsmapp>] [--to <postgres://…>]',
  noDatabase: 'Ingen databas: ange --to <adress> eller sätt DATABASE_URL.',
  noFileStore: (dir: string) =>
    `Hittar ingen fillagring i ${dir} (areas.json saknas). Ange --from eller sätt STORE_DIR.`,
  copying: (dir: string, url: string) => `Kopierar ${dir} till ${url}`,
  same: 'Databasen har samma poster och siffror.',
  /** The comparison table's words: its header, a row that matches, one that does not, an agreement's status row. */
  header: ['tabell', 'filer', 'postgres', ''] as const,
  matches: 'ok',
  sameStatus: 'samma',
  differsMark: 'SKILJER SIG',
  statusRow: (agreementId: string) => `status ${agreementId}`,
  targetNotEmpty: (tables: string) => `databasen har redan innehåll (${tables}); inget kopierades`,
  differs: 'Kopian SKILJER SIG från filerna.',
};
