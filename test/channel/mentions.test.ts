// Teams mention shapes, as reported from real clients: what the app reads is plain text.
import { expect } from 'chai';
import type { ChannelActivity } from '../../src/channel/activity.js';
import { commandText, decodeEntities, mentionsBot } from '../../src/channel/mentions.js';

const BOT = { id: '28:bot', name: 'Medborgarlöfte' };
const BERIT = { id: '29:berit', name: 'Berit & Co' };

function message(text: string, entities: unknown[] = []): ChannelActivity {
  return { type: 'message', text, recipient: BOT, entities: entities as ChannelActivity['entities'] };
}
const botMention = { type: 'mention', mentioned: BOT, text: '<at>Medborgarlöfte</at>' };

describe('mentions', () => {
  it('other people’s mentions become their plain names, entity-encoded ones too', () => {
    const text = commandText(
      message('<at>Medborgarlöfte</at> /logga torsdagsmöte igår: med <at>Berit &amp; Co</at> och <at>Åsa</at>', [
        botMention,
        { type: 'mention', mentioned: BERIT, text: '<at>Berit &amp; Co</at>' },
      ]),
    );
    expect(text).to.equal('/logga torsdagsmöte igår: med Berit & Co och Åsa');
    expect(text).to.not.include('<at>');
    expect(text).to.not.include('&amp;');
  });

  it('the bot’s mention is removed when its entity has no text', () => {
    const text = commandText(message('<at>Medborgarlöfte</at>&nbsp;/status', [{ type: 'mention', mentioned: BOT }]));
    expect(text).to.equal('/status');
  });

  it('a colleague mentioned before the bot does not stop the command after the bot’s mention', () => {
    const text = commandText(
      message('<at>Berit &amp; Co</at> <at>Medborgarlöfte</at> /logga gemensam krogtillsyn igår', [
        { type: 'mention', mentioned: BERIT, text: '<at>Berit &amp; Co</at>' },
        botMention,
      ]),
    );
    expect(text).to.equal('/logga gemensam krogtillsyn igår');
  });

  it('a mention of the bot at the end leaves the command before it', () => {
    expect(commandText(message('/mina <at>Medborgarlöfte</at>', [botMention]))).to.equal('/mina');
  });

  it('typed markup is never left in the text', () => {
    expect(commandText(message('/logga ssg: &lt;at&gt;x&lt;/at&gt; bra'))).to.equal('/logga ssg: x bra');
  });

  it('decodes named and numeric references, and leaves unknown ones as written', () => {
    expect(decodeEntities('a &amp; b &lt;3 &#228; &#xE5; &quot;x&quot; &bogus; &#0;')).to.equal(
      'a & b <3 ä å "x" &bogus; &#0;',
    );
  });

  it('knows whether the bot was mentioned', () => {
    expect(mentionsBot(message('<at>Medborgarlöfte</at> hej', [botMention]))).to.equal(true);
    expect(mentionsBot(message('<at>Medborgarlöfte</at> hej'))).to.equal(true);
    expect(mentionsBot(message('<at>Berit</at> hej', [{ type: 'mention', mentioned: BERIT }]))).to.equal(false);
    expect(mentionsBot(message('hej'))).to.equal(false);
  });
});
