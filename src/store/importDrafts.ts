// import-drafts.json: agreements drafted by /importera and waiting for "Spara" or "Avbryt". Held on
// disk so a restart between pasting and saving loses nothing; a saved or cancelled draft stays as
// the record of who closed it and when. A change's audit record, when it has one, goes in the same
// write (pendingAudit, see auditedWrite.ts).
import type { NewAuditRecord } from '../domain/audit.js';
import { z } from 'zod';
import { importDraftSchema, type ImportDraft } from '../domain/importDraft.js';
import type { AuditLog } from './auditLog.js';
import { pendingAuditField, recoverPendingAudit, writeAudited } from './auditedWrite.js';
import { JsonDocument } from './document.js';
import type { Storage } from './storage.js';

const draftsFileSchema = z.object({
  version: z.literal(1),
  drafts: z.array(importDraftSchema),
  ...pendingAuditField,
});

type DraftsFile = z.infer<typeof draftsFileSchema>;

export class ImportDraftStore {
  private constructor(
    private readonly doc: JsonDocument<DraftsFile>,
    private readonly audit: AuditLog,
  ) {}

  /** Opens import-drafts.json; audit records it carries that a crash kept out of `audit` are appended to it. */
  static async open(storage: Storage, audit: AuditLog): Promise<ImportDraftStore> {
    const { document } = await JsonDocument.open(storage.document('import-drafts'), draftsFileSchema, () => ({
      version: 1 as const,
      drafts: [],
    }));
    await recoverPendingAudit(audit, [document]);
    return new ImportDraftStore(document, audit);
  }

  /** Every draft, open or closed (store:migrate copies them). */
  all(): readonly ImportDraft[] {
    return this.doc.data.drafts;
  }

  get(id: string): ImportDraft | undefined {
    return this.doc.data.drafts.find((d) => d.id === id);
  }

  /** Stores new drafts; resolves once they are on disk. */
  async add(drafts: readonly ImportDraft[], audit?: NewAuditRecord): Promise<void> {
    const valid = drafts.map((d) => importDraftSchema.parse(d));
    await writeAudited(this.doc, this.audit, (data) => {
      data.drafts.push(...valid);
      return { result: undefined, audit: audit ? [audit] : [] };
    });
  }

  /**
   * Changes an open draft; `change` returns the new draft, or undefined to leave it. Resolves with
   * the stored draft, or undefined when there is no open draft with that id (then `audit` is not
   * stored either).
   */
  async updateOpen(
    id: string,
    change: (draft: ImportDraft) => ImportDraft | undefined,
    audit?: NewAuditRecord,
  ): Promise<ImportDraft | undefined> {
    return writeAudited(this.doc, this.audit, (data) => {
      const i = data.drafts.findIndex((d) => d.id === id && d.status === 'open');
      const current = data.drafts[i];
      if (i < 0 || !current) return { result: undefined, audit: [] };
      const next = change(structuredClone(current));
      if (!next) return { result: undefined, audit: [] };
      const valid = importDraftSchema.parse(next);
      data.drafts[i] = valid;
      return { result: valid, audit: audit ? [audit] : [] };
    });
  }
}
