// The follow-up's drafts and publications, and the imports waiting for review. A change takes its
// audit record (optional where the bot makes none today: a draft saved, an import drafted) and the
// store keeps the two together.
import type { NewAuditRecord } from '../../domain/audit.js';
import type { ImportDraft } from '../../domain/importDraft.js';
import type { Draft, Publication, TertialKey } from '../../domain/publication.js';

export interface Publications {
  all(): Promise<readonly Publication[]>;
  /** The newest publication of the area's tertial, if any. */
  latest(key: TertialKey): Promise<Publication | undefined>;
  draft(key: TertialKey): Promise<Draft | undefined>;
  saveDraft(draft: Draft, audit?: NewAuditRecord): Promise<Draft>;
  publish(publication: Publication, audit: NewAuditRecord): Promise<Publication>;
}

export interface ImportDrafts {
  get(id: string): Promise<ImportDraft | undefined>;
  add(drafts: readonly ImportDraft[], audit?: NewAuditRecord): Promise<void>;
  /**
   * Changes an open draft. `change` is pure (the domain's: it may run more than once, and inside the
   * store's transaction): it returns the new draft, or undefined to leave it. Resolves with the stored
   * draft, or undefined when there is no open draft with that id or nothing changed (then `audit`
   * is not stored either).
   */
  updateOpen(
    id: string,
    change: (draft: ImportDraft) => ImportDraft | undefined,
    audit?: NewAuditRecord,
  ): Promise<ImportDraft | undefined>;
}
