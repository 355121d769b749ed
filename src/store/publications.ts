// publications.json: the coordinators' drafts of the tertial follow-up and every publication ever
// made (who, when, what). Publications are only ever appended; a draft is overwritten by the next
// save of the same tertial. Every change resolves only after it is on disk, with its audit record
// in the same write when it has one (pendingAudit, see auditedWrite.ts).
import type { NewAuditRecord } from '../domain/audit.js';
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
import type { AuditLog } from './auditLog.js';
import { pendingAuditField, recoverPendingAudit, writeAudited } from './auditedWrite.js';
import { JsonDocument } from './document.js';
import type { Storage } from './storage.js';

const publicationsFileSchema = z.object({
  version: z.literal(1),
  drafts: z.array(draftSchema),
  publications: z.array(publicationSchema),
  ...pendingAuditField,
});

type PublicationsFile = z.infer<typeof publicationsFileSchema>;

/** publications.json as read and validated, before the audit log is opened (see PublicationStore.read). */
export type PublicationsDocument = JsonDocument<PublicationsFile>;

export class PublicationStore {
  private constructor(
    private readonly doc: PublicationsDocument,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Reads and validates publications.json, writing nothing: a missing file is an empty one, an
   * unreadable one throws StoreFileError (the store reads it before anything is written).
   */
  static async read(storage: Storage): Promise<PublicationsDocument> {
    const { document } = await JsonDocument.open(storage.document('publications'), publicationsFileSchema, () => ({
      version: 1 as const,
      drafts: [],
      publications: [],
    }));
    return document;
  }

  /** The store over the document `read` gave; audit records it carries that a crash kept out of `audit` are appended to it. */
  static async open(doc: PublicationsDocument, audit: AuditLog): Promise<PublicationStore> {
    await recoverPendingAudit(audit, [doc]);
    return new PublicationStore(doc, audit);
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
  saveDraft(draft: Draft, audit?: NewAuditRecord): Promise<Draft> {
    const valid = draftSchema.parse(draft);
    return writeAudited(this.doc, this.audit, (data) => {
      data.drafts = data.drafts.filter((d) => !sameTertial(d, valid));
      data.drafts.push(valid);
      return { result: structuredClone(valid), audit: audit ? [audit] : [] };
    });
  }

  /** Appends the publication, and keeps its comments as the tertial's draft for the next review. */
  publish(publication: Publication, audit: NewAuditRecord): Promise<Publication> {
    const valid = publicationSchema.parse(publication);
    return writeAudited(this.doc, this.audit, (data) => {
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
      return { result: structuredClone(valid), audit: [audit] };
    });
  }
}
