import { coordinatorTexts } from '../../src/views/coordinatorTexts.js';
import { rendersEveryCode } from '../support/catalogue.js';

rendersEveryCode('coordinator', coordinatorTexts, {
  'done.noAgreement': { code: 'done.noAgreement', date: '2026-11-25' },
  'done.which': { code: 'done.which', agreement: 'Medborgarlöfte 2026', milestones: ['enkät', 'trygghetsvandring'] },
  'done.noActivity': { code: 'done.noActivity', typed: 'fika', agreement: 'Medborgarlöfte 2026' },
  'done.notMilestone': { code: 'done.notMilestone', names: ['Krogtillsyn'] },
  'done.several': {
    code: 'done.several',
    typed: 'vandring',
    options: [
      { keyword: 'trygghetsvandring', name: 'Trygghetsvandring' },
      { keyword: 'skolvandring', name: 'Skolvandring' },
    ],
  },
  'done.already': { code: 'done.already', activity: 'Enkät', date: '2026-10-01', by: 'Anna Andersson' },
  'done.marked': { code: 'done.marked', activity: 'Enkät', date: '2026-11-25', agreement: 'Medborgarlöfte 2026' },
  'newAgreement.usage': { code: 'newAgreement.usage' },
  'newAgreement.title': { code: 'newAgreement.title', year: 2027 },
  'newAgreement.badYear': { code: 'newAgreement.badYear', year: 2030, thisYear: 2026 },
  'newAgreement.exists': { code: 'newAgreement.exists', year: 2026, title: 'Medborgarlöfte 2026' },
  'newAgreement.noSource': { code: 'newAgreement.noSource', fromYear: 2019, known: '2020–2026' },
  'newAgreement.idTaken': { code: 'newAgreement.idTaken', id: 'habo-2027' },
  'newAgreement.conflict': { code: 'newAgreement.conflict', year: 2027 },
  'newAgreement.created': {
    code: 'newAgreement.created',
    title: 'Medborgarlöfte 2027',
    start: '2027-01-01',
    end: '2027-12-31',
    promises: 3,
    activities: 8,
    source: 'Medborgarlöfte 2026',
    keyword: 'krogtillsyn',
  },
  'coordinators.list': { code: 'coordinators.list', area: 'Habo', coordinators: [] },
  'coordinators.usage': { code: 'coordinators.usage' },
  'coordinators.notIdentity': { code: 'coordinators.notIdentity', who: 'Anna' },
  'coordinators.changed': {
    code: 'coordinators.changed',
    who: 'anna@habo.se',
    adding: true,
    area: 'Habo',
    coordinators: ['anna@habo.se'],
  },
});
