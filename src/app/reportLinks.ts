// The port through which commands hand out links to documents. The links are made (and later
// checked) outside the app: src/report/links.ts signs them for the bot's own HTTP server.
import type { Tertial } from '../domain/calendar.js';

interface FollowUpLinks {
  pdf: string;
  html: string;
  expires: Date;
}

export interface ReportLinks {
  /** A link that opens the follow-up of one of the area's agreements, and nothing of another area. */
  followUp(ref: { areaId: string; agreementId: string; year: number; tertial: Tertial }, now: Date): FollowUpLinks;
  /** A link to the area's entries of the year as CSV. */
  entries(ref: { areaId: string; year: number }, now: Date): { csv: string; expires: Date };
}
