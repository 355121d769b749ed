// Conformance: publications, import drafts and service URLs round-trip, and readers get copies.
import { expect } from 'chai';
import { setupAudit } from '../../support/audit.js';
import type { ImportDraft } from '../../../src/domain/importDraft.js';
import { publicationSchema, type Publication } from '../../../src/domain/publication.js';
import type { MakeStore } from './index.js';
import { ANNA, AT, J2020, freshStore } from './fixtures.js';

const key = { agreementId: 'jonkoping-2020', year: 2020, tertial: 1 as const };
const draftOf = (text: string) => ({ ...key, comments: { a: text }, savedBy: ANNA, savedAt: AT.toISOString() });

export function documentConformance(makeStore: MakeStore): void {
  describe('publications, import drafts and service URLs', () => {
    const store = freshStore(makeStore);

    it('keeps the latest draft of a tertial, and a publication becomes its draft', async () => {
      const { publications } = store().port;
      expect(await publications.draft(key)).to.equal(undefined);
      await publications.saveDraft(draftOf('första'));
      await publications.saveDraft(draftOf('andra'));
      expect((await publications.draft(key))?.comments).to.deep.equal({ a: 'andra' });
      const draft = await publications.draft(key);
      if (draft) draft.comments = { a: 'ändrad av läsaren' };
      expect((await publications.draft(key))?.comments).to.deep.equal({ a: 'andra' });
      expect(await publications.draft({ ...key, tertial: 2 })).to.equal(undefined);
    });

    it('round-trips a publication', async () => {
      const { publications } = store().port;
      const existing = await publications.all();
      expect(existing).to.deep.equal([]);
      const published = publicationFixture();
      await publications.publish(published, setupAudit('publication.published'));
      expect(await publications.all()).to.deep.equal([published]);
      expect(await publications.latest(key)).to.deep.equal(published);
      expect((await publications.draft(key))?.comments).to.deep.equal(published.comments);
      expect(await publications.latest({ ...key, year: 2021 })).to.equal(undefined);
    });

    it('round-trips import drafts and changes only open ones', async () => {
      const { importDrafts } = store().port;
      const draft: ImportDraft = {
        id: 'imp-1',
        conversationId: 'c1',
        by: ANNA,
        at: AT.toISOString(),
        source: 'text',
        agreement: J2020,
        doubts: {},
        activityDoubts: {},
        status: 'open',
      };
      await importDrafts.add([draft]);
      expect(await importDrafts.get('imp-1')).to.deep.equal(draft);
      const changed = await importDrafts.updateOpen('imp-1', (d) => ({ ...d, source: 'ändrad' }));
      expect(changed?.source).to.equal('ändrad');
      expect(await importDrafts.updateOpen('imp-1', () => undefined)).to.equal(undefined);
      await importDrafts.updateOpen('imp-1', (d) => ({
        ...d,
        status: 'saved',
        closed: { by: ANNA, at: AT.toISOString() },
      }));
      expect(await importDrafts.updateOpen('imp-1', (d) => ({ ...d, source: 'igen' }))).to.equal(undefined);
      expect(await importDrafts.get('imp-1')).to.deep.include({ status: 'saved', source: 'ändrad' });
      expect(await importDrafts.get('nope')).to.equal(undefined);
      const read = await importDrafts.get('imp-1');
      if (read) read.source = 'läsaren';
      expect((await importDrafts.get('imp-1'))?.source).to.equal('ändrad');
    });

    it('trusts a service URL for its tenant only', async () => {
      const { serviceUrls } = store().port;
      await serviceUrls.trust('t1', 'https://smba.trafficmanager.net/emea/', AT);
      expect(await serviceUrls.isTrusted('t1', 'https://SMBA.trafficmanager.net/emea')).to.equal(true);
      expect(await serviceUrls.isTrusted('t2', 'https://smba.trafficmanager.net/emea')).to.equal(false);
      expect(await serviceUrls.isTrusted('t1', 'https://evil.example/emea')).to.equal(false);
    });

    it('stores a publication with its record, and a draft or an import draft with theirs when given', async () => {
      const { port } = store();
      const record = (action: 'publication.published' | 'agreement.imported', detail: string) => ({
        at: AT.toISOString(),
        by: ANNA,
        via: 'card' as const,
        action,
        agreementId: 'jonkoping-2020',
        detail,
      });
      const made = async () =>
        (await port.audit.read()).filter((r) => r.via === 'card').map(({ id: _id, v: _v, ...rest }) => rest);
      await port.publications.saveDraft(draftOf('utan post'));
      await port.publications.saveDraft(draftOf('med post'), record('publication.published', 'draft'));
      const published = await port.publications.publish(
        publicationFixture(),
        record('publication.published', 'T1 2020'),
      );
      expect(published.id).to.equal('pub-1');
      const draft: ImportDraft = {
        id: 'imp-1',
        conversationId: 'c1',
        by: ANNA,
        at: AT.toISOString(),
        source: 'text',
        agreement: J2020,
        doubts: {},
        activityDoubts: {},
        status: 'open',
      };
      await port.importDrafts.add([draft], record('agreement.imported', 'drafted'));
      // Nothing changed (no such draft, or the change left it): no record either.
      expect(await port.importDrafts.updateOpen('nope', (d) => d, record('agreement.imported', 'none'))).to.equal(
        undefined,
      );
      expect(
        await port.importDrafts.updateOpen('imp-1', () => undefined, record('agreement.imported', 'left')),
      ).to.equal(undefined);
      await port.importDrafts.updateOpen(
        'imp-1',
        (d) => ({ ...d, status: 'saved', closed: { by: ANNA, at: AT.toISOString() } }),
        record('agreement.imported', 'saved'),
      );
      expect(await made()).to.deep.equal([
        record('publication.published', 'draft'),
        record('publication.published', 'T1 2020'),
        record('agreement.imported', 'drafted'),
        record('agreement.imported', 'saved'),
      ]);
      expect(await port.publications.all()).to.deep.equal([published]);
      expect((await port.importDrafts.get('imp-1'))?.status).to.equal('saved');
    });

    it('keeps audit records made without a change, and reads them back by selection', async () => {
      const { audit } = store().port;
      const stored = await audit.record({
        at: AT.toISOString(),
        by: ANNA,
        via: 'cli',
        action: 'person.erased',
        detail: '3',
      });
      expect(stored).to.deep.include({ action: 'person.erased', detail: '3' });
      expect((await audit.read()).at(-1)).to.deep.equal(stored);
      expect(await audit.read({ entryId: 'nope' })).to.deep.equal([]);
    });
  });
}

/** A publication of jonkoping-2020's first tertial, as the follow-up makes it (figures left out). */
function publicationFixture(): Publication {
  return publicationSchema.parse({
    id: 'pub-1',
    ...key,
    comments: { a: 'publicerad' },
    publishedBy: ANNA,
    publishedAt: AT.toISOString(),
    document: {
      title: 'Uppföljning',
      facts: [],
      phase: 'T1',
      summary: '',
      promises: [],
      progressChart: [],
      monthChart: [],
      footnote: '',
      author: 'Anna',
      asOf: '2020-04-30',
    },
  });
}
