// Issue 25: every code of the log parser's catalogue renders.
import { rendersEveryCode } from '../support/catalogue.js';
import { logRequestTexts, timeTexts } from '../../src/views/logRequestTexts.js';

rendersEveryCode('time', timeTexts, {
  'time.zeroHours': { code: 'time.zeroHours', written: 'kl 19-19' },
  'time.single': { code: 'time.single', written: 'kl 22' },
});

rendersEveryCode('log request', logRequestTexts, {
  'date.nonexistent': { code: 'date.nonexistent', written: '2020-02-30' },
  'date.incalculable': { code: 'date.incalculable' },
  'date.notOneDay': { code: 'date.notOneDay', written: 'förra veckan' },
  'date.severalReadings': { code: 'date.severalReadings', written: '200314' },
  'date.wrongWeekday': { code: 'date.wrongWeekday', date: '2020-05-28', weekday: 4, named: 5 },
  'time.zeroHours': { code: 'time.zeroHours', written: 'kl 19-19' },
  'time.single': { code: 'time.single', written: 'kl 22' },
  'hours.outOfRange': { code: 'hours.outOfRange', written: '25 h', max: 24 },
  'count.notWhole': { code: 'count.notWhole', written: '-3', max: 1000 },
  'count.tooLarge': { code: 'count.tooLarge', written: '100000', max: 1000 },
  'participants.notWhole': { code: 'participants.notWhole', written: '0', max: 10_000 },
  'participants.tooLarge': { code: 'participants.tooLarge', written: '20000', max: 10_000 },
  'log.clockTime': { code: 'log.clockTime', written: '19.00' },
  'log.timeOrDate': { code: 'log.timeOrDate', written: '19-21', word: '19-21' },
  'date.unreadable': { code: 'date.unreadable', written: '32.13' },
  'log.bareNumber': { code: 'log.bareNumber', written: '12' },
  'log.givenTwice': { code: 'log.givenTwice', what: 'place' },
  'date.differentDays': { code: 'date.differentDays', first: 'i fredags', second: '4/6' },
});
