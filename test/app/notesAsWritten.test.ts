// Issue 20, "Notes keep what was written": line breaks, a colon's note with a house number, two
// words for one day, and a note longer than an entry holds, through the whole app.
import { expect } from 'chai';
import { MAX_NOTE_LENGTH } from '../../src/domain/logRequest.js';
import { entriesCsv } from '../../src/report/csv.js';
import { cardsOf, harness, readable, SAMORDNARE, type Harness } from '../support/harness.js';

// BOT_TODAY=2020-10-15, a Thursday: "i fredags" is 9 October.
const NOW = '2020-10-15T12:00:00+02:00';
const active = async (h: Harness) => (await h.records.allEntries()).filter((e) => !e.removed);

/** The value the log form's input `id` is filled with. */
function formValue(card: unknown, id: string): unknown {
  let found: unknown;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.id === id && typeof o.type === 'string' && o.type.startsWith('Input.')) found = o.value;
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return found;
}

describe('issue 20: notes keep what was written', () => {
  it('a line break in a pasted note is stored, and shown in /mina, the confirmation and the CSV', async () => {
    const h = await harness({ now: NOW });
    const logged = await h.say('/logga gemensam krogtillsyn igår möte i lokal Kungsgatan\n12 boende kom');
    expect(readable(logged)).to.include('✅ Loggat');
    const [entry] = await active(h);
    expect(entry?.note).to.equal('möte i lokal Kungsgatan\n12 boende kom');
    expect(entry?.place).to.equal(undefined);
    // Teams draws a line break in a card only at "\n\n".
    expect(readable(logged)).to.include('Kungsgatan\\n\\n12 boende kom');
    expect(readable(await h.say('/mina'))).to.include('Kungsgatan\\n\\n12 boende kom');
    const agreement = await h.records.agreement('jonkoping-2020');
    if (!agreement || !entry) throw new Error('no agreement');
    const csv = entriesCsv([{ agreement, entries: [entry] }], agreement.period);
    expect(csv).to.include('"möte i lokal Kungsgatan\n12 boende kom"');
  });

  it('a line break in a note is shown in the follow-up review', async () => {
    const h = await harness({ now: NOW });
    await h.say('/logga gemensam krogtillsyn 2020-08-10 lokal Kungsgatan\n12 boende kom', { user: SAMORDNARE });
    const review = readable(await h.say('/uppföljning T2 2020', { user: SAMORDNARE }));
    expect(review).to.include('lokal Kungsgatan\\n\\n12 boende kom');
  });

  it('after a colon a house number is part of the note', async () => {
    const h = await harness({ now: NOW });
    const replies = await h.say('/logga gemensam krogtillsyn igår: möte på Storgatan 12');
    expect(readable(replies)).to.include('✅ Loggat').and.not.include('Vad betyder');
    expect((await active(h))[0]).to.deep.include({ date: '2020-10-14', note: 'möte på Storgatan 12', count: 1 });
  });

  it('two words naming the same day are one date; two different days are asked about', async () => {
    const h = await harness({ now: NOW });
    expect(readable(await h.say('/logga gemensam krogtillsyn i fredags 9/10'))).to.include('✅ Loggat');
    expect((await active(h))[0]?.date).to.equal('2020-10-09');
    const asked = await h.say('/logga ssg i fredags 8/10');
    const shown = readable(asked);
    expect(shown).to.include('Vilken dag menar du?').and.include('\\"i fredags\\" och \\"8/10\\" är olika dagar');
    expect(shown).to.include('torsdag 8 oktober 2020').and.include('fredag 9 oktober 2020');
    expect(await active(h)).to.have.length(1);
  });

  it(`a note over ${MAX_NOTE_LENGTH} characters comes back on the form, cut, with the rest to copy; nothing is stored`, async () => {
    const h = await harness({ now: NOW });
    const words = Array.from({ length: 150 }, (_, i) => `ord${i}`).join(' '); // 1,039 characters
    const replies = await h.say(`/logga gemensam krogtillsyn Öxnehaga igår 6 pers ${words}`);
    expect(replies.map((r) => r.kind)).to.deep.equal(['text', 'card', 'text']);
    expect(readable(replies.slice(0, 1))).to.include(`${words.length.toLocaleString('sv-SE')} tecken`);
    const form = cardsOf(replies)[0];
    const note = String(formValue(form, 'note'));
    expect(note.length).to.be.at.most(MAX_NOTE_LENGTH);
    expect(words.startsWith(note)).to.equal(true);
    expect(formValue(form, 'activityId')).to.equal('gemensam-krogtillsyn');
    expect(formValue(form, 'date')).to.equal('2020-10-14');
    expect(formValue(form, 'place')).to.equal('Öxnehaga');
    expect(formValue(form, 'participants')).to.equal(6);
    const rest = readable(replies.slice(2));
    expect(rest).to.include('Resten av anteckningen');
    expect(`${note} ${rest.split('\n\n')[1]}`).to.equal(words);
    expect(await active(h)).to.have.length(0);
  });

  it('a log message over 2,000 characters is read too; only one over 10,000 is refused', async () => {
    const h = await harness({ now: NOW });
    const long = 'lång '.repeat(1000).trim();
    const replies = await h.say(`gemensam krogtillsyn igår ${long}`);
    expect(cardsOf(replies)).to.have.length(1);
    expect(readable(replies)).to.include('Resten av anteckningen');
    expect(readable(await h.say(`/logga gemensam krogtillsyn ${'x '.repeat(5001)}`))).to.include(
      'jag läser högst 10\u00a0000',
    );
    expect(readable(await h.say(`/status ${'x'.repeat(2001)}`))).to.include('jag läser högst 2\u00a0000');
    expect(await active(h)).to.have.length(0);
  });
});
