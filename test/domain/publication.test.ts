// "Ändrad efter publicering": which changes to the log make a publication out of date.
import { expect } from 'chai';
import fc from 'fast-check';
import type { Entry } from '../../src/domain/entry.js';
import {
  changedAfterPublication,
  latestPublication,
  reviewedComment,
  type Publication,
} from '../../src/domain/publication.js';

const PUBLISHED = { agreementId: 'a-2020', publishedAt: '2020-05-05T08:00:00.000Z', document: { asOf: '2020-04-30' } };
const by = { id: 'u', name: 'U' };

function entry(date: string, loggedAt: string, removedAt?: string, agreementId = 'a-2020'): Entry {
  return {
    id: `${date}-${loggedAt}`,
    agreementId,
    activityId: 'ssg',
    date,
    count: 1,
    by,
    loggedAt,
    ...(removedAt ? { removed: { by, at: removedAt, reason: 'undo' as const } } : {}),
  };
}

describe('changedAfterPublication', () => {
  it('is false for the log as published', () => {
    expect(changedAfterPublication(PUBLISHED, [entry('2020-03-01', '2020-03-01T10:00:00.000Z')], [])).to.equal(false);
  });

  it('is true for an entry up to asOf logged after publication, or one undone after it', () => {
    expect(changedAfterPublication(PUBLISHED, [entry('2020-04-20', '2020-05-06T10:00:00.000Z')], [])).to.equal(true);
    expect(
      changedAfterPublication(
        PUBLISHED,
        [entry('2020-03-01', '2020-03-01T10:00:00.000Z', '2020-05-06T10:00:00.000Z')],
        [],
      ),
    ).to.equal(true);
    expect(
      changedAfterPublication(
        PUBLISHED,
        [],
        [{ activityId: 'x', date: '2020-04-01', by, at: '2020-05-07T00:00:00.000Z' }],
      ),
    ).to.equal(true);
  });

  it('ignores later tertials, other agreements, and an entry both logged and undone after publication', () => {
    expect(
      changedAfterPublication(
        PUBLISHED,
        [
          entry('2020-05-06', '2020-05-06T10:00:00.000Z'),
          entry('2020-04-01', '2020-05-06T10:00:00.000Z', undefined, 'other'),
          entry('2020-04-01', '2020-05-06T10:00:00.000Z', '2020-05-06T11:00:00.000Z'),
          entry('2020-03-01', '2020-03-01T10:00:00.000Z', '2020-04-01T10:00:00.000Z'),
        ],
        [],
      ),
    ).to.equal(false);
  });

  it('property: only entries dated up to asOf and touched after publication count', () => {
    const day = fc
      .integer({ min: 0, max: 200 })
      .map((d) => new Date(Date.UTC(2020, 0, 1) + d * 86_400_000).toISOString());
    fc.assert(
      fc.property(fc.array(fc.tuple(day, day, fc.option(day, { nil: undefined })), { maxLength: 8 }), (rows) => {
        const entries = rows.map(([date, logged, removed]) =>
          entry(date.slice(0, 10), logged, removed && removed >= logged ? removed : undefined),
        );
        const expected = entries.some(
          (e) =>
            e.date <= PUBLISHED.document.asOf &&
            (e.removed
              ? e.loggedAt <= PUBLISHED.publishedAt && e.removed.at > PUBLISHED.publishedAt
              : e.loggedAt > PUBLISHED.publishedAt),
        );
        expect(changedAfterPublication(PUBLISHED, entries, [])).to.equal(expected);
      }),
    );
  });
});

describe('latestPublication', () => {
  it('is the newest of the tertial', () => {
    const p = (publishedAt: string, tertial: 1 | 2) =>
      ({ agreementId: 'a', year: 2020, tertial, publishedAt }) as Publication;
    const all = [p('2020-05-05T00:00:00Z', 1), p('2020-06-01T00:00:00Z', 1), p('2020-09-01T00:00:00Z', 2)];
    expect(latestPublication(all, { agreementId: 'a', year: 2020, tertial: 1 })?.publishedAt).to.equal(
      '2020-06-01T00:00:00Z',
    );
    expect(latestPublication(all, { agreementId: 'b', year: 2020, tertial: 1 })).to.equal(undefined);
  });

  it('of two published in the same instant, is the one appended last', () => {
    const p = (id: string) =>
      ({ id, agreementId: 'a', year: 2020, tertial: 1, publishedAt: '2020-05-05T00:00:00Z' }) as Publication;
    expect(latestPublication([p('first'), p('second')], { agreementId: 'a', year: 2020, tertial: 1 })?.id).to.equal(
      'second',
    );
  });
});

describe('reviewedComment', () => {
  const now = { figures: '1 insats under tertialen', neutral: '1 insats under tertialen.' };
  const then = { figures: 'Inget loggat under tertialen', neutral: 'Inget loggat under tertialen.' };

  it("prefills today's neutral text when nothing was saved, or the saved text is the neutral text prefilled then", () => {
    expect(reviewedComment(undefined, undefined, now)).to.deep.equal({ comment: now.neutral });
    expect(reviewedComment(then.neutral, then, now)).to.deep.equal({ comment: now.neutral });
  });

  it("keeps the coordinator's own words, flagged with the figures they were written for when those changed", () => {
    expect(reviewedComment('Grannarna har startat.', then, now)).to.deep.equal({
      comment: 'Grannarna har startat.',
      writtenFor: then.figures,
    });
    expect(reviewedComment('Grannarna har startat.', { ...now, neutral: 'annat' }, now)).to.deep.equal({
      comment: 'Grannarna har startat.',
    });
    // An emptied field is the coordinator's choice too.
    expect(reviewedComment('', then, now)).to.deep.equal({ comment: '', writtenFor: then.figures });
  });

  it('for a comment saved before figures were kept: kept, and flagged only against known figures', () => {
    expect(reviewedComment(then.neutral, undefined, now)).to.deep.equal({ comment: then.neutral });
    expect(reviewedComment(then.neutral, { figures: then.figures }, now)).to.deep.equal({
      comment: then.neutral,
      writtenFor: then.figures,
    });
    expect(reviewedComment(now.neutral, { figures: then.figures }, now)).to.deep.equal({ comment: now.neutral });
  });

  it('property: never loses a comment the coordinator wrote; flags exactly when its figures differ', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), fc.string(), fc.string(), (saved, f0, n0, f1, n1) => {
        const r = reviewedComment(saved, { figures: f0, neutral: n0 }, { figures: f1, neutral: n1 });
        if (saved === n0) return r.comment === n1 && r.writtenFor === undefined;
        return r.comment === saved && (r.writtenFor !== undefined) === (saved !== n1 && f0 !== f1);
      }),
    );
  });
});
