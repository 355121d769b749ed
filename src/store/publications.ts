// publications.json: the coordinators' drafts of the tertial follow-up and every publication ever
// made (who, when, what). Publications are only ever appended; a draft is overwritten by the next
// save of the same tertial. Every change resolves only after it is on disk.
import { z } from 'zod';
import {
  draftSchema,
  latestPublication,
  publicationSchema,
  sameTertial,
  type Draft,
  type Publication,
  type TertialKey,
} from '../domain/publication.js';
import { JsonDocument } from './document.js';
import type { Storage } from './storage.js';

const publicationsFileSchema = z.object({
  version: z.literal(1),
  drafts: z.array(draftSchema),
  publications: z.array(publicationSchema),
});

type PublicationsFile = z.infer<typeof publicationsFileSchema>;

export class PublicationStore {
  private constructor(private readonly doc: JsonDocument<PublicationsFile>) {}

  /** Opens and validates publications.json; a missing file is an empty one, an unreadable one throws StoreFileError. */
  static async open(storage: Storage): Promise<PublicationStore> {
    const { document } = await JsonDocument.open(storage.document('publications'), publicationsFileSchema, () => ({
      version: 1 as const,
      drafts: [],
      publications: [],
    }));
    return new PublicationStore(document);
  }

  all(): readonly Publication[] {
    return this.doc.data.publications;
  }

  /** The tertial's publication the public sees (the newest), or undefined. */
  latest(key: TertialKey): Publication | undefined {
    return latestPublication(this.all(), key);
  }

  /** Every tertial's saved draft (store:migrate copies them). */
  drafts(): readonly Draft[] {
    return this.doc.data.drafts;
  }

  draft(key: TertialKey): Draft | undefined {
    return this.doc.data.drafts.find((d) => sameTertial(d, key));
  }

  /** Saves the tertial's draft comments in place of the previous draft. */
  saveDraft(draft: Draft): Promise<Draft> {
    const valid = draftSchema.parse(draft);
    return this.doc.update((data) => {
      data.drafts = data.drafts.filter((d) => !sameTertial(d, valid));
      data.drafts.push(valid);
      return structuredClone(valid);
    });
  }

  /** Appends the publication, and keeps its comments as the tertial's draft for the next review. */
  publish(publication: Publication): Promise<Publication> {
    const valid = publicationSchema.parse(publication);
    return this.doc.update((data) => {
      data.publications.push(valid);
      data.drafts = data.drafts.filter((d) => !sameTertial(d, valid));
      data.drafts.push({
        agreementId: valid.agreementId,
        year: valid.year,
        tertial: valid.tertial,
        comments: valid.comments,
        ...(valid.basis ? { basis: valid.basis } : {}),
        savedBy: valid.publishedBy,
        savedAt: valid.publishedAt,
      });
      return structuredClone(valid);
    });
  }
}
