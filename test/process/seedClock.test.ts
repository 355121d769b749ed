// With BOT_TODAY (a demo or trial), the seeding of a new store is recorded at the bot's time, so
// /historik shows it below what is logged on the demo's days, not above everything.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { stockholmDate } from '../../src/domain/calendar.js';
import { tempDir } from '../support/harness.js';
import { startBot } from '../support/process.js';

async function say(port: number, id: string, text: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id,
      channelId: 'emulator',
      serviceUrl: 'http://127.0.0.1:9/',
      deliveryMode: 'expectReplies',
      text,
      from: { id: 'u-sam', name: 'Sam', aadObjectId: 'aad-sam' },
      recipient: { id: 'bot' },
      conversation: { id: 'c-sam', conversationType: 'personal' },
    }),
  });
  const body = (await res.json()) as { activities: { text?: string; attachments?: unknown[] }[] };
  // A text reply as it is, a card as its JSON (so "1 av 4" is found in either).
  return body.activities.map((a) => a.text ?? JSON.stringify(a.attachments ?? [])).join('\n');
}

describe('the seeding of a new store under BOT_TODAY', () => {
  it('is recorded at the bot’s clock and sorts below the demo’s entries in /historik', async function () {
    this.timeout(90_000);
    const dir = tempDir('mlb-seedclock-');
    const bot = await startBot({ STORE_DIR: dir, COORDINATORS: 'aad-sam', BOT_TODAY: '2020-06-15' });
    try {
      const records = readFileSync(path.join(dir, 'audit.jsonl'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { action: string; at: string });
      const seeding = records.filter((r) => r.action === 'agreement.created');
      expect(seeding).to.have.length(2);
      // BOT_TODAY is a Stockholm day at the wall clock's time of day: after 22:00 UTC its instant is the day before in UTC.
      for (const r of seeding) expect(stockholmDate(new Date(r.at))).to.equal('2020-06-15');
      const area = JSON.parse(readFileSync(path.join(dir, 'area-jonkoping.json'), 'utf8')) as {
        history: { at: string }[];
      };
      expect(stockholmDate(new Date(area.history[0]!.at))).to.equal('2020-06-15');

      expect(await say(bot.port, 'm1', '/logga gemensam krogtillsyn igår')).to.include('1 av 4');
      const shown = (await say(bot.port, 'm2', '/historik')).split('\n').filter((l) => l.startsWith('• '));
      expect(shown[0]).to.include('loggade');
      expect(shown.slice(1).every((l) => l.includes('skapade medborgarlöftet'))).to.equal(true);
      expect(shown).to.have.length(3);
    } finally {
      await bot.stop();
    }
  });
});
