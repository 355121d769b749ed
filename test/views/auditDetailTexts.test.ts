import { rendersEveryCode } from '../support/catalogue.js';
import { auditDetailTexts } from '../../src/views/auditDetailTexts.js';

rendersEveryCode('audit detail', auditDetailTexts, {
  'auditDetail.resumedAfterPause': { code: 'auditDetail.resumedAfterPause', block: 'botDisabled', week: '2026-W48' },
  'auditDetail.notesRetention': { code: 'auditDetail.notesRetention', months: 36 },
  'auditDetail.copiedFrom': { code: 'auditDetail.copiedFrom', agreementId: 'habo-2025' },
});
