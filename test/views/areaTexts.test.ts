import { rendersEveryCode } from '../support/catalogue.js';
import { areaTexts } from '../../src/views/areaTexts.js';

rendersEveryCode('area', areaTexts, {
  'area.notOpen': { code: 'area.notOpen' },
  'area.askIntro': { code: 'area.askIntro', kind: 'channel', pending: true },
  'area.askFooter': { code: 'area.askFooter', group: true },
  'area.askFallback': { code: 'area.askFallback', names: ['Habo', 'Mullsjö'], more: 3 },
  'area.chooseButton': { code: 'area.chooseButton', name: 'Habo' },
  'area.notCoordinator': { code: 'area.notCoordinator', area: 'Habo', kind: 'groupChat', coordinators: [] },
  'area.alreadyBound': { code: 'area.alreadyBound', area: 'Habo' },
  'area.bound': { code: 'area.bound', team: false, kind: 'personal', area: 'Habo', policeArea: 'LPO Jönköping' },
  'area.unreadableCard': { code: 'area.unreadableCard' },
  'area.notAllowed': { code: 'area.notAllowed' },
  'area.writeAgain': { code: 'area.writeAgain' },
  'area.shown': {
    code: 'area.shown',
    area: 'Habo',
    policeArea: 'LPO Jönköping',
    via: 'conversation',
    kind: 'channel',
    others: ['Mullsjö'],
  },
  'area.onlyOne': { code: 'area.onlyOne', area: 'Habo' },
  'area.notFoundOnlyOne': { code: 'area.notFoundOnlyOne', typed: 'Hab', area: 'Habo' },
  'area.notFound': { code: 'area.notFound', typed: 'Vetlanda', others: ['Habo', 'Mullsjö'] },
  'area.several': {
    code: 'area.several',
    typed: 'ha',
    areas: [
      { name: 'Habo', id: 'habo' },
      { name: 'Hallsberg', id: 'hallsberg' },
    ],
  },
});
