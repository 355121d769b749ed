import { summaryTexts } from '../../src/views/summaryTexts.js';
import { rendersEveryCode } from '../support/catalogue.js';

rendersEveryCode('summary and export', summaryTexts, {
  'summaryArgs.unknownWord': { code: 'summaryArgs.unknownWord', typed: 'kvartal' },
  'summaryArgs.badYear': { code: 'summaryArgs.badYear', year: 42 },
  'summary.yearNotBegun': { code: 'summary.yearNotBegun', year: 2030 },
  'summary.noAgreementOn': {
    code: 'summary.noAgreementOn',
    day: '1 januari 2030',
    example: '2020',
    hint: 'En samordnare kan skapa det med /nytt-medborgarlöfte 2030 från 2020.',
  },
  'export.notPersonal': { code: 'export.notPersonal', channel: true },
  'export.linksOff': { code: 'export.linksOff' },
  'export.link': {
    code: 'export.link',
    year: 2020,
    rows: 12,
    undone: 1,
    url: 'https://example.org/x.csv',
    day: '6 maj 2020',
    time: '10:00',
  },
});
