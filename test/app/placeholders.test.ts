// Placeholders in what the bot says ("/logga «aktivitet»"): written so that every client shows
// them. An "<aktivitet>" is taken for an HTML tag and disappears in the Playground and in Teams.
import { expect } from 'chai';
import type { Reply } from '../../src/app/ports.js';
import { cardTexts } from '../support/cardsHarness.js';
import { harness, SAMORDNARE } from '../support/harness.js';

/** Everything a reader sees: text replies, the cards' texts and their fallback text. */
function seen(replies: Reply[]): string[] {
  return replies.flatMap((r) => (r.kind === 'text' ? [r.text] : [...cardTexts(r.card), r.fallbackText]));
}

/** Something a client would read as an HTML tag and hide: "<år>", "<namn>", "<aktivitet>". */
const TAG_LIKE = /<\/?[a-zåäö][a-zåäö -]*>/iu;

describe('placeholders every client shows', () => {
  const commands = ['/hjälp', '/rensa-anteckning', '/importera hej', '/logga', '/status', '/område', '/klar'];

  for (const now of ['2020-06-15T10:00:00+02:00', '2030-03-01T10:00:00+01:00']) {
    it(`no reply holds a tag-like placeholder (${now.slice(0, 10)})`, async () => {
      const h = await harness({ now });
      for (const command of commands) {
        for (const text of seen(await h.say(command, { user: SAMORDNARE }))) {
          expect(text, command).not.to.match(TAG_LIKE);
        }
      }
    });
  }

  it('says the placeholders with «»: /hjälp and /rensa-anteckning', async () => {
    const h = await harness();
    const help = seen(await h.say('/hjälp'));
    expect(help).to.include('/logga «aktivitet» [plats] [datum] [antal] [anteckning]');
    expect(help).to.include('/nytt-medborgarlöfte «år» från «år»');
    expect(seen(await h.say('/rensa-anteckning', { user: SAMORDNARE })).join('\n')).to.include(
      '/rensa-anteckning «aktivitet» «datum»',
    );
  });
});
