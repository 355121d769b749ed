// Issue 25: every code of the /rensa-anteckning catalogue renders.
import { rendersEveryCode } from '../support/catalogue.js';
import { clearNoteTexts } from '../../src/views/clearNoteTexts.js';

rendersEveryCode('clear note', clearNoteTexts, {
  'clearNote.usage': { code: 'clearNote.usage' },
  'clearNote.noAgreement': { code: 'clearNote.noAgreement', day: '14 mars 2019' },
  'clearNote.noActivity': { code: 'clearNote.noActivity', typed: 'xyz', title: 'Medborgarlöfte 2020' },
  'clearNote.noNotes': { code: 'clearNote.noNotes', activity: 'Gemensam krogtillsyn', day: '14 mars 2020' },
  'clearNote.which': {
    code: 'clearNote.which',
    count: 2,
    activity: 'Gemensam krogtillsyn',
    day: '14 mars 2020',
    keyword: 'krogtillsyn',
    date: '2020-03-14',
    list: '1. Anna Lind, 1 st: "lugnt"\n2. Lars Berg, 2 st: "stökigt"',
  },
  'clearNote.alreadyCleared': { code: 'clearNote.alreadyCleared' },
  'clearNote.cleared': {
    code: 'clearNote.cleared',
    activity: 'Gemensam krogtillsyn',
    day: '14 mars 2020',
    by: 'Anna Lind',
    count: 1,
  },
});
