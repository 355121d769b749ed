import { rendersEveryCode } from '../support/catalogue.js';
import { welcomeTexts } from '../../src/views/welcomeTexts.js';

rendersEveryCode('welcome', welcomeTexts, {
  'welcome.title': { code: 'welcome.title' },
  'welcome.intro': { code: 'welcome.intro', kind: 'channel' },
  'welcome.logToday': { code: 'welcome.logToday' },
  'welcome.logWithDetails': { code: 'welcome.logWithDetails' },
  'welcome.statusExample': { code: 'welcome.statusExample' },
  'welcome.helpExample': { code: 'welcome.helpExample' },
  'welcome.subscribe': { code: 'welcome.subscribe', kind: 'personal' },
  'welcome.subscribeTitle': { code: 'welcome.subscribeTitle' },
  'welcome.fallback': { code: 'welcome.fallback', kind: 'groupChat' },
});
