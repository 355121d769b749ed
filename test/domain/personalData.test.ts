// Notes must never hold a citizen's personnummer or samordningsnummer. The guard finds them in
// every common written form, and leaves dates, times and counts alone.
import { expect } from 'chai';
import fc from 'fast-check';
import { findPersonalIdentityNumber, luhnCheckDigit } from '../../src/domain/personalData.js';

/** Reference Luhn, written differently from the module: double every other digit from the right. */
function referenceLuhnValid(tenDigits: string): boolean {
  const sum = [...tenDigits]
    .reverse()
    .map(Number)
    .reduce((acc, digit, i) => {
      if (i % 2 === 0) return acc + digit;
      const doubled = digit * 2;
      return acc + Math.floor(doubled / 10) + (doubled % 10);
    }, 0);
  return sum % 10 === 0;
}

function withCheckDigit(nine: string): string {
  for (let c = 0; c <= 9; c++) if (referenceLuhnValid(nine + c)) return nine + c;
  throw new Error('unreachable');
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

describe('personalData.findPersonalIdentityNumber', () => {
  it('the examples are Luhn-valid by the reference', () => {
    for (const n of ['8112189876', '7010632391', '6408233234', '1212121212']) {
      expect(referenceLuhnValid(n), n).to.equal(true);
      expect(luhnCheckDigit(n.slice(0, 9))).to.equal(Number(n[9]));
    }
    expect(referenceLuhnValid('8112189875')).to.equal(false);
  });

  describe('detects a personnummer in every form', () => {
    for (const written of [
      '811218-9876',
      '811218+9876',
      '811218 9876',
      '8112189876',
      '19811218-9876',
      '198112189876',
      '19811218 9876',
      '19811218+9876',
      '811218–9876', // en dash, as phones autocorrect
      '811218\u00a09876', // no-break space
      '811218 - 9876',
      '19811218 – 9876',
      '20121212-1212',
      '121212-1212',
    ]) {
      it(JSON.stringify(written), () => {
        expect(findPersonalIdentityNumber(written)).to.deep.equal({ kind: 'personnummer', match: written });
      });
    }
  });

  describe('detects a samordningsnummer (day + 60)', () => {
    for (const written of ['701063-2391', '7010632391', '19701063-2391', '197010632391']) {
      it(JSON.stringify(written), () => {
        expect(findPersonalIdentityNumber(written)).to.deep.equal({ kind: 'samordningsnummer', match: written });
      });
    }
  });

  it('finds it inside text, and reports it as written there', () => {
    expect(findPersonalIdentityNumber('anteckning: pojke 811218-9876 hördes')).to.deep.equal({
      kind: 'personnummer',
      match: '811218-9876',
    });
    expect(findPersonalIdentityNumber('pnr:198112189876.')).to.deep.equal({
      kind: 'personnummer',
      match: '198112189876',
    });
    expect(findPersonalIdentityNumber('(811218-9876)')).to.deep.equal({ kind: 'personnummer', match: '811218-9876' });
    expect(findPersonalIdentityNumber('pojke8112189876')).to.deep.equal({ kind: 'personnummer', match: '8112189876' });
    expect(findPersonalIdentityNumber('2020-03-14 träffade 701063-2391 och 811218-9876')).to.deep.equal({
      kind: 'samordningsnummer',
      match: '701063-2391',
    });
    expect(findPersonalIdentityNumber('fel 811218-9875, rätt 811218-9876')).to.deep.equal({
      kind: 'personnummer',
      match: '811218-9876',
    });
  });

  it('does not check the day against the month (better a false alarm than a stored number)', () => {
    const n = withCheckDigit('810231123');
    expect(findPersonalIdentityNumber(`${n.slice(0, 6)}-${n.slice(6)}`)?.kind).to.equal('personnummer');
  });

  describe('ignores what is not a valid number', () => {
    for (const text of [
      '811218-9875', // wrong check digit
      '8112189875',
      '19811218-9875',
      '811218-98761', // embedded in a longer run of digits
      '1811218-9876',
      '0811218-9876',
      '8112189876123',
      '119811218-9876',
      '21811218-9876', // century 21 is not a century of living people
      '811318-xxxx',
      withCheckDigit('811318123'), // month 13
      withCheckDigit('810018123'), // month 00
      withCheckDigit('811200123'), // day 00
      withCheckDigit('811232123'), // day 32 (neither personnummer nor samordningsnummer)
      withCheckDigit('811260123'), // day 60
      withCheckDigit('811292123'), // day 92
      '811218-987', // too short
      '811218--9876', // two separators
      '2020-03-14',
      '20200314',
      '14/3 2020',
      '2020-03-14 07:30',
      'kl 07:30, 12 personer, 2 h, 1 tillfälle',
      'tel 013-12 34 56',
      '',
    ]) {
      it(JSON.stringify(text), () => {
        expect(findPersonalIdentityNumber(text)).to.equal(undefined);
      });
    }
  });

  // Valid numbers: century, YYMMDD (day + 60 for samordningsnummer), three digits, check digit.
  const validNumber = fc
    .record({
      century: fc.constantFrom('18', '19', '20'),
      yy: fc.integer({ min: 0, max: 99 }),
      mm: fc.integer({ min: 1, max: 12 }),
      dd: fc.integer({ min: 1, max: 31 }),
      samordning: fc.boolean(),
      serial: fc.integer({ min: 0, max: 999 }),
    })
    .map(({ century, yy, mm, dd, samordning, serial }) => {
      const ten = withCheckDigit(
        `${pad2(yy)}${pad2(mm)}${pad2(samordning ? dd + 60 : dd)}${String(serial).padStart(3, '0')}`,
      );
      return { century, ten, kind: samordning ? ('samordningsnummer' as const) : ('personnummer' as const) };
    });

  const forms = fc.constantFrom(
    (_c: string, t: string) => `${t.slice(0, 6)}-${t.slice(6)}`,
    (_c: string, t: string) => `${t.slice(0, 6)}+${t.slice(6)}`,
    (_c: string, t: string) => `${t.slice(0, 6)} ${t.slice(6)}`,
    (_c: string, t: string) => `${t.slice(0, 6)} - ${t.slice(6)}`,
    (_c: string, t: string) => t,
    (c: string, t: string) => `${c}${t.slice(0, 6)}-${t.slice(6)}`,
    (c: string, t: string) => `${c}${t.slice(0, 6)} ${t.slice(6)}`,
    (c: string, t: string) => `${c}${t}`,
  );

  /** Text without digits, so the only number in the note is the one we put there. */
  const noDigits = fc.string({ unit: 'grapheme', maxLength: 30 }).map((s) => s.replace(/\d/g, ''));

  it('always detects a generated valid number in every form, anywhere in a note (property)', () => {
    fc.assert(
      fc.property(validNumber, forms, noDigits, noDigits, ({ century, ten, kind }, form, before, after) => {
        const written = form(century, ten);
        const found = findPersonalIdentityNumber(`${before}${written}${after}`);
        expect(found).to.deep.equal({ kind, match: written });
      }),
      { numRuns: 1000 },
    );
  });

  it('never detects a number whose check digit is wrong (property)', () => {
    fc.assert(
      fc.property(
        validNumber,
        forms,
        fc.integer({ min: 1, max: 9 }),
        noDigits,
        ({ century, ten }, form, delta, before) => {
          const wrong = ten.slice(0, 9) + String((Number(ten[9]) + delta) % 10);
          expect(findPersonalIdentityNumber(`${before} ${form(century, wrong)} .`)).to.equal(undefined);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never detects an ISO date, a time or a small count (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1800-01-01T00:00:00Z'), max: new Date('2199-12-31T23:59:59Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 99_999 }),
        (d, count) => {
          const iso = d.toISOString();
          const text = `${iso.slice(0, 10)} kl ${iso.slice(11, 16)}, ${count} personer, ${iso}`;
          expect(findPersonalIdentityNumber(text)).to.equal(undefined);
        },
      ),
    );
  });

  it('never throws on random text; any match is in the text and is a valid number (property)', () => {
    const digitHeavy = fc.stringMatching(/^[0-9 +\-a]{0,40}$/);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), digitHeavy), (text) => {
        const found = findPersonalIdentityNumber(text);
        if (found === undefined) return;
        expect(text).to.include(found.match);
        const digits = found.match.replace(/\D/g, '');
        expect([10, 12]).to.include(digits.length);
        expect(referenceLuhnValid(digits.slice(-10))).to.equal(true);
      }),
      { numRuns: 2000 },
    );
  });
});
