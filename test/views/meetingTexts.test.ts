import { meetingTexts } from '../../src/views/meetingTexts.js';
import { rendersEveryCode } from '../support/catalogue.js';

const schedule = { weekday: 4, time: '13:00' } as const;

rendersEveryCode('meeting', meetingTexts, {
  'meeting.set': {
    code: 'meeting.set',
    activity: 'Torsdagsmöte',
    schedule,
    agendaAt: new Date('2026-11-26T11:00:00Z'),
  },
  'meeting.shown': { code: 'meeting.shown', activity: 'Torsdagsmöte', schedule },
  'meeting.none': { code: 'meeting.none' },
  'meeting.ended': { code: 'meeting.ended', activity: 'Torsdagsmöte' },
  'meeting.personal': { code: 'meeting.personal' },
  'meeting.usage': { code: 'meeting.usage', word: 'imorgon' },
  'meeting.badTime': { code: 'meeting.badTime', word: '25:00' },
  'meeting.noActivity': { code: 'meeting.noActivity', typed: 'fika' },
  'meeting.severalActivities': {
    code: 'meeting.severalActivities',
    typed: 'möte',
    names: ['SSG-möte', 'Torsdagsmöte'],
  },
  'meeting.noAgreement': { code: 'meeting.noAgreement' },
  'meeting.cannotPost': { code: 'meeting.cannotPost' },
  'meeting.notFound': { code: 'meeting.notFound' },
  'meeting.activityGone': { code: 'meeting.activityGone' },
});
