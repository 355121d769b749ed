// Where the bot serves its documents. Swedish paths: people see them in the address bar.
export const FOLLOW_UP_PATH = '/rapport/uppfoljning';
export const ENTRIES_PATH = '/rapport/insatser';
/** The public progress page of an area: /loften/<area id> (PUBLIC_PAGES=on). */
export const PUBLIC_PAGE_PATH = '/loften';

/** How long a link works: a follow-up is shared for a week; the export, with names, for a day. */
export const FOLLOW_UP_LINK_TTL_MS = 7 * 24 * 3600 * 1000;
export const ENTRIES_LINK_TTL_MS = 24 * 3600 * 1000;
