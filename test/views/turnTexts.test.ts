// Issue 25: every code of the turn catalogue renders.
import { rendersEveryCode } from '../support/catalogue.js';
import { turnTexts } from '../../src/views/turnTexts.js';

rendersEveryCode('turn', turnTexts, {
  'turn.empty': { code: 'turn.empty', example: 'krogtillsyn' },
  'turn.implicitLog': { code: 'turn.implicitLog', typed: 'fotpatrullering igår' },
  'turn.unknownSuggest': { code: 'turn.unknownSuggest', shown: '/statsu', suggestion: 'status' },
  'turn.unknown': { code: 'turn.unknown', shown: 'blabla', example: 'krogtillsyn' },
  'turn.failedReadOnly': { code: 'turn.failedReadOnly' },
  'turn.failed': { code: 'turn.failed' },
});
