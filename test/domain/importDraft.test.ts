// Changing an import draft before it is saved: its period, and its title, police area and promises.
import { expect } from 'chai';
import { importAgreements } from '../../src/domain/import/importText.js';
import type { Agreement } from '../../src/domain/agreement.js';
import { editAgreement, importDraftSchema, withPeriod, type DraftEditProblem } from '../../src/domain/importDraft.js';
import { render } from '../../src/views/catalogue.js';
import { importTexts } from '../../src/views/importTexts.js';

/** The refusal's Swedish sentence, or '' when the edit was accepted. */
const refusal = (r: Agreement | DraftEditProblem): string => ('code' in r ? render(importTexts, r) : '');

const text = [
  'Medborgarlöfte 2022',
  '',
  'Polisen lovar att:',
  '',
  '• Polisen ska patrullera i centrum varje vecka.',
  '• Polisen ska genomföra minst fyra trafikkontroller.',
  '• Polisen ska besöka skolorna varje månad.',
].join('\n');
const agreement = importAgreements(text, { today: '2026-11-29', area: 'ekby' }).drafts[0]!.agreement;
const lines = (numbers: number[]) => numbers.map((n) => `${n}. ${agreement.promises[n - 1]!.text}`).join('\n');

describe('import draft: the coordinator changes the agreement', () => {
  it('withPeriod reads any form a text uses, and the id and a made title follow', () => {
    const changed = withPeriod(agreement, 'under 2023 och 2024')!;
    expect(changed.period).to.deep.equal({ start: '2023-01-01', end: '2024-12-31' });
    expect(changed.id).to.equal('ekby-2023-2024');
    expect(changed.title).to.equal('Medborgarlöfte 2023-2024');
    expect(withPeriod({ ...agreement, title: 'Trygga Ekby' }, '2023')!.title).to.equal('Trygga Ekby');
    expect(withPeriod(agreement, 'nästa år')).to.equal(undefined);
  });

  it('a promise left out is merged into the one before it; the first, into the first kept', () => {
    const edit = { title: 'T', period: '2022', policeArea: 'Lokalpolisområde Ekby' };
    const merged = editAgreement(agreement, { ...edit, promises: lines([1, 3]) });
    if ('code' in merged) throw new Error(render(importTexts, merged));
    const [p1, , p3] = agreement.promises.map((p) => p.id);
    expect(merged.activities.map((a) => a.promiseIds)).to.deep.equal([[p1], [p1], [p3]]);

    const firstGone = editAgreement(agreement, { ...edit, promises: lines([2, 3]) });
    if ('code' in firstGone) throw new Error(render(importTexts, firstGone));
    expect(firstGone.activities[0]!.promiseIds).to.deep.equal([agreement.promises[1]!.id]);
  });

  it('refuses an empty title, police area, promise list or an unreadable period, in Swedish', () => {
    const ok = { title: 'T', period: '2022', policeArea: 'Lokalpolisområde Ekby', promises: lines([1]) };
    expect(refusal(editAgreement(agreement, { ...ok, title: ' ' }))).to.match(/Titeln/u);
    expect(refusal(editAgreement(agreement, { ...ok, policeArea: '' }))).to.match(/lokalpolisområdet/u);
    expect(refusal(editAgreement(agreement, { ...ok, promises: '\n \n' }))).to.match(/minst ett löfte/u);
    expect(refusal(editAgreement(agreement, { ...ok, period: 'snart' }))).to.match(/"snart" går inte att läsa/u);
  });

  it('reads stored doubts as codes, and those stored as sentences before the codes', () => {
    const stored = {
      id: 'imp-1',
      conversationId: 'c',
      by: { id: 'p', name: 'P' },
      at: '2026-11-29T10:00:00.000Z',
      source: text,
      agreement,
      doubts: { period: [{ code: 'doubt.noPeriod' }], municipality: 'kommunens namn står inte i texten' },
      activityDoubts: { x: { target: [{ code: 'doubt.condition', condition: '20 procent' }] } },
      status: 'open',
    };
    expect(importDraftSchema.parse(stored)).to.deep.equal(stored);
    expect(
      importDraftSchema.safeParse({ ...stored, doubts: { period: [{ code: 'doubt.unknown' }] } }).success,
    ).to.equal(false);
  });
});
