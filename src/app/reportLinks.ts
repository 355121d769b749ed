// The port through which commands hand out links to documents. The links are made (and later
// checked) outside the app: src/report/links.ts signs them for the bot's own HTTP server.
import type { Tertial } from '../domain/calendar.js';

interface FollowUpLinks {
  pdf: string;
  html: string;
  expires: Date;
}

export interface ReportLinks {
  followUp(ref: { agreementId: string; year: number; tertial: Tertial }, now: Date): FollowUpLinks;
  entries(year: number, now: Date): { csv: string; expires: Date };
}
