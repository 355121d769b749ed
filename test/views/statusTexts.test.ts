import type { ActivityStatus } from '../../src/domain/status.js';
import { statusTexts } from '../../src/views/statusTexts.js';
import { rendersEveryCode } from '../support/catalogue.js';

const krogtillsyn = {
  name: 'Krogtillsyn',
  text: 'Tillsyn av krogar tillsammans med kommunen.',
} as ActivityStatus['activity'];
const behind: ActivityStatus = {
  activity: krogtillsyn,
  status: 'behind',
  progress: { kind: 'count', done: 3, target: 10, unit: 'tillfällen' },
  total: 3,
  occasionCount: 3,
  lastEntryDate: '2026-11-02',
};

rendersEveryCode('status', statusTexts, {
  'status.noActivity': { code: 'status.noActivity', typed: 'fika', agreement: 'Medborgarlöfte 2026' },
  'status.activities': { code: 'status.activities', agreement: 'Medborgarlöfte 2026', statuses: [behind] },
  'status.pastAgreement': { code: 'status.pastAgreement', hint: 'Skriv /nytt-medborgarlöfte 2027 från 2026.' },
});
