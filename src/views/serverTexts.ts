// What the HTTP routes answer when they cannot do what was asked: read by the Bot Framework's
// connector, a load balancer, or a person opening a report link. /healthz's reason is in Swedish,
// then English, since a load balancer's log or an English-speaking operator may be its reader.
import type { Catalogue } from './catalogue.js';

export type ServerAnswer =
  /** 401 to a request whose token did not pass. */
  | { code: 'server.unauthorized' }
  /** 400 to a request with no activity to check, or one whose turn failed. */
  | { code: 'server.activityRefused' }
  /** 500 from /rapport/*. */
  | { code: 'server.reportFailed' }
  /** 500 from the public page. */
  | { code: 'server.pageFailed' }
  /** 503 from /healthz: the store did not answer within `timeoutMs`. */
  | { code: 'server.storeNotReady'; timeoutMs: number };

export const serverTexts: Catalogue<ServerAnswer> = {
  'server.unauthorized': () => 'Ej behörig.',
  'server.activityRefused': () => 'Aktiviteten kunde inte behandlas.',
  'server.reportFailed': () => 'Rapporten kunde inte tas fram just nu. Försök igen om en stund.',
  'server.pageFailed': () => 'Sidan kunde inte tas fram just nu. Försök igen om en stund.',
  'server.storeNotReady': ({ timeoutMs }) =>
    `Lagringen svarar inte (inom ${timeoutMs} ms): boten tar inte emot meddelanden just nu. / The store does not answer (within ${timeoutMs} ms): the bot cannot take messages now.`,
};
