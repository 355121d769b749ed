import { followUpReplyTexts } from '../../src/views/followUpReplyTexts.js';
import { rendersEveryCode } from '../support/catalogue.js';

rendersEveryCode('follow-up replies', followUpReplyTexts, {
  'followUpArgs.whichTertial': { code: 'followUpArgs.whichTertial' },
  'followUpArgs.oneYear': { code: 'followUpArgs.oneYear' },
  'followUpArgs.unknownWord': { code: 'followUpArgs.unknownWord', typed: 'våren' },
  'followUpArgs.oneTertial': { code: 'followUpArgs.oneTertial' },
  'followUpArgs.noSuchTertial': { code: 'followUpArgs.noSuchTertial', typed: '4' },
  'yearArg.unknown': { code: 'yearArg.unknown', typed: 'förra året', example: '/export 2020' },
  'followUp.noAgreementForTertial': { code: 'followUp.noAgreementForTertial', tertial: 1, year: 2030, known: '2020' },
  'followUp.tertialNotStarted': {
    code: 'followUp.tertialNotStarted',
    tertial: 3,
    year: 2020,
    start: '1 september 2020',
  },
  'followUp.nothingBegun': {
    code: 'followUp.nothingBegun',
    title: 'Medborgarlöfte 2021',
    year: 2021,
    start: '1 mars 2021',
  },
  'followUp.runningInstead': { code: 'followUp.runningInstead', title: 'Medborgarlöfte 2020', tertial: 1, year: 2020 },
  'review.reviewFallback': { code: 'review.reviewFallback', title: 'Uppföljning, tertial 1 2020' },
  'review.draftStatus': { code: 'review.draftStatus' },
  'review.publishedStatus': { code: 'review.publishedStatus', day: '5 maj 2020', by: 'Anna' },
  'review.notPublished': { code: 'review.notPublished', tertial: 1, year: 2020, coordinator: false },
  'review.inPersonalChat': { code: 'review.inPersonalChat' },
  'review.unreadable': { code: 'review.unreadable' },
  'review.notPersonal': { code: 'review.notPersonal' },
  'review.tertialGone': { code: 'review.tertialGone' },
  'review.commentTooLong': { code: 'review.commentTooLong', activity: 'Krogtillsyn', length: 2001, max: 2000 },
  'review.personalData': { code: 'review.personalData', kind: 'personnummer', match: '19121212-1212' },
  'review.draftSaved': { code: 'review.draftSaved' },
  'review.draftSavedAt': { code: 'review.draftSavedAt', day: '5 maj 2020', time: '10:00', published: true },
  'review.publishedFallback': { code: 'review.publishedFallback', title: 'Uppföljning, tertial 1 2020' },
  'review.published': { code: 'review.published', tertial: 1, year: 2020 },
});
