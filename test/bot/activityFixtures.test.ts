// Every activity fixture (test/fixtures/activities) through the real server and each SDK: the
// ordinary ones get their ordinary answers, and the hostile and malformed ones (probot's evil.yml
// and malformed.yml) get a short Swedish answer, or the server's documented refusal, without
// crashing the process and without storing anything.
import { expect } from 'chai';
import type { BotSdk } from '../../src/channel/runtime.js';
import { hostileActivities } from '../support/activities.js';
import { testBot } from '../support/testBot.js';
import type { HttpTestBot } from '../support/testBotHttp.js';

/** What the server answers an activity it cannot read (src/server.ts): a 400 and this body, no turn. */
const REFUSED = { error: 'Aktiviteten kunde inte behandlas.' };

/**
 * What a user reads for each hostile fixture. `refused`: the SDK turns the activity away before any
 * turn (HTTP 400, REFUSED), a documented silence; a list: any of these answers (the two SDKs differ).
 */
const HOSTILE: Record<string, readonly string[] | 'refused'> = {
  'hostile/controlCharacters': ['Jag känner inte igen'],
  'hostile/forgedTenant': ['Den här boten är inte öppen för er organisation.'],
  // Thousands are grouped with a no-break space (toLocaleString('sv-SE')).
  'hostile/hugeText': [
    'Meddelandet är för långt (100\u00a0007 tecken); jag läser högst 10\u00a0000. Inget har sparats.',
  ],
  // A known gap (KNOWN_GAPS): what it should answer is not decided yet.
  'hostile/missingFrom': [],
  // The Agents SDK refuses it; botbuilder is a known gap (KNOWN_GAPS).
  'hostile/missingConversation': 'refused',
  'hostile/prototypePollution': ['Jag känner inte igen det kortet. Skriv /hjälp för att se vad jag kan.'],
  // botbuilder reaches the turn and answers its error; the Agents SDK refuses the activity.
  'hostile/textNotString': [
    'Något gick fel hos mig. Försök igen om en stund; skriv /mina för att se vad som sparats.',
    'refused',
  ],
  'hostile/valueArray': ['Skriv ett kommando, t.ex. /hjälp eller /logga gemensam krogtillsyn.'],
  'hostile/valueDeep': ['Kortet skickade något jag inte kan läsa. Skriv kommandot igen. Inget har sparats.'],
  'hostile/valueString': ['Skriv ett kommando, t.ex. /hjälp eller /logga gemensam krogtillsyn.'],
  'hostile/wrongType': 'refused',
};

/** What a user reads for each ordinary fixture (empty: nothing is sent). */
const ORDINARY: Record<string, readonly string[]> = {
  message: ['Medborgarlöfte 2020, läge 15 juni 2020: 11 aktiviteter'],
  mention: ['Medborgarlöfte 2020, läge 15 juni 2020: 11 aktiviteter'],
  cardSubmit: ['Jag känner inte igen den knappen. Skriv /hjälp för att se vad jag kan.'],
  'conversationUpdate.botAdded': ['Hej! Jag håller ordning på medborgarlöftet'],
  'conversationUpdate.teamArchived': [],
  // An edit of a message the bot never saw is read as the message it now is.
  messageUpdate: ['✅ Loggat: Gemensam krogtillsyn, 14 mars 2020, 1 tillfälle.'],
  messageDelete: [],
  invoke: [],
};

/**
 * Fixtures the bot does not yet meet as it should; each is a known gap, named in the issue-25
 * report, kept here so the fixture is sent (and must not crash) but its storing is not asserted.
 */
const KNOWN_GAPS: Record<string, { sdks: readonly BotSdk[]; why: string }> = {
  'hostile/missingFrom': {
    sdks: ['botbuilder', 'agents'],
    why: 'a message without `from` is logged as the person "okänd" (src/channel/activityInput.ts): it should be refused',
  },
  'hostile/missingConversation': {
    sdks: ['botbuilder'],
    why: 'botbuilder runs a message without `conversation`: the log is stored (conversation "okänd"), the answer cannot be sent',
  },
};

/** Everything a turn could have written, through the port. */
async function stored(bot: HttpTestBot) {
  return {
    entries: await bot.everyEntry(),
    subscriptions: await bot.port.subscriptions.all(),
    meetings: await bot.port.meetings.active(),
    audit: await bot.port.audit.read(),
  };
}

for (const sdk of ['botbuilder', 'agents'] as const satisfies readonly BotSdk[]) {
  describe(`activity fixtures on ${sdk}`, () => {
    let bot: HttpTestBot;
    beforeEach(async () => {
      bot = await testBot({ seed: { tenants: ['tenant-1'] }, http: { sdk } });
    });
    afterEach(async () => {
      await bot.close();
    });

    it('the hostile list covers every fixture in test/fixtures/activities/hostile', () => {
      expect(hostileActivities()).to.deep.equal(Object.keys(HOSTILE).sort());
    });

    for (const name of hostileActivities()) {
      it(`${name}: a Swedish answer or the documented refusal, and nothing stored`, async function () {
        const before = await stored(bot);
        const { status, body } = await bot.exchange(bot.activity(name));
        const answers = bot.read();
        const gap = KNOWN_GAPS[name];
        if (gap?.sdks.includes(sdk)) {
          expect(status, gap.why).to.equal(200);
          this.skip();
        }
        const expected = HOSTILE[name] ?? [];
        if (status === 400) {
          expect(expected === 'refused' || expected.includes('refused'), `refused ${name}`).to.equal(true);
          // The server's refusal, or the SDK's own empty 400 (the Agents SDK, for an activity without conversation).
          if (body !== undefined) expect(body).to.deep.equal(REFUSED);
          expect(answers).to.deep.equal([]);
        } else {
          expect(status).to.equal(200);
          expect(answers).to.have.length(1);
          const wanted = expected === 'refused' ? [] : expected.filter((e) => e !== 'refused');
          expect(
            wanted.some((w) => answers[0]!.includes(w)),
            `${answers[0]} ∌ ${wanted.join(' | ')}`,
          ).to.equal(true);
        }
        expect(({} as Record<string, unknown>).polluted, 'Object.prototype polluted').to.equal(undefined);
        expect(await stored(bot)).to.deep.equal(before);
      });
    }

    for (const [name, wanted] of Object.entries(ORDINARY)) {
      it(`${name}: ${wanted.length === 0 ? 'answered with silence' : wanted.join(' … ')}`, async () => {
        const { status } = await bot.exchange(bot.activity(name));
        expect(status).to.equal(200);
        const answers = bot.read().join('\n---\n');
        if (wanted.length === 0) expect(answers).to.equal('');
        for (const w of wanted) expect(answers).to.include(w);
      });
    }

    it('an invoke is acknowledged with 200 and an empty body', async () => {
      expect(await bot.exchange(bot.activity('invoke'))).to.deep.equal({ status: 200, body: {} });
    });

    it('a body that is not JSON: 400, no turn, nothing stored', async () => {
      const before = await stored(bot);
      const { status } = await bot.exchangeRaw('{"type":"message","text":"/logga gemensam krogtillsyn"');
      expect(status).to.equal(400);
      expect(bot.connector.requests).to.deep.equal([]);
      expect(await stored(bot)).to.deep.equal(before);
    });
  });
}
