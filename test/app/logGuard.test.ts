// Issue 20: personal data in a note (phone numbers, names in SIG notes), entries that would not
// count where the words put them, and words too vague to pick an activity. What the user sees,
// and what the store holds, turn by turn.
import { expect } from 'chai';
import fc from 'fast-check';
import type { Reply } from '../../src/app/ports.js';
import { assertValidCard } from '../support/adaptiveCardsSdk.js';
import {
  ANNA,
  BERIT,
  cardsOf,
  harness,
  readable,
  submitActions,
  type Harness,
  buttonData,
} from '../support/harness.js';

const NOW = '2020-10-15T10:00:00+02:00'; // a Thursday
const active = async (h: Harness) => (await h.records.allEntries()).filter((e) => !e.removed);

const button = buttonData;

const titles = (replies: Reply[]) => {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'Action.Submit') out.push(String(o.title));
      Object.values(o).forEach(walk);
    }
  };
  walk(cardsOf(replies));
  return out;
};

describe('issue 20: a phone number in a log', () => {
  for (const phone of ['070-123 45 67', '+46 70 123 45 67', '036-10 20 30', '0701234567']) {
    it(`"/logga sig ring ${phone}" is refused with a card to store it without the note, never a count question`, async () => {
      const h = await harness({ now: NOW });
      const asked = await h.say(`/logga sig ring ${phone}`);
      const shown = readable(asked);
      expect(shown).to.include('Telefonnummer i anteckningen').and.include('Telefonnummer är personuppgifter');
      expect(shown).to.not.include('Vad betyder').and.not.include(phone).and.not.include('Antalet');
      expect(await h.records.allEntries()).to.have.length(0);
      expect(titles(asked)).to.deep.equal(['Spara utan anteckning']);
      const without = button(asked, 'Spara utan anteckning');
      expect(without).to.not.have.property('note');

      const saved = await h.submit(without);
      expect(saved[0]?.kind).to.equal('replaceCard');
      expect(readable(saved)).to.include('✅ Loggat').and.include('SIG-ärenden');
      expect(await active(h)).to.have.length(1);
      expect((await active(h))[0]).to.include({ activityId: 'sig', date: '2020-10-15', count: 1 });
      expect((await active(h))[0]).to.not.have.property('note');
      // A second click stores nothing more.
      await h.submit(without);
      expect(await active(h)).to.have.length(1);
    });
  }

  it('any Swedish mobile number anywhere in a log stores nothing and is never read as a count or a date', async () => {
    const h = await harness({ now: NOW });
    const digits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 7 }).map((a) => a.join(''));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('70', '72', '73', '76', '79'),
        digits,
        fc.constantFrom('sig igår ring', 'ssg kl 19-21 mamma', 'torsdagsmöte 12 pers nr', 'sig: ring'),
        fc.boolean(),
        async (prefix, rest, before, international) => {
          const phone = international
            ? `+46 ${prefix} ${rest.slice(0, 3)} ${rest.slice(3, 5)} ${rest.slice(5)}`
            : `0${prefix}-${rest.slice(0, 3)} ${rest.slice(3, 5)} ${rest.slice(5)}`;
          const replies = await h.say(`/logga ${before} ${phone}`);
          const shown = readable(replies);
          expect(shown, phone).to.include('Telefonnummer är personuppgifter').and.not.include('Vad betyder');
          expect(shown, phone).to.not.include(phone);
          expect(shown, phone).to.include('•');
          expect(await h.records.allEntries()).to.have.length(0);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a message whose rest is no clear log is refused in words, nothing stored', async () => {
    const h = await harness({ now: NOW });
    const replies = await h.say('/logga krogtillsyn 070-123 45 67');
    expect(readable(replies)).to.include('Telefonnummer är personuppgifter').and.include('Inget har sparats.');
    expect(readable(replies)).to.not.include('070-123 45 67');
    expect(await h.records.allEntries()).to.have.length(0);
  });

  it('dates, times, counts, hours and years are still read as such', async () => {
    const h = await harness({ now: NOW });
    for (const typed of [
      '/logga sig 2020-10-14 kl 19-21 3 st',
      '/logga torsdagsmöte 08.00-10.00 12 pers 8/10',
      '/logga ssg 09.10.2020 2 h',
      '/logga grannsamverkan 20201013 1,5 h',
    ]) {
      const replies = await h.say(typed);
      expect(readable(replies), typed).to.not.include('Telefonnummer');
    }
    expect((await active(h)).map((e) => [e.activityId, e.date])).to.deep.equal([
      ['sig', '2020-10-14'],
      ['torsdagsmote', '2020-10-08'],
      ['ssg', '2020-10-09'],
      ['grannsamverkan', '2020-10-13'],
    ]);
  });

  it('an edited log message that now holds a phone number leaves its entry as it was', async () => {
    const h = await harness({ now: NOW });
    const input = (text: string, event?: 'edited') => ({
      user: ANNA,
      conversation: { id: 'personal-anna', kind: 'personal' as const },
      activityId: 'msg-phone',
      text,
      ...(event ? { event } : {}),
    });
    await h.app.handle(input('/logga sig igår lugnt'));
    const before = JSON.stringify(await h.records.allEntries());
    const replies = await h.app.handle(input('/logga sig igår ring 070-123 45 67', 'edited'));
    expect(readable(replies)).to.include('Telefonnummer är personuppgifter').and.include('Insatsen är oförändrad.');
    expect(readable(replies)).to.not.include('123 45 67');
    expect(JSON.stringify(await h.records.allEntries())).to.equal(before);
  });

  it('the log form with a phone number in the note comes back without the note, nothing stored', async () => {
    const h = await harness({ now: NOW });
    const [form] = cardsOf(await h.say('/logga'));
    const [submit] = submitActions(form);
    const replies = await h.submit({
      ...submit,
      activityId: 'sig',
      date: '2020-10-14',
      count: '1',
      note: 'ring 070-123 45 67',
    });
    expect(readable(replies)).to.include('Telefonnummer är personuppgifter').and.not.include('123 45 67');
    expect(await h.records.allEntries()).to.have.length(0);
  });
});

