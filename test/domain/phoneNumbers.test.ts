// A phone number in a note is personal data. The guard finds Swedish numbers however they are
// grouped, and leaves alone every date, time, count, hour and year the log parser reads.
import { expect } from 'chai';
import fc from 'fast-check';
import { findPhoneNumbersInText, isValidPhoneNumber } from 'libphonenumber-js/max';
import { SWEDISH_MONTHS, addDays } from '../../src/domain/calendar.js';
import { findPhoneNumber, findPhoneNumbers } from '../../src/domain/phoneNumbers.js';

const TODAY = '2020-10-15';
const MONTHS = SWEDISH_MONTHS;
const pad2 = (n: number) => String(n).padStart(2, '0');
const found = (text: string) => findPhoneNumbers(text, TODAY).map((m) => m.match);

describe('phoneNumbers.findPhoneNumbers', () => {
  for (const written of [
    '070-123 45 67',
    '+46 70 123 45 67',
    '036-10 20 30',
    '0701234567',
    '08-123 456 78',
    '0046 70 123 45 67',
    '070 123 45 67',
    '0701-23 45 67',
  ]) {
    it(`finds ${written}, alone and inside a note`, () => {
      expect(found(written)).to.deep.equal([written]);
      const note = `ring mamman på ${written} imorgon`;
      const [m] = findPhoneNumbers(note, TODAY);
      expect(m?.match).to.equal(written);
      expect(note.slice(m?.start, m?.end)).to.equal(written);
    });
  }

  it('finds every number of a note, in order', () => {
    expect(found('070-123 45 67 eller 036-10 20 30')).to.deep.equal(['070-123 45 67', '036-10 20 30']);
    expect(findPhoneNumber(TODAY, undefined, 'lugn kväll', 'ring 0701234567')?.match).to.equal('0701234567');
  });

  for (const written of [
    '2020-10-14',
    '14/3',
    '14/3-20',
    '14.3',
    '200314',
    '20201014',
    '09.10.2020',
    '02-10-2020',
    '10/10 2020',
    'kl 19-21',
    'kl 07-09',
    '19.00–21.00',
    '08.00-10.00',
    '08:00-10:00',
    '2019-2020',
    'år 2020',
    '3 st',
    '45 pers',
    '1,5 h',
    '90 min',
    'x3',
    '811218-9876',
    '19811218-9876',
    '12 13 14 15',
    '070-12',
    '',
  ]) {
    it(`leaves "${written}" alone`, () => expect(found(written)).to.deep.equal([]));
  }

  it('never throws and finds nothing in text without digits', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const result = findPhoneNumbers(s, TODAY);
        if (!/\d/u.test(s)) expect(result).to.deep.equal([]);
      }),
    );
  });

  describe('properties', () => {
    const day = fc.integer({ min: 0, max: 365 * 6 }).map((n) => addDays('2017-01-01', n));

    it('no date written the ways the bot reads dates is flagged', () => {
      fc.assert(
        fc.property(day, fc.integer({ min: 0, max: 10 }), (iso, form) => {
          const [y = '', m = '', d = ''] = iso.split('-');
          const day1 = String(Number(d));
          const month1 = String(Number(m));
          const written = [
            iso,
            `${day1}/${month1}`,
            `${day1}/${month1}-${y.slice(2)}`,
            `${day1}.${month1}`,
            `${day1} ${MONTHS[Number(m) - 1]}`,
            `${d}-${m}-${y}`,
            `${d}.${m}.${y}`,
            `${d}/${m}/${y}`,
            `${y.slice(2)}${m}${d}`,
            `${y}${m}${d}`,
            `den ${day1}:e ${MONTHS[Number(m) - 1]} ${y}`,
          ][form] as string;
          expect(found(`krogtillsyn ${written} lugnt`), written).to.deep.equal([]);
        }),
        { numRuns: 2000 },
      );
    });

    it('a time span the time reader refuses is still no phone number: "02.30–02.30" (found by the property below)', () => {
      expect(found('torsdagsmöte 02.30–02.30')).to.deep.equal([]);
    });

    it('no time span, count, number of people, hours or year is flagged', () => {
      const hour = fc.integer({ min: 0, max: 23 });
      const minute = fc.constantFrom(0, 15, 30, 45);
      const written = fc.oneof(
        fc.tuple(hour, hour).map(([a, b]) => `kl ${a}-${b}`),
        fc.tuple(hour, hour).map(([a, b]) => `kl ${pad2(a)}-${pad2(b)}`),
        fc.tuple(hour, minute, hour, minute).map(([a, am, b, bm]) => `${pad2(a)}.${pad2(am)}–${pad2(b)}.${pad2(bm)}`),
        fc.tuple(hour, minute, hour, minute).map(([a, am, b, bm]) => `${pad2(a)}:${pad2(am)}-${pad2(b)}:${pad2(bm)}`),
        fc.integer({ min: 1, max: 1000 }).map((n) => `${n} st`),
        fc.integer({ min: 1, max: 10_000 }).map((n) => `${n} pers`),
        fc.integer({ min: 1, max: 24 }).map((n) => `${n} h`),
        fc.integer({ min: 1, max: 9 }).map((n) => `${n},5 h`),
        fc.integer({ min: 1, max: 600 }).map((n) => `${n} min`),
        fc.integer({ min: 1990, max: 2040 }).map((n) => `år ${n}`),
        fc.tuple(fc.integer({ min: 1990, max: 2040 }), fc.integer({ min: 1, max: 9 })).map(([a, b]) => `${a}-${a + b}`),
        fc.integer({ min: 1, max: 99 }).map((n) => `${n} krogar`),
      );
      fc.assert(
        fc.property(written, (w) => {
          expect(found(`torsdagsmöte ${w}`), w).to.deep.equal([]);
        }),
        { numRuns: 2000 },
      );
    });

    it('every Swedish mobile number is flagged, however it is grouped', () => {
      const digits = (n: number) =>
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));
      fc.assert(
        fc.property(
          fc.constantFrom('70', '72', '73', '76', '79'),
          digits(7),
          fc.integer({ min: 0, max: 5 }),
          (prefix, rest, form) => {
            const [a, b, c] = [rest.slice(0, 3), rest.slice(3, 5), rest.slice(5)];
            const written = [
              `0${prefix}-${a} ${b} ${c}`,
              `0${prefix}${rest}`,
              `0${prefix} ${a} ${b} ${c}`,
              `+46 ${prefix} ${a} ${b} ${c}`,
              `+46${prefix}${rest}`,
              `0${prefix}-${rest}`,
            ][form] as string;
            expect(found(`ring ${written} efter skolan`), written).to.deep.equal([written]);
          },
        ),
        { numRuns: 2000 },
      );
    });

    it('every valid Swedish landline number written with its area code is flagged', () => {
      const areaCodes = ['8', '31', '40', '36', '13', '19', '21', '60', '90', '380', '390', '470'];
      fc.assert(
        fc.property(
          fc.constantFrom(...areaCodes),
          fc.integer({ min: 100_000, max: 9_999_999 }),
          fc.boolean(),
          (area, number, dash) => {
            const subscriber = String(number);
            fc.pre(isValidPhoneNumber(`0${area}${subscriber}`, 'SE'));
            const grouped = subscriber.replace(/(\d{2})(?=(\d{2})+$)/gu, '$1 ').trim();
            const written = dash ? `0${area}-${grouped}` : `0${area} ${subscriber}`;
            expect(found(`ring ${written}`), written).to.deep.equal([written]);
          },
        ),
        { numRuns: 1000 },
      );
    });

    // findPhoneNumbers asks the library only when a number it keeps can stand in the text: one that
    // begins with + or 0 and has six digits or more.
    it('the library finds no number that begins with + or 0 and has fewer than six digits', () => {
      const piece = fc.oneof(
        fc.constantFrom(
          '070-123 45 67',
          '+46 70 123 45 67',
          '0046701234567',
          '0701234567',
          '036-10 20 30',
          '08-123 456 78',
          '+43 1234',
          '+683 4002',
          '2020-03-14',
          '19.00–21.00',
          '(08) 123 45 67',
          '０７０１２３４５６７',
          '701234567 x 500000000',
        ),
        fc.array(fc.constantFrom(...'0123456789'.split('')), { minLength: 1, maxLength: 12 }).map((d) => d.join('')),
        fc.constantFrom(' ', '-', '.', '/', '(', ')', '+', ' x ', 'ring ', 'a', ', ', '–'),
      );
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
          const text = pieces.join('');
          for (const m of findPhoneNumbersInText(text, { defaultCountry: 'SE' })) {
            const match = text.slice(m.startsAt, m.endsAt);
            if (!/^(?:\+|0)/u.test(match)) continue;
            expect(match.match(/\p{Nd}/gu)?.length ?? 0, text).to.be.at.least(6);
          }
        }),
        { numRuns: 3000 },
      );
    });

    it('a number after a date is still found, and one that begins inside a run of digits', () => {
      expect(found('krogtillsyn 2020-03-14 ring 070-123 45 67')).to.deep.equal(['070-123 45 67']);
      // The library reads "701234567 x 500000000" as a number with an extension, and goes on inside the run.
      expect(found('701234567 x 500000000070-123 45 67')).to.deep.equal(['070-123 45 67']);
      expect(found('krogtillsyn igår 3 st lugn kväll')).to.deep.equal([]);
    });
  });
});
