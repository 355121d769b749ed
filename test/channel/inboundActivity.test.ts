// The one check of an activity where it enters: what it lets in, what it refuses, and that it
// hands on the body itself (validated, never rebuilt).
import { expect } from 'chai';
import { readInboundActivity } from '../../src/channel/inboundActivity.js';
import { activity } from '../support/activities.js';

describe('an activity where it enters (readInboundActivity)', () => {
  it('lets an ordinary activity in, as the same object', () => {
    const body = activity('message');
    const read = readInboundActivity(body);
    expect(read.ok).to.equal(true);
    expect(read.ok && read.activity).to.equal(body);
  });

  for (const name of [
    'message',
    'cardSubmit',
    'conversationUpdate.botAdded',
    'messageUpdate',
    'messageDelete',
    'invoke',
  ]) {
    it(`lets the ordinary fixture ${name} in`, () => {
      expect(readInboundActivity(activity(name))).to.include({ ok: true });
    });
  }

  const refusals: [string, unknown, string][] = [
    ['no body', undefined, 'no activity in the request body'],
    ['an array', [activity('message')], 'no activity in the request body'],
    ['text an object', { ...activity('message'), text: { $gt: '' } }, 'malformed activity: text'],
    ['type an array', { ...activity('message'), type: ['message'] }, 'malformed activity: type'],
    ['no conversation', { ...activity('message'), conversation: undefined }, 'malformed activity: conversation'],
    [
      'an empty conversation id',
      { ...activity('message'), conversation: { id: '' } },
      'malformed activity: conversation.id',
    ],
    ['a message without from', { ...activity('message'), from: undefined }, 'a message without a sender'],
    [
      'an edit without a sender id',
      { ...activity('messageUpdate'), from: { name: 'Anna' } },
      'a message without a sender',
    ],
    ['a deletion without from', { ...activity('messageDelete'), from: undefined }, 'a message without a sender'],
    [
      'a sender name that is a number',
      { ...activity('message'), from: { id: '29:a', name: 7 } },
      'malformed activity: from.name',
    ],
  ];
  for (const [what, body, reason] of refusals) {
    it(`refuses ${what}, naming why`, () => {
      expect(readInboundActivity(body)).to.deep.equal({ ok: false, reason });
    });
  }

  it('a conversation update without from is let in: it stores nothing in anyone’s name', () => {
    expect(readInboundActivity({ ...activity('conversationUpdate.botAdded'), from: undefined })).to.include({
      ok: true,
    });
  });
});
