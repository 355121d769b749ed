import { expect } from 'chai';
import { parseFollowUpArgs, parseYearArg } from '../../src/domain/followUpArgs.js';
import { render } from '../../src/views/catalogue.js';
import { followUpReplyTexts } from '../../src/views/followUpReplyTexts.js';

describe('parseFollowUpArgs', () => {
  const ok: Array<[string, object]> = [
    ['', {}],
    ['T1 2020', { tertial: 1, year: 2020 }],
    ['2020 t2', { tertial: 2, year: 2020 }],
    ['tertial 3 2019', { tertial: 3, year: 2019 }],
    ['Tertial2', { tertial: 2 }],
    ['2020', { year: 2020 }],
    ['T1, 2020', { tertial: 1, year: 2020 }],
  ];
  for (const [args, expected] of ok) {
    it(`"${args}"`, () => expect(parseFollowUpArgs(args)).to.deep.equal({ ok: true, ...expected }));
  }

  const refused: Array<[string, RegExp]> = [
    ['T4 2020', /Tertial 4 finns inte.*T1 \(januari–april\)/],
    ['T1 T2', /bara en tertial/],
    ['2019 2020', /bara ett år/],
    ['våren', /Jag förstår inte "våren"/],
    ['tertial', /Vilken tertial/],
  ];
  for (const [args, message] of refused) {
    it(`refuses "${args}" in Swedish`, () => {
      const r = parseFollowUpArgs(args);
      expect(r.ok).to.equal(false);
      if (!r.ok) expect(render(followUpReplyTexts, r)).to.match(message);
    });
  }
});

describe('parseYearArg', () => {
  it('takes nothing or one year', () => {
    expect(parseYearArg('', '/export 2020')).to.deep.equal({ ok: true });
    expect(parseYearArg(' 2020 ', '/export 2020')).to.deep.equal({ ok: true, year: 2020 });
    const r = parseYearArg('förra året', '/export 2020');
    expect(r.ok).to.equal(false);
    if (!r.ok)
      expect(render(followUpReplyTexts, r)).to.equal(
        'Jag förstår inte "förra året". Skriv ett år, t.ex. /export 2020.',
      );
  });
});