describe('issue 20: a name in the note of an SIG case', () => {
  it('asks once, gently, with Spara utan anteckning, Ändra and Spara ändå; nothing stored before', async () => {
    const h = await harness({ now: NOW });
    const asked = await h.say('/logga sig Kevin 15 år, oro i skolan');
    expect(readable(asked)).to.include('Anteckningen verkar innehålla ett namn. Skriv inga namn på ungdomar.');
    expect(titles(asked)).to.deep.equal(['Spara utan anteckning', 'Ändra', 'Spara ändå']);
    expect(await h.records.allEntries()).to.have.length(0);
    expect(JSON.stringify(h.logger.lines)).to.not.include('Kevin');
  });

  it('Spara utan anteckning stores the entry without the note; a second click stores nothing more', async () => {
    const h = await harness({ now: NOW });
    const asked = await h.say('/logga sig Kevin 15 år, oro i skolan');
    const without = button(asked, 'Spara utan anteckning');
    const saved = await h.submit(without);
    expect(saved[0]?.kind).to.equal('replaceCard');
    expect(readable(saved)).to.include('✅ Loggat').and.not.include('Kevin');
    expect(await active(h)).to.have.length(1);
    expect((await active(h))[0]).to.not.have.property('note');
    await h.submit(without);
    await h.submit(button(asked, 'Spara ändå'));
    expect(await active(h)).to.have.length(1);
  });

  it('Spara ändå stores it with the note as written, once', async () => {
    const h = await harness({ now: NOW });
    const asked = await h.say('/logga sig Kevin 15 år, oro i skolan');
    const anyway = button(asked, 'Spara ändå');
    const saved = await h.submit(anyway);
    expect(readable(saved)).to.include('✅ Loggat');
    expect(await active(h)).to.have.length(1);
    expect((await active(h))[0]).to.include({ activityId: 'sig', note: 'Kevin 15 år, oro i skolan' });
    await h.submit(anyway);
    expect(await active(h)).to.have.length(1);
  });

  it('Ändra opens the log form filled in, in place of the question; the changed note is stored', async () => {
    const h = await harness({ now: NOW });
    const asked = await h.say('/logga sig Kevin 15 år igår');
    const reopened = await h.submit(button(asked, 'Ändra'));
    expect(reopened[0]?.kind).to.equal('replaceCard');
    const form = cardsOf(reopened)[0];
    expect(JSON.stringify(form)).to.include('Kevin 15 år').and.include('2020-10-14');
    const [submit] = submitActions(form);
    const saved = await h.submit({
      ...submit,
      activityId: 'sig',
      date: '2020-10-14',
      count: '1',
      note: 'en pojke, 15 år',
    });
    expect(readable(saved)).to.include('✅ Loggat');
    expect((await active(h))[0]).to.include({ activityId: 'sig', date: '2020-10-14', note: 'en pojke, 15 år' });
  });

  it("only the writer can answer: a colleague's click stores nothing", async () => {
    const h = await harness({ now: NOW });
    const asked = await h.say('/logga sig Kevin 15 år');
    for (const title of ['Spara utan anteckning', 'Ändra', 'Spara ändå']) {
      const reply = await h.submit(button(asked, title), { user: BERIT });
      expect(readable(reply), title).to.include('bara Anna Andersson kan välja');
    }
    expect(await h.records.allEntries()).to.have.length(0);
  });

  it('an edited log message that now names someone asks first; the buttons change that entry', async () => {
    const h = await harness({ now: NOW });
    const input = (text: string, event?: 'edited') => ({
      user: ANNA,
      conversation: { id: 'personal-anna', kind: 'personal' as const },
      activityId: 'msg-name',
      text,
      ...(event ? { event } : {}),
    });
    await h.app.handle(input('/logga sig igår lugnt'));
    const before = JSON.stringify(await h.records.allEntries());
    const asked = await h.app.handle(input('/logga sig igår Kevin 15 år', 'edited'));
    expect(readable(asked)).to.include('Insatsen är oförändrad').and.include('Anteckningen verkar innehålla ett namn.');
    expect(JSON.stringify(await h.records.allEntries())).to.equal(before);
    expect(button(asked, 'Spara ändå')).to.have.property('entryId');

    const without = await h.submit(button(asked, 'Spara utan anteckning'));
    expect(readable(without)).to.include('✏️ Ändrat');
    expect(await active(h)).to.have.length(1);
    expect((await active(h))[0]).to.not.have.property('note');

    const anyway = await h.submit(button(asked, 'Spara ändå'));
    expect(readable(anyway)).to.include('✏️ Ändrat');
    expect(await active(h)).to.have.length(1);
    expect((await active(h))[0]).to.include({ note: 'Kevin 15 år' });
    // The same text again (a redelivered edit) is not asked about: the note is stored as written.
    expect(readable(await h.app.handle(input('/logga sig igår Kevin 15 år', 'edited')))).to.not.include(
      'Anteckningen verkar',
    );
  });

  it('the log form asks the same, in place of the form', async () => {
    const h = await harness({ now: NOW });
    const [form] = cardsOf(await h.say('/logga'));
    const [submit] = submitActions(form);
    const asked = await h.submit({
      ...submit,
      activityId: 'orosanmalan-utbildning',
      date: '2020-10-14',
      count: '1',
      note: 'pratade med Kevin',
    });
    expect(asked[0]?.kind).to.equal('replaceCard');
    expect(readable(asked)).to.include('Anteckningen verkar innehålla ett namn.');
    expect(await h.records.allEntries()).to.have.length(0);
    await h.submit(button(asked, 'Spara ändå'));
    expect((await active(h))[0]).to.include({ activityId: 'orosanmalan-utbildning', note: 'pratade med Kevin' });
  });

  it('no question for ordinary words, places and parties, nor for activities not about individuals', async () => {
    const h = await harness({ now: NOW });
    for (const typed of [
      '/logga sig i tisdags Lugnt samtal med mamman',
      '/logga sig: Möte på Öxnehaga med Kommunen och Vätterhem',
      '/logga torsdagsmöte pratade med Kevin',
    ]) {
      const replies = await h.say(typed);
      expect(readable(replies), typed).to.include('✅ Loggat');
    }
    expect(await active(h)).to.have.length(3);
  });
});

