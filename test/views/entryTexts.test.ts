// Issue 25: every code of the entry catalogues renders.
import { rendersEveryCode } from '../support/catalogue.js';
import { editTexts, entryTexts } from '../../src/views/entryTexts.js';

const line = 'gemensam krogtillsyn 14 mars 2020, 1 st';

rendersEveryCode('entry', entryTexts, {
  'entry.unreadableCard': { code: 'entry.unreadableCard' },
  'entry.gone': { code: 'entry.gone' },
  'entry.notYours': { code: 'entry.notYours', by: 'Anna Lind' },
  'entry.removedCannotEdit': { code: 'entry.removedCannotEdit' },
  'entry.removedFromMine': { code: 'entry.removedFromMine', line },
  'entry.undoneNotCounted': { code: 'entry.undoneNotCounted', line },
  'mine.none': { code: 'mine.none', example: 'krogtillsyn' },
  'mine.heading': { code: 'mine.heading', total: 12 },
  'mine.older': { code: 'mine.older', count: 2 },
  'undo.already': { code: 'undo.already', line },
  'undo.nothing': { code: 'undo.nothing' },
  'undo.alreadyRemoved': { code: 'undo.alreadyRemoved' },
  'undo.done': { code: 'undo.done', line, day: '1 juni 2020', progress: '' },
  'message.editedRemoved': { code: 'message.editedRemoved', line },
  'message.editedNoLog': { code: 'message.editedNoLog', line },
  'message.edited': { code: 'message.edited', line },
  'message.otherAgreement': {
    code: 'message.otherAgreement',
    title: 'Medborgarlöfte 2021',
    entryTitle: 'Medborgarlöfte 2020',
  },
  'message.deletedAlreadyRemoved': { code: 'message.deletedAlreadyRemoved', line },
  'message.deletedNotYours': { code: 'message.deletedNotYours', line, by: '' },
  'message.restoredCounts': { code: 'message.restoredCounts', line },
  'message.restoredNotYours': { code: 'message.restoredNotYours', line, by: 'Anna Lind' },
});

rendersEveryCode('edit', editTexts, {
  'edit.removed': { code: 'edit.removed' },
  'edit.notYours': { code: 'edit.notYours', by: 'Anna Lind' },
  'edit.activityMissing': { code: 'edit.activityMissing', title: 'Medborgarlöfte 2020' },
  'edit.gone': { code: 'edit.gone' },
});
