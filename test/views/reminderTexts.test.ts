import { reminderCardTexts } from '../../src/views/reminderTexts.js';
import { rendersEveryCode } from '../support/catalogue.js';

rendersEveryCode('reminder card', reminderCardTexts, {
  'reminder.unreadableCard': { code: 'reminder.unreadableCard' },
  'tertialNotice.unreadableCard': { code: 'tertialNotice.unreadableCard' },
});
