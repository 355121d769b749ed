// A host config close to Teams' light theme (Segoe UI at 12/14/18/24 px, Teams' text and accent
// colours, the pale container backgrounds that colour the progress bars, 16 px padding), so the
// pictures show roughly what a Teams user sees. Teams' own renderer is the final judge.
const text = {
  default: { default: '#252424', subtle: '#bf252424' },
  dark: { default: '#252424', subtle: '#bf252424' },
  light: { default: '#ffffff', subtle: '#fff3f2f1' },
  accent: { default: '#6264a7', subtle: '#8b8cc7' },
  good: { default: '#237b4b', subtle: '#e5237b4b' },
  warning: { default: '#c19c00', subtle: '#e5c19c00' },
  attention: { default: '#c4314b', subtle: '#e5c4314b' },
};

const style = (backgroundColor: string) => ({ backgroundColor, foregroundColors: text });
const fonts = { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 };
const weights = { lighter: 200, default: 400, bolder: 600 };

export const TEAMS_LIGHT_HOST_CONFIG = {
  supportsInteractivity: true,
  choiceSetInputValueSeparator: ',',
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#EEEEEE' },
  imageSizes: { small: 32, medium: 52, large: 100 },
  fontTypes: {
    default: { fontFamily: "'Segoe UI', system-ui, 'DejaVu Sans', sans-serif", fontSizes: fonts, fontWeights: weights },
    monospace: { fontFamily: "Consolas, 'DejaVu Sans Mono', monospace", fontSizes: fonts, fontWeights: weights },
  },
  containerStyles: {
    default: style('#ffffff'),
    emphasis: style('#f5f5f5'),
    accent: style('#c7def9'),
    good: style('#c9e8c1'),
    warning: style('#fde7a9'),
    attention: style('#f9c8c8'),
  },
  actions: {
    maxActions: 6,
    spacing: 'Default',
    buttonSpacing: 8,
    showCard: { actionMode: 'Inline', inlineTopMargin: 16, style: 'emphasis' },
    actionsOrientation: 'Horizontal',
    actionAlignment: 'Left',
  },
  adaptiveCard: { allowCustomStyle: false },
  factSet: {
    title: { size: 'Default', color: 'Default', isSubtle: false, weight: 'Bolder', wrap: true, maxWidth: 150 },
    value: { size: 'Default', color: 'Default', isSubtle: false, weight: 'Default', wrap: true },
    spacing: 16,
  },
};
