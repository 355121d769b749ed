import {
  reminderCardTexts,
  remindersTexts,
  reminderTimeTexts,
  responsibleTexts,
} from '../../src/views/reminderTexts.js';
import { rendersEveryCode } from '../support/catalogue.js';

const schedule = { weekday: 1, time: '09:00' } as const;

rendersEveryCode('reminder card', reminderCardTexts, {
  'reminder.unreadableCard': { code: 'reminder.unreadableCard' },
  'tertialNotice.unreadableCard': { code: 'tertialNotice.unreadableCard' },
});

rendersEveryCode('reminder time', reminderTimeTexts, {
  'reminderTime.shown': { code: 'reminderTime.shown', schedule, isDefault: true },
  'reminderTime.set': { code: 'reminderTime.set', schedule, next: new Date('2026-11-30T08:00:00Z') },
  'reminderTime.unchanged': { code: 'reminderTime.unchanged', schedule },
  'reminderTime.usage': { code: 'reminderTime.usage', word: 'snart' },
  'reminderTime.weekend': { code: 'reminderTime.weekend' },
  'reminderTime.badTime': { code: 'reminderTime.badTime', word: '25:00' },
});

rendersEveryCode('responsible', responsibleTexts, {
  'responsible.list': { code: 'responsible.list', activity: 'Krogtillsyn', names: [] },
  'responsible.overview': {
    code: 'responsible.overview',
    rows: [{ activity: 'Krogtillsyn', names: ['Anna Andersson'] }],
  },
  'responsible.added': {
    code: 'responsible.added',
    activity: 'Krogtillsyn',
    added: ['Anna Andersson'],
    already: ['Berit Berg'],
    names: ['Anna Andersson', 'Berit Berg'],
  },
  'responsible.removed': {
    code: 'responsible.removed',
    activity: 'Krogtillsyn',
    removed: ['Anna Andersson'],
    names: [],
  },
  'responsible.notResponsible': { code: 'responsible.notResponsible', activity: 'Krogtillsyn', who: ['Cecilia'] },
  'responsible.noActivity': { code: 'responsible.noActivity', typed: 'fika', title: 'Medborgarlöfte 2026' },
  'responsible.severalActivities': {
    code: 'responsible.severalActivities',
    typed: 'tillsyn',
    names: ['Krogtillsyn', 'Tobakstillsyn'],
  },
  'responsible.noPeople': { code: 'responsible.noPeople' },
  'responsible.namesWithoutMention': { code: 'responsible.namesWithoutMention', words: 'Berit' },
  'responsible.noAgreement': { code: 'responsible.noAgreement' },
});

rendersEveryCode('reminders', remindersTexts, {
  'reminders.mine': {
    code: 'reminders.mine',
    activities: ['Krogtillsyn'],
    off: false,
    pausedUntil: '2026-12-21',
    next: new Date('2026-12-21T08:00:00Z'),
    behind: ['Krogtillsyn'],
  },
  'reminders.off': { code: 'reminders.off' },
  'reminders.alreadyOff': { code: 'reminders.alreadyOff' },
  'reminders.on': { code: 'reminders.on' },
  'reminders.alreadyOn': { code: 'reminders.alreadyOn' },
  'reminders.paused': { code: 'reminders.paused', until: '2026-12-21' },
  'reminders.usage': { code: 'reminders.usage' },
});
