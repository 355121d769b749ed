import { expect } from 'chai';
import { AgreementConflictError } from '../../src/domain/agreement.js';
import { agreementConflictText, storeTexts } from '../../src/views/storeTexts.js';
import { rendersEveryCode } from '../support/catalogue.js';

rendersEveryCode('store', storeTexts, {
  'file.form': { code: 'file.form', at: 'entries.3.date', message: 'Invalid date' },
  'file.areaListedTwice': { code: 'file.areaListedTwice' },
  'file.bindingTwice': { code: 'file.bindingTwice' },
  'file.areaMissing': { code: 'file.areaMissing' },
  'file.ofOtherArea': { code: 'file.ofOtherArea', found: 'habo', expected: 'jonkoping' },
  'file.agreementInTwoAreas': { code: 'file.agreementInTwoAreas', agreementId: 'habo-2020', otherArea: 'jonkoping' },
  'file.entryTwice': { code: 'file.entryTwice', entryId: 'e1', index: 4 },
  'file.entryNumber': { code: 'file.entryNumber', index: 4, entryId: 'e5' },
  'file.entryProblem': { code: 'file.entryProblem', index: 4, problem: 'perioden överlappar m-2020' },
  'line.notJson': { code: 'line.notJson', line: 2, reason: 'Unexpected end of JSON input' },
  'line.notValidJson': { code: 'line.notValidJson', line: 2, reason: 'Unexpected end of JSON input' },
  'line.form': { code: 'line.form', line: 2, at: 'by.id', message: 'Required' },
  'line.journalForm': { code: 'line.journalForm', line: 2, at: 'entry.date', message: 'Required' },
  'line.gap': { code: 'line.gap', line: 3, seq: 7, expected: 5 },
  'line.problem': { code: 'line.problem', line: 1, problem: 'insatsen e3 finns inte' },
  'check.noStore': { code: 'check.noStore' },
  'check.unreadable': { code: 'check.unreadable', reason: 'EACCES' },
  'check.tornLine': { code: 'check.tornLine' },
  'check.manifestUnreadable': { code: 'check.manifestUnreadable', reason: 'ENOENT' },
  'check.missingInSnapshot': { code: 'check.missingInSnapshot' },
  'check.changed': { code: 'check.changed' },
  'check.notListed': { code: 'check.notListed' },
  'refused.agreementOfOtherArea': {
    code: 'refused.agreementOfOtherArea',
    agreementId: 'habo-2020',
    area: 'habo',
    expected: 'mullsjo',
  },
  'refused.agreementNotOfArea': { code: 'refused.agreementNotOfArea', area: 'habo', expected: 'mullsjo' },
  'refused.sameAgreementId': { code: 'refused.sameAgreementId' },
  'refused.overlap': { code: 'refused.overlap', first: 'habo-2020', second: 'habo-2020b' },
  'refused.periodOverlaps': { code: 'refused.periodOverlaps', other: 'habo-2020' },
  'refused.areaExists': { code: 'refused.areaExists', areaId: 'habo' },
  'refused.unknownArea': { code: 'refused.unknownArea', areaId: 'habo' },
  'refused.unknownAgreement': { code: 'refused.unknownAgreement', agreementId: 'habo-2020' },
  'refused.unknownAgreementInArea': {
    code: 'refused.unknownAgreementInArea',
    agreementId: 'habo-2020',
    areaId: 'mullsjo',
  },
  'refused.agreementBelongsTo': { code: 'refused.agreementBelongsTo', agreementId: 'habo-2020', area: 'habo' },
  'refused.agreementExists': { code: 'refused.agreementExists', agreementId: 'habo-2020' },
  'refused.periodOfOverlaps': { code: 'refused.periodOfOverlaps', agreementId: 'habo-2021', other: 'habo-2020' },
  'refused.entryExists': { code: 'refused.entryExists', entryId: 'e1' },
  'refused.entryMissing': { code: 'refused.entryMissing', entryId: 'e1' },
  'refused.entryOfOtherAgreement': {
    code: 'refused.entryOfOtherAgreement',
    entryId: 'e1',
    agreementId: 'habo-2021',
    expected: 'habo-2020',
  },
  'refused.entryUnknownActivity': {
    code: 'refused.entryUnknownActivity',
    entryId: 'e1',
    activityId: 'krog',
    agreementId: 'habo-2020',
  },
  'refused.entryOutsidePeriod': {
    code: 'refused.entryOutsidePeriod',
    entryId: 'e1',
    date: '2021-01-02',
    start: '2020-01-01',
    end: '2020-12-31',
  },
  'failed.fileUnreadable': { code: 'failed.fileUnreadable', file: '/srv/store/areas.json', reason: 'ogiltig JSON' },
  'failed.locked': { code: 'failed.locked', pid: 42, file: '/srv/store/.lock' },
  'failed.journalNotRestored': { code: 'failed.journalNotRestored', label: 'entries.journal.jsonl', reason: 'EIO' },
  'failed.readOnly': { code: 'failed.readOnly', label: 'audit.jsonl' },
  'failed.snapshot': { code: 'failed.snapshot', dir: 'backups/2020-01-01', problems: 'areas.json: saknas' },
  'failed.unreadableReference': { code: 'failed.unreadableReference', reason: 'Required (conversation)' },
  'restore.noSnapshots': { code: 'restore.noSnapshots', dir: 'data/store/backups' },
  'restore.notFound': { code: 'restore.notFound', given: 'igår', dir: 'data/store/backups' },
  'restore.snapshotFails': { code: 'restore.snapshotFails', dir: 'backups/2020-01-01' },
  'restore.resultFails': { code: 'restore.resultFails', setAside: 'data/store/ersatt-2020' },
  'record.upgraded': { code: 'record.upgraded' },
  'record.created': { code: 'record.created' },
  'record.movedFrom': { code: 'record.movedFrom', label: 'Kanalen SSG', areaId: 'habo' },
  'record.erased': { code: 'record.erased', pseudonym: 'raderad-1', total: 12 },
});

describe('the store refusals rendered from domain outcomes', () => {
  it("says an agreement conflict in the store catalogue's words", () => {
    expect(agreementConflictText(new AgreementConflictError('duplicate', 'habo-2020', 'habo-2020'))).to.equal(
      'medborgarlöftet habo-2020 finns redan',
    );
    expect(agreementConflictText(new AgreementConflictError('overlap', 'habo-2021', 'habo-2020'))).to.equal(
      'perioden överlappar habo-2020',
    );
  });
});
