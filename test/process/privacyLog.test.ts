// No note text, place, name or message text reaches the log at any level up to debug: the real
// process at LOG_LEVEL=debug, a whole session of commands with markers, and the captured output grepped.
import { expect } from 'chai';
import { tempDir } from '../support/harness.js';
import { startBot, type BotProcess } from '../support/process.js';

const NOTE = 'NOTMARKER7731';
const NAME = 'Namnmarkör Svensson';
const TEXT = 'MEDDELANDEMARKOR5519';

describe('the log holds no personal data (real process, LOG_LEVEL=debug)', function () {
  this.timeout(120_000);
  let bot: BotProcess;
  let n = 0;

  async function say(text: string, extra: Record<string, unknown> = {}) {
    const res = await fetch(`http://127.0.0.1:${bot.port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: `p-${++n}`,
        channelId: 'emulator',
        serviceUrl: 'http://127.0.0.1:9/',
        deliveryMode: 'expectReplies',
        text,
        from: { id: 'user-marker', name: NAME, aadObjectId: 'aad-sam' },
        recipient: { id: 'bot', name: 'Medborgarlöfte' },
        conversation: { id: 'conv-privacy', conversationType: 'personal' },
        ...extra,
      }),
    });
    expect(res.status).to.be.lessThan(500);
    return JSON.stringify(await res.json().catch(() => ({})));
  }

  before(async () => {
    bot = await startBot({
      STORE_DIR: tempDir(),
      LOG_LEVEL: 'debug',
      COORDINATORS: 'aad-sam',
      BOT_TODAY: '2020-06-15',
    });
  });
  after(async () => bot?.stop());

  it('logs a whole session without the note, the place, the name or the message text', async () => {
    expect(await say(`/logga gemensam krogtillsyn Öxnehaga 2020-03-14 ${NOTE} lugn kväll`)).to.include('Loggat');
    await say(`/logga fotpatrullering igår 2 h: ${NOTE} två samtal`);
    // The first message edited and then deleted in Teams: its entry follows, and says so.
    const edited = await say(`/logga gemensam krogtillsyn Öxnehaga 2020-03-13 ${NOTE} lugn kväll`, {
      type: 'messageUpdate',
      id: 'p-1',
      channelData: { eventType: 'editMessage' },
    });
    expect(edited).to.include('Ändrat');
    const deleted = await say('', {
      type: 'messageDelete',
      id: 'p-1',
      channelData: { eventType: 'softDeleteMessage' },
    });
    expect(deleted).to.include('Meddelandet togs bort');
    await say('/logga');
    await say('', {
      value: {
        verb: 'log.form',
        activityId: 'gemensam-krogtillsyn',
        date: '2020-05-29',
        place: 'Öxnehaga',
        otherPlace: '',
        count: '2',
        note: NOTE,
      },
    });
    await say('/mina');
    await say('/status');
    await say('/status krogtillsyn');
    await say('/sammanfattning år');
    await say('/uppföljning T1 2020');
    await say('/export 2020');
    await say('/historik gemensam krogtillsyn');
    await say('/historik');
    await say('/klar grannsamverkan');
    await say('/prenumerationer');
    await say('/ångra');
    await say(`${TEXT} något helt annat`);
    await say(`/logga ${TEXT}`);
    await say('/logga krogtillsyn 19811218-9876 ' + NOTE);
    await say('/hjälp');
    const log = bot.output();
    expect(log).to.include('"level":20'); // debug lines were written
    for (const secret of [NOTE, TEXT, 'Namnmarkör', 'Svensson', 'Öxnehaga', 'lugn kväll', 'två samtal', '19811218'])
      expect(log, `the log holds "${secret}"`).not.to.include(secret);
  });
});
