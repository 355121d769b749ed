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
 * What a user reads for each hostile fixture. `refused`: the server turns the activity away before any
 * turn (HTTP 400, REFUSED; src/channel/inboundActivity.ts), the same on both SDKs; a list: any of
 * these answers (the two SDKs differ).
 */
const HOSTILE: Record<string, readonly string[] | 'refused'> = {
  'hostile/controlCharacters': ['Jag känner inte igen'],
  'hostile/forgedTenant': ['Den här boten är inte öppen för er organisation.'],
  // Thousands are grouped with a no-break space (toLocaleString('sv-SE')).
  'hostile/hugeText': [
    'Meddelandet är för långt (100\u00a0007 tecken); jag läser högst 10\u00a0000. Inget har sparats.',
  ],
  // An entry must name a real person: refused where it enters (src/channel/inboundActivity.ts).
  'hostile/missingFrom': 'refused',
  // No conversation to answer in: refused on both SDKs, as the Agents SDK did.
  'hostile/missingConversation': 'refused',
  'hostile/prototypePollution': ['Jag känner inte igen det kortet. Skriv /hjälp för att se vad jag kan.'],
  // Malformed: refused where it enters, on both SDKs (it crashed botbuilder's turn before).
  'hostile/textNotString': 'refused',
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
      it(`${name}: a Swedish answer or the documented refusal, and nothing stored`, async () => {
        const before = await stored(bot);
        const { status, body } = await bot.exchange(bot.activity(name));
        const answers = bot.read();
        const expected = HOSTILE[name] ?? [];
        if (expected === 'refused') {
          // The same refusal on both SDKs: the host's check turns it away before either adapter.
          expect({ status, body }).to.deep.equal({ status: 400, body: REFUSED });
          expect(answers).to.deep.equal([]);
          expect(bot.connector.requests).to.deep.equal([]);
        } else {
          expect(status).to.equal(200);
          expect(answers).to.have.length(1);
          expect(
            expected.some((w) => answers[0]!.includes(w)),
            `${answers[0]} ∌ ${expected.join(' | ')}`,
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
