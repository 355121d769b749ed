// Issue 25: every code of the log form's and the log cards' catalogues renders.
import { rendersEveryCode } from '../support/catalogue.js';
import { cardTexts, logFormTexts } from '../../src/views/logFormTexts.js';

rendersEveryCode('log form', logFormTexts, {
  'record.identityNumber': { code: 'record.identityNumber', kind: 'personnummer', number: '19811218-9876' },
  'record.phoneNumber': { code: 'record.phoneNumber', written: '070-123 45 67' },
  'record.futureDate': { code: 'record.futureDate', date: '2020-06-02' },
  'record.outsideAgreement': { code: 'record.outsideAgreement', date: '2021-01-02', title: 'Medborgarlöfte 2020' },
  'form.participants': { code: 'form.participants', typed: 'sju', max: 10_000 },
  'form.hours': { code: 'form.hours', typed: 'två', max: 24 },
  'form.ambiguousDate': { code: 'form.ambiguousDate', written: '5/6/2020', readings: ['2020-05-06', '2020-06-05'] },
  'form.nonexistentDate': { code: 'form.nonexistentDate', written: '2020-02-30' },
  'form.unreadableDate': { code: 'form.unreadableDate', written: 'igår' },
  'form.count': { code: 'form.count', max: 1000 },
  'form.placeTooLong': { code: 'form.placeTooLong', max: 80 },
  'form.noteTooLong': { code: 'form.noteTooLong', max: 500, length: 612 },
  'form.noActivity': { code: 'form.noActivity' },
  'form.noAgreement': { code: 'form.noAgreement', date: '2019-05-01' },
  'form.activityNotInAgreement': { code: 'form.activityNotInAgreement', title: 'Medborgarlöfte 2020' },
  'form.entryGone': { code: 'form.entryGone' },
  'form.notYourEntry': { code: 'form.notYourEntry' },
  'form.otherAgreement': { code: 'form.otherAgreement', title: 'Medborgarlöfte 2021' },
  'form.editRefused': { code: 'form.editRefused', why: 'Insatsen är borttagen och kan inte ändras.' },
});

rendersEveryCode('log card', cardTexts, {
  'card.unknown': { code: 'card.unknown' },
  'card.unknownButton': { code: 'card.unknownButton' },
  'card.unreadable': { code: 'card.unreadable' },
  'card.unreadableForm': { code: 'card.unreadableForm' },
  'card.agreementGone': { code: 'card.agreementGone' },
  'card.activityGone': { code: 'card.activityGone' },
  'card.notYours': { code: 'card.notYours', name: 'Anna Lind', example: 'krogtillsyn' },
  'card.dayInOtherAgreement': { code: 'card.dayInOtherAgreement' },
  'card.entryGone': { code: 'card.entryGone' },
});