describe('issue 20: an entry the target would not count', () => {
  it('"krogtillsyn + fotpatrullering centrum i onsdags" asks first and offers the activities that count it', async () => {
    const h = await harness({ now: NOW });
    const asked = await h.say('/logga krogtillsyn + fotpatrullering centrum i onsdags');
    const shown = readable(asked);
    expect(shown).to.include(
      'Onsdag 14 oktober 2020 räknas inte för Fotpatrullering och krogtillsyn natthelger: den räknar bara natthelger (fredag, lördag och söndag).',
    );
    expect(shown).to.not.include('aktiv 0 av');
    expect(await h.records.allEntries()).to.have.length(0);
    const choices = submitActions(cardsOf(asked)[0]).map((c) => c.activityId);
    expect(choices).to.deep.equal(['gemensam-krogtillsyn', 'fotpatrullering-oxnehaga', 'krogtillsyn-natthelger']);
    expect(titles(asked)).to.deep.equal(['Logga den här', 'Logga den här', 'Logga ändå (räknas inte)']);

    const joint = await h.submit(button(asked, 'Logga den här', { activityId: 'gemensam-krogtillsyn' }));
    expect(readable(joint)).to.include('✅ Loggat').and.include('1 av 4 tillfällen').and.not.include('räknas inte');
    expect(await active(h)).to.have.length(1);
    expect((await active(h))[0]).to.include({
      activityId: 'gemensam-krogtillsyn',
      date: '2020-10-14',
      place: 'centrum',
    });
    // The card became the confirmation; its other buttons store nothing more.
    await h.submit(button(asked, 'Logga ändå (räknas inte)'));
    expect(await active(h)).to.have.length(1);
  });

  it('Logga ändå stores it, and the confirmation says plainly that it does not count and why', async () => {
    const h = await harness({ now: NOW });
    const asked = await h.say('/logga krogtillsyn + fotpatrullering centrum i onsdags');
    const logged = await h.submit(button(asked, 'Logga ändå (räknas inte)'));
    const shown = readable(logged);
    expect(shown).to.include('✅ Loggat');
    expect(shown).to.include('⚠️ Onsdag 14 oktober 2020 räknas inte för Fotpatrullering och krogtillsyn natthelger');
    expect(logged[0]?.kind === 'replaceCard' ? logged[0].fallbackText : '').to.include('räknas inte');
    expect((await active(h))[0]).to.include({ activityId: 'krogtillsyn-natthelger', date: '2020-10-14' });
  });

  it('a weekend night is logged at once, as before', async () => {
    const h = await harness({ now: NOW });
    const replies = await h.say('/logga krogtillsyn natthelg i lördags');
    expect(readable(replies)).to.include('✅ Loggat').and.include('aktiv 1 av').and.not.include('räknas inte');
    expect((await active(h))[0]).to.include({ activityId: 'krogtillsyn-natthelger', date: '2020-10-10' });
  });

  it('the choice card marks a candidate that would not count the day', async () => {
    const h = await harness({ now: NOW });
    const asked = await h.say('/logga krogtillsyn i onsdags');
    expect(readable(asked)).to.include('⚠️ Räknas inte onsdag 14 oktober 2020 – bara natthelger');
    expect(submitActions(cardsOf(asked)[0]).map((c) => c.activityId)).to.have.members([
      'gemensam-krogtillsyn',
      'krogtillsyn-natthelger',
    ]);
  });

  it('the log form asks the same, in place of the form', async () => {
    const h = await harness({ now: NOW });
    const [form] = cardsOf(await h.say('/logga'));
    const [submit] = submitActions(form);
    const asked = await h.submit({ ...submit, activityId: 'krogtillsyn-natthelger', date: '2020-10-14', count: '1' });
    expect(asked[0]?.kind).to.equal('replaceCard');
    expect(readable(asked)).to.include('räknas inte för Fotpatrullering och krogtillsyn natthelger');
    expect(await h.records.allEntries()).to.have.length(0);
    expect(submitActions(cardsOf(asked)[0]).map((c) => c.activityId)).to.include('gemensam-krogtillsyn');
  });
});

