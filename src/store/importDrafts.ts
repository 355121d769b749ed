// import-drafts.json: agreements drafted by /importera and waiting for "Spara" or "Avbryt". Held on
// disk so a restart between pasting and saving loses nothing; a saved or cancelled draft stays as
// the record of who closed it and when.
import { z } from 'zod';
import { importDraftSchema, type ImportDraft } from '../domain/importDraft.js';
import { JsonDocument } from './document.js';
import type { Storage } from './storage.js';

const draftsFileSchema = z.object({
  version: z.literal(1),
  drafts: z.array(importDraftSchema),
});

type DraftsFile = z.infer<typeof draftsFileSchema>;

export class ImportDraftStore {
  private constructor(private readonly doc: JsonDocument<DraftsFile>) {}

  static async open(storage: Storage): Promise<ImportDraftStore> {
    const { document } = await JsonDocument.open(storage.document('import-drafts'), draftsFileSchema, () => ({
      version: 1 as const,
      drafts: [],
    }));
    return new ImportDraftStore(document);
  }

  /** Every draft, open or closed (store:migrate copies them). */
  all(): readonly ImportDraft[] {
    return this.doc.data.drafts;
  }

  get(id: string): ImportDraft | undefined {
    return this.doc.data.drafts.find((d) => d.id === id);
  }

  /** Stores new drafts; resolves once they are on disk. */
  async add(drafts: readonly ImportDraft[]): Promise<void> {
    const valid = drafts.map((d) => importDraftSchema.parse(d));
    await this.doc.update((data) => {
      data.drafts.push(...valid);
    });
  }

  /**
   * Changes an open draft; `change` returns the new draft, or undefined to leave it. Resolves with
   * the stored draft, or undefined when there is no open draft with that id.
   */
  async updateOpen(
    id: string,
    change: (draft: ImportDraft) => ImportDraft | undefined,
  ): Promise<ImportDraft | undefined> {
    return this.doc.update((data) => {
      const i = data.drafts.findIndex((d) => d.id === id && d.status === 'open');
      const current = data.drafts[i];
      if (i < 0 || !current) return undefined;
      const next = change(structuredClone(current));
      if (!next) return undefined;
      const valid = importDraftSchema.parse(next);
      data.drafts[i] = valid;
      return valid;
    });
  }
}
