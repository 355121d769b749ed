// One language for progress: the same state gives the same word on the /status card, in the
// published follow-up (PDF and web page) and on the public page; and every text colour those
// documents use has at least 4.5:1 contrast on their white background (WCAG 2.1 1.4.3).
import { expect } from 'chai';
import { TEAMS_LIGHT_HOST_CONFIG } from '../../scripts/teamsHostConfig.js';
import { followUp } from '../../src/domain/followUp.js';
import { publicationSchema } from '../../src/domain/publication.js';
import { followUpHtml } from '../../src/report/html.js';
import { agreementStatus, type StatusCode } from '../../src/domain/status.js';
import { publicPageHtml } from '../../src/report/publicPage.js';
import { renderPublication } from '../../src/report/reports.js';
import { statusCard } from '../../src/views/statusCard.js';
import {
  STATUS_ORDER,
  progressAndStatus,
  statusCardColor,
  statusLine,
  statusPrintColor,
  statusWord,
} from '../../src/views/statusWords.js';
import { A2020, fixtureCompletions, fixtureEntries, fixtureStore, publishFixture } from '../fixtures/followUpStore.js';
import { pdfText } from '../report/pdfText.js';

/** WCAG 2.1 relative luminance of "#rrggbb" (https://www.w3.org/TR/WCAG21/#dfn-relative-luminance). */
function luminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.1 contrast ratio (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio), 1 … 21. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Every CSS text colour (`color:#…`, not background or fill) in a page, as "#rrggbb". */
function textColours(html: string): string[] {
  const found = [...html.matchAll(/(?<![-\w])color:\s*(#[0-9a-f]{3,6})\b/giu)].map((m) => m[1] ?? '');
  return [...new Set(found.map((c) => (c.length === 4 ? `#${[...c.slice(1)].map((d) => d + d).join('')}` : c)))];
}

/** The texts of a card in reading order. */
function cardTexts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(cardTexts);
  if (node === null || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  const own = typeof o.text === 'string' ? [o.text] : [];
  return [...own, ...Object.entries(o).flatMap(([k, v]) => (k === 'text' ? [] : cardTexts(v)))];
}

const WHITE = '#ffffff';

describe('status words (one language for progress)', () => {
  describe('contrast (WCAG 2.1 1.4.3, at least 4.5:1 for text)', () => {
    it('every status colour of the documents and the public page is at least 4.5:1 on white', () => {
      const ratios = STATUS_ORDER.map((s) => [s, statusPrintColor(s), contrast(statusPrintColor(s), WHITE)] as const);
      for (const [s, colour, ratio] of ratios) expect(ratio, `${s} ${colour}`).to.be.at.least(4.5);
    });

    it('the contrast formula gives WCAG’s known values', () => {
      expect(contrast('#000000', WHITE)).to.be.closeTo(21, 1e-9);
      expect(contrast(WHITE, WHITE)).to.equal(1);
      expect(contrast('#767676', WHITE)).to.be.closeTo(4.54, 0.01);
    });

    it('every text colour on the public page and the published web page is at least 4.5:1 on white', async () => {
      const store = await fixtureStore();
      const publication = await publishFixture(store, { year: 2020, tertial: 1 }, new Date('2020-05-10T08:00:00Z'));
      const status = agreementStatus(A2020, fixtureEntries(), fixtureCompletions(), '2020-04-30');
      const page = publicPageHtml({ agreement: A2020, status, publications: [publication], embed: false });
      const html = (await renderPublication(publication, A2020.area, 'html')).body.toString('utf8');
      for (const [name, doc] of [
        ['public page', page],
        ['web page', html],
      ] as const) {
        const colours = textColours(doc);
        expect(colours.length, name).to.be.greaterThan(1);
        for (const c of colours) expect(contrast(c, WHITE), `${name} ${c}`).to.be.at.least(4.5);
      }
    });

    it('cards never colour a status word Warning (light yellow in Teams’ light theme) and the colours they use are ≥ 4.5:1 there', () => {
      const fg = TEAMS_LIGHT_HOST_CONFIG.containerStyles.default.foregroundColors;
      const named = { Default: fg.default.default, Good: fg.good.default, Attention: fg.attention.default };
      expect(contrast(fg.warning.default, WHITE)).to.be.below(4.5); // why Warning is not used
      for (const s of STATUS_ORDER) {
        const c = statusCardColor(s);
        expect(c, s).not.to.equal('Warning');
        expect(contrast(named[c], WHITE), `${s} ${c}`).to.be.at.least(4.5);
      }
    });
  });

  describe('the same state, the same word everywhere', () => {
    const cases = [
      { tertial: 1, published: '2020-05-10T08:00:00Z', asOf: '2020-04-30' },
      { tertial: 2, published: '2020-09-01T08:00:00Z', asOf: '2020-08-31' },
      { tertial: 3, published: '2021-01-15T08:00:00Z', asOf: '2021-01-15' },
    ] as const;
    const seen = new Set<StatusCode>();

    for (const c of cases) {
      it(`tertial ${c.tertial} 2020: the /status card, the PDF, the web page and the public page agree`, async () => {
        const entries = fixtureEntries();
        const status = agreementStatus(A2020, entries, fixtureCompletions(), c.asOf);
        const f = followUp(
          A2020,
          entries,
          fixtureCompletions(),
          { year: 2020, tertial: c.tertial },
          c.published.slice(0, 10),
        );
        const store = await fixtureStore();
        const publication = await publishFixture(store, { year: 2020, tertial: c.tertial }, new Date(c.published));
        const pdf = (await pdfText((await renderPublication(publication, A2020.area, 'pdf')).body)).pages.join('\n');
        const html = (await renderPublication(publication, A2020.area, 'html')).body.toString('utf8');
        const page = publicPageHtml({ agreement: A2020, status, publications: [], embed: false });
        const card = cardTexts(statusCard(status));

        // The follow-up judges each activity as /status does on its last day.
        for (const a of status.activities) {
          const inFollowUp = f.activities.find((x) => x.activity.id === a.activity.id);
          expect(inFollowUp?.state, a.activity.id).to.equal(a.status);
          seen.add(a.status);
          const word = statusWord(a.status);
          const name = a.activity.name;
          // The card: the first status text after the activity's name is its mark and word.
          const at = card.indexOf(name);
          expect(at, name).to.be.at.least(0);
          const marked = card.slice(at).find((t) => STATUS_ORDER.some((s) => t.startsWith(statusLine(s))));
          expect(marked, name).to.satisfy((t: string) => t.startsWith(statusLine(a.status)));
          // The public page.
          const item = page.slice(page.indexOf(`<h4 class="name">${name}</h4>`));
          expect(item.match(/<span class="state"[^>]*>([^<]*)<\/span>/u)?.[1], name).to.equal(word);
          // The published web page (under the first promise the activity serves).
          const section = html.slice(html.indexOf(`<h3>${name}</h3>`));
          expect(section.match(/<td class="state"[^>]*>([^<]*)<\/td>/u)?.[1], name).to.equal(word);
        }
        // The PDF: its "Läge" lines, in document order, are the same words.
        const expected = publication.document.promises.flatMap((p) =>
          p.activities
            .filter((a) => !a.seeAlso)
            .map((a) => statusWord(status.activities.find((s) => s.activity.id === a.activityId)?.status ?? 'done')),
        );
        const inPdf = [
          ...pdf.replace(/\s+/gu, ' ').matchAll(/Läge (genomförd|i fas|något efter|långt efter|inte påbörjad)/gu),
        ].map((m) => m[1]);
        expect(inPdf).to.deep.equal(expected);
      });
    }

    it('the fixture shows at least four of the five states across the year', () => {
      expect(seen.size).to.be.at.least(4);
    });
  });

  it('says a status once when the progress already says it', () => {
    expect(progressAndStatus('inte påbörjad', 'notStarted')).to.equal('inte påbörjad');
    expect(progressAndStatus('genomförd 1 juni 2020', 'done')).to.equal('genomförd 1 juni 2020');
    expect(progressAndStatus('2 av 4 tillfällen', 'onTrack')).to.equal('2 av 4 tillfällen (i fas)');
    expect(progressAndStatus('pågående', 'behind')).to.equal('pågående (något efter)');
  });

  it('a publication stored before the shared words (Delvis, Pågående) still loads and shows what was published', async () => {
    const store = await fixtureStore();
    const published = await publishFixture(store, { year: 2020, tertial: 1 }, new Date('2020-05-10T08:00:00Z'));
    const old = structuredClone(published);
    const first = old.document.promises[0]?.activities[0];
    if (!first) throw new Error('no activity');
    Object.assign(first, { state: 'partly', stateLabel: 'Delvis' });
    const loaded = publicationSchema.parse(JSON.parse(JSON.stringify(old)));
    expect(followUpHtml(loaded.document)).to.include(
      `<td class="state" style="color:${statusPrintColor('behind')}">Delvis</td>`,
    );
  });
});
