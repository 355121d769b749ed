import { expect } from 'chai';
import fc from 'fast-check';
import { signQuery, verifyQuery } from '../../src/report/signedLink.js';

const SECRET = 'test-secret-0123456789abcdef0123456789';
const PATH = '/rapport/uppfoljning';
const NOW = new Date('2020-05-10T08:00:00Z');
const EXPIRES = new Date('2020-05-17T08:00:00Z');
const PARAMS = { agreement: 'jonkoping-2020', year: '2020', tertial: '1', format: 'pdf' };

function query(params: Record<string, string> = PARAMS, expiresAt = EXPIRES): URLSearchParams {
  return new URLSearchParams(signQuery(SECRET, PATH, params, expiresAt));
}

describe('signed links', () => {
  it('a link accepts until it expires, and gives back the parameters without the signature', () => {
    expect(verifyQuery(SECRET, PATH, query().toString(), NOW)).to.deep.equal({ ok: true, params: PARAMS });
    expect(verifyQuery(SECRET, PATH, `?${query().toString()}`, new Date(EXPIRES.getTime() - 1))).to.deep.include({
      ok: true,
    });
  });

  it('refuses an expired link', () => {
    expect(verifyQuery(SECRET, PATH, query().toString(), EXPIRES)).to.deep.equal({ ok: false, reason: 'expired' });
  });

  it('refuses a link whose expiry was pushed forward', () => {
    const q = query(PARAMS, new Date('2020-05-01T00:00:00Z'));
    q.set('expires', String(Math.floor(EXPIRES.getTime() / 1000)));
    expect(verifyQuery(SECRET, PATH, q.toString(), NOW)).to.deep.equal({ ok: false, reason: 'badSignature' });
  });

  for (const [name, change] of [
    ['a changed parameter', (q: URLSearchParams) => q.set('tertial', '2')],
    ['an added parameter', (q: URLSearchParams) => q.set('extra', '1')],
    ['a removed parameter', (q: URLSearchParams) => q.delete('format')],
    [
      'a changed signature',
      (q: URLSearchParams) =>
        q.set('sig', `${(q.get('sig') ?? '').slice(0, -1)}${(q.get('sig') ?? '').endsWith('A') ? 'B' : 'A'}`),
    ],
    ['a signature with an extra character', (q: URLSearchParams) => q.set('sig', `${q.get('sig') ?? ''}A`)],
  ] as const) {
    it(`refuses ${name}`, () => {
      const q = query();
      change(q);
      expect(verifyQuery(SECRET, PATH, q.toString(), NOW)).to.deep.equal({ ok: false, reason: 'badSignature' });
    });
  }

  it('refuses another path, and another secret', () => {
    expect(verifyQuery(SECRET, '/rapport/insatser', query().toString(), NOW)).to.deep.equal({
      ok: false,
      reason: 'badSignature',
    });
    expect(verifyQuery('another-secret-0123456789abcdef0123', PATH, query().toString(), NOW)).to.deep.equal({
      ok: false,
      reason: 'badSignature',
    });
  });

  it('refuses an unsigned link, and one without expiry', () => {
    expect(verifyQuery(SECRET, PATH, new URLSearchParams(PARAMS).toString(), NOW)).to.deep.equal({
      ok: false,
      reason: 'unsigned',
    });
    const q = query();
    q.delete('expires');
    expect(verifyQuery(SECRET, PATH, q.toString(), NOW)).to.deep.equal({ ok: false, reason: 'unsigned' });
    q.set('expires', '99999999999');
    q.set('sig', '');
    expect(verifyQuery(SECRET, PATH, q.toString(), NOW)).to.deep.equal({ ok: false, reason: 'unsigned' });
  });

  it('refuses a repeated parameter and malformed values', () => {
    expect(verifyQuery(SECRET, PATH, `${query().toString()}&tertial=2`, NOW)).to.deep.equal({
      ok: false,
      reason: 'malformed',
    });
    expect(verifyQuery(SECRET, PATH, `${query().toString()}&sig=x`, NOW)).to.deep.equal({
      ok: false,
      reason: 'malformed',
    });
    const q = query();
    q.set('expires', '1e12');
    expect(verifyQuery(SECRET, PATH, q.toString(), NOW)).to.deep.equal({ ok: false, reason: 'malformed' });
  });

  it('parameter names that are also object properties are plain names', () => {
    const params = { toString: 'x', ['__proto__']: 'y', constructor: 'z' };
    const q = signQuery(SECRET, PATH, JSON.parse(JSON.stringify(params)) as Record<string, string>, EXPIRES);
    expect(verifyQuery(SECRET, PATH, q, NOW)).to.deep.equal({
      ok: true,
      params: JSON.parse('{"toString":"x","__proto__":"y","constructor":"z"}'),
    });
  });

  it('any parameters round-trip, and no one-character change of the link is accepted with other parameters', () => {
    const paramsArb = fc.dictionary(
      fc.string({ minLength: 1, maxLength: 8 }).filter((k) => k !== 'sig' && k !== 'expires'),
      fc.string({ maxLength: 12 }),
      { maxKeys: 4 },
    );
    fc.assert(
      fc.property(paramsArb, fc.nat(), fc.integer({ min: 32, max: 126 }), (params, at, code) => {
        const q = signQuery(SECRET, PATH, params, EXPIRES);
        expect(verifyQuery(SECRET, PATH, q, NOW)).to.deep.equal({ ok: true, params });
        const i = at % q.length;
        const mutated = q.slice(0, i) + String.fromCharCode(code) + q.slice(i + 1);
        const result = verifyQuery(SECRET, PATH, mutated, NOW);
        if (result.ok) expect(result.params).to.deep.equal(params);
      }),
      { numRuns: 300 },
    );
  });
});