describe('issue 20: one generic word or a party alone', () => {
  for (const word of ['samverkan', 'möte', 'arbete', 'insats', 'polisen', 'kommunen', 'Vätterhem']) {
    it(`"/logga ${word}" asks which activity and stores nothing`, async () => {
      const h = await harness({ now: NOW });
      const asked = await h.say(`/logga ${word}`);
      expect(readable(asked))
        .to.include('Vilken aktivitet menar du?')
        .and.include(`${word}\\" räcker inte för att veta`);
      expect(await h.records.allEntries()).to.have.length(0);
      const [first] = submitActions(cardsOf(asked)[0]);
      expect(first?.verb).to.equal('log.choose');
      await h.submit(first);
      await h.submit(first);
      expect(await active(h)).to.have.length(1);
    });
  }

  it('"samverkan förra veckan" asks for the activity too, instead of offering days of a guessed one', async () => {
    const h = await harness({ now: NOW });
    const replies = await h.say('/logga samverkan förra veckan');
    expect(readable(replies)).to.include('Skriv dagen och aktiviteten tydligare').and.include('Inget har sparats.');
    expect(await h.records.allEntries()).to.have.length(0);
  });

  it('a party with a generic word narrows the choice; an activity word logs as before', async () => {
    const h = await harness({ now: NOW });
    const asked = await h.say('/logga möte med polisen igår');
    expect(submitActions(cardsOf(asked)[0]).map((c) => c.activityId)).to.deep.equal(['grannsamverkan', 'torsdagsmote']);
    expect(readable(await h.say('/logga ssg'))).to.include('✅ Loggat');
    expect(readable(await h.say('/logga torsdagsmöte samverkan med polisen'))).to.include('✅ Loggat');
    expect((await active(h)).map((e) => e.activityId)).to.deep.equal(['ssg', 'torsdagsmote']);
  });
});

describe('issue 20: the new questions are clean cards', () => {
  it('the phone, name, not-counted and vague-word questions pass the Adaptive Cards SDK and Teams’ size limit', async () => {
    const h = await harness({ now: NOW });
    for (const typed of [
      '/logga sig ring 070-123 45 67',
      '/logga sig Kevin 15 år',
      '/logga krogtillsyn + fotpatrullering centrum i onsdags',
      '/logga arbete',
    ]) {
      const [card] = cardsOf(await h.say(typed));
      assertValidCard(card, typed);
    }
    const asked = await h.say('/logga krogtillsyn + fotpatrullering centrum i onsdags');
    const [confirmation] = cardsOf(await h.submit(button(asked, 'Logga ändå (räknas inte)')));
    assertValidCard(confirmation, 'confirmation of an entry that does not count');
  });
});
