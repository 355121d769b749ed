// The GDPR rules over stored JSON: where a person is, and what an erasure leaves.
import { expect } from 'chai';
import fc from 'fast-check';
import type { AuditRecord } from '../../src/domain/audit.js';
import { mentions, namesIn, recordsMentioning, replaced, replacementFor } from '../../src/domain/personRecords.js';

const ANNA = { id: 'aad-anna', name: 'Anna' };
const PSEUDONYM = { id: 'anonym-1', name: 'Borttagen person' };
const audit = (by: { id: string; name: string }, conversationId: string, via: AuditRecord['via'] = 'chat') =>
  ({
    v: 1,
    id: `r-${by.id}-${conversationId}`,
    at: '2020-03-14T18:00:00.000Z',
    by,
    via,
    action: 'entry.logged',
    conversationId,
  }) as AuditRecord;

describe('personRecords: where a person is', () => {
  it('finds them as { id, name }, as an id alone, and as a reminded person; never inside another string', () => {
    expect(mentions({ entries: [{ by: ANNA }] }, ANNA.id)).to.equal(true);
    expect(mentions({ coordinators: ['x', 'aad-anna'] }, ANNA.id)).to.equal(true);
    expect(mentions({ name: 'Anna', aadObjectId: 'aad-anna' }, ANNA.id)).to.equal(true);
    expect(mentions({ note: 'ring aad-anna i morgon', by: { id: 'aad-annabel', name: 'Annabel' } }, ANNA.id)).to.equal(
      false,
    );
  });

  it('names each record holding them with its path, whole', () => {
    const doc = {
      coordinators: ['aad-anna'],
      entries: [
        { id: 'e1', by: ANNA },
        { id: 'e2', by: { id: 'b', name: 'B' } },
      ],
    };
    expect(recordsMentioning(doc, ANNA.id)).to.deep.equal([
      { path: 'coordinators[0]', record: 'aad-anna' },
      { path: 'entries[0]', record: { id: 'e1', by: ANNA } },
    ]);
    expect([...namesIn(doc, ANNA.id)]).to.deep.equal(['Anna']);
  });
});

describe('personRecords: the erasure', () => {
  it('her 1:1 chat is hers; a chat someone else used, and a channel, are not', () => {
    const r = replacementFor(
      ANNA.id,
      PSEUDONYM,
      [audit(ANNA, 'personal-anna'), audit(ANNA, 'shared'), audit({ id: 'b', name: 'B' }, 'shared')],
      [
        { by: ANNA, sourceId: 'message:19:abc@thread.tacv2:m1' },
        { by: ANNA, sourceId: 'message:personal-anna:m2' },
      ],
    );
    expect([...r.conversations]).to.deep.equal([['personal-anna', 'anonym-1-chatt-1']]);
    // The bot's own records in her chat do not make it shared.
    const withSystem = replacementFor(
      ANNA.id,
      PSEUDONYM,
      [audit(ANNA, 'c'), audit({ id: 'system', name: 'boten' }, 'c', 'system')],
      [],
    );
    expect([...withSystem.conversations.keys()]).to.deep.equal(['c']);
  });

  it('replaces her id, name and chat everywhere, a reminded person’s name and e-mail too; the rest stays', () => {
    const r = replacementFor(ANNA.id, PSEUDONYM, [audit(ANNA, 'personal-anna')], []);
    const doc = {
      entries: [{ id: 'e1', count: 3, by: ANNA, sourceId: 'message:personal-anna:m1', note: 'Anna var där' }],
      people: [{ name: 'Anna', aadObjectId: 'aad-anna', upn: 'anna@kommun.se', off: true }],
      subscriptions: [{ conversationId: 'personal-anna' }],
    };
    expect(replaced(doc, r)).to.deep.equal({
      entries: [{ id: 'e1', count: 3, by: PSEUDONYM, sourceId: 'message:anonym-1-chatt-1:m1', note: 'Anna var där' }],
      people: [{ name: 'Borttagen person', aadObjectId: 'anonym-1', off: true }],
      subscriptions: [{ conversationId: 'anonym-1-chatt-1' }],
    });
  });

  it('property: after the erasure nothing mentions her, and a record without her is left as it was', () => {
    const withoutHer = fc
      .jsonValue()
      .filter((v) => !JSON.stringify(v).includes('aad-anna') && !JSON.stringify(v).includes('anonym-1'));
    const r = replacementFor(ANNA.id, PSEUDONYM, [], []);
    fc.assert(
      fc.property(
        withoutHer,
        fc.array(fc.constantFrom<unknown>(ANNA, 'aad-anna', { by: ANNA, n: 1 })),
        (value, her) => {
          expect(replaced(value, r)).to.deep.equal(value);
          const holding = { value, her };
          const after = replaced(holding, r);
          expect(mentions(after, ANNA.id)).to.equal(false);
          expect(JSON.stringify(after)).not.to.include('"Anna"');
          expect((after as { value: unknown }).value).to.deep.equal(value);
          expect((after as { her: unknown[] }).her).to.have.length(her.length);
        },
      ),
    );
  });
});
