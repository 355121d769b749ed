// "/prenumerera [veckodag] [HH:MM]": what people write, and what is refused.
import { expect } from 'chai';
import fc from 'fast-check';
import { parseSubscribeArgs, parseTimeOfDay } from '../../src/domain/subscribeArgs.js';
import { render } from '../../src/views/catalogue.js';
import { subscriptionTexts } from '../../src/views/subscriptionTexts.js';

const TODAY = '2026-11-25'; // a Wednesday

function ok(args: string) {
  const parsed = parseSubscribeArgs(args, TODAY);
  if (!parsed.ok) throw new Error(`refused "${args}": ${render(subscriptionTexts, parsed)}`);
  return parsed.schedule;
}

function refused(args: string): string {
  const parsed = parseSubscribeArgs(args, TODAY);
  if (parsed.ok) throw new Error(`accepted "${args}"`);
  return render(subscriptionTexts, parsed);
}

describe('parseSubscribeArgs', () => {
  it('defaults to torsdag 07:30', () => {
    expect(ok('')).to.deep.equal({ weekday: 4, time: '07:30' });
    expect(ok('   ')).to.deep.equal({ weekday: 4, time: '07:30' });
  });

  it('reads weekday names folded, with and without å/ä/ö, in the forms people write', () => {
    const cases: [string, number][] = [
      ['måndag', 1],
      ['mandag', 1],
      ['MÅNDAG', 1],
      ['måndagar', 1],
      ['mån', 1],
      ['tisdag', 2],
      ['onsdagen', 3],
      ['tors', 4],
      ['torsdagar', 4],
      ['fredag', 5],
      ['lördag', 6],
      ['lordag', 6],
      ['lör', 6],
      ['söndag', 7],
      ['sondagarna', 7],
    ];
    for (const [word, day] of cases) expect(ok(word).weekday, word).to.equal(day);
  });

  it('reads HH:MM, H:MM and 07.30, optionally after kl', () => {
    expect(ok('07:30').time).to.equal('07:30');
    expect(ok('7:05').time).to.equal('07:05');
    expect(ok('07.30').time).to.equal('07:30');
    expect(ok('kl. 8.15').time).to.equal('08:15');
    expect(ok('23:59').time).to.equal('23:59');
    expect(ok('0:00').time).to.equal('00:00');
  });

  it('takes weekday and time in either order, with filler words', () => {
    expect(ok('måndag 08:00')).to.deep.equal({ weekday: 1, time: '08:00' });
    expect(ok('08:00 måndag')).to.deep.equal({ weekday: 1, time: '08:00' });
    expect(ok('varje fredag kl 14.30')).to.deep.equal({ weekday: 5, time: '14:30' });
    expect(ok('på måndagar klockan 9:00,')).to.deep.equal({ weekday: 1, time: '09:00' });
  });

  it('keeps the default for the part not given', () => {
    expect(ok('fredag')).to.deep.equal({ weekday: 5, time: '07:30' });
    expect(ok('16:00')).to.deep.equal({ weekday: 4, time: '16:00' });
  });

  it('reads "idag" and "i dag" as today’s weekday', () => {
    expect(ok('idag 14:31')).to.deep.equal({ weekday: 3, time: '14:31' });
    expect(ok('i dag 14:31')).to.deep.equal({ weekday: 3, time: '14:31' });
  });

  it('refuses what it does not understand, in Swedish with an example, naming the word', () => {
    const error = refused('torsdag halv åtta');
    expect(error).to.include('"halv"');
    expect(error).to.include('/prenumerera torsdag 07:30');
    expect(error).to.include('Ingen prenumeration har sparats');
    expect(refused('25:00')).to.include('"25:00" finns inte');
    expect(refused('7:60')).to.include('finns inte');
    expect(refused('måndag fredag')).to.include('bara en veckodag');
    expect(refused('08:00 09:00')).to.include('bara en tid');
    expect(refused('8')).to.include('"8"');
    expect(refused('0730')).to.include('"0730"');
  });

  it('property: any weekday and time written in a supported way reads back the same', () => {
    const names = [
      ['måndag', 'mandag', 'mån'],
      ['tisdag', 'tis'],
      ['onsdag', 'ons'],
      ['torsdag', 'tors'],
      ['fredag', 'fre'],
      ['lördag', 'lordag'],
      ['söndag', 'sondag'],
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.nat(),
        fc.boolean(),
        fc.constantFrom(':', '.'),
        fc.boolean(),
        fc.boolean(),
        (day, hour, minute, nameIndex, padHour, separator, timeFirst, upper) => {
          const options = names[day - 1] ?? [];
          let name = options[nameIndex % options.length] ?? '';
          if (upper) name = name.toUpperCase();
          const time = `${padHour ? String(hour).padStart(2, '0') : hour}${separator}${String(minute).padStart(2, '0')}`;
          const args = timeFirst ? `${time} ${name}` : `${name} kl ${time}`;
          expect(ok(args)).to.deep.equal({
            weekday: day,
            time: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
          });
        },
      ),
    );
  });

  it('property: never throws, and a refusal always carries the example', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (args) => {
        const parsed = parseSubscribeArgs(args, TODAY);
        if (!parsed.ok) expect(render(subscriptionTexts, parsed)).to.include('/prenumerera torsdag 07:30');
      }),
    );
  });

  it('parseTimeOfDay refuses what is not a time of day', () => {
    for (const bad of ['24:00', '12:5', '123:00', 'a:bc', '12:60'])
      expect(parseTimeOfDay(bad), bad).to.equal(undefined);
  });
});
