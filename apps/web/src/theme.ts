import type { ThemeConfig } from 'antd';

/**
 * Each palette's shade 7 (a preset tag's text), darkened where it is under 4.5:1 on shade 1. antd
 * names these tokens twice (orange7 and orange-7, the latter for its CSS variables): both are set.
 */
const DARKER: Record<string, string> = {
  volcano: '#ad2102',
  orange: '#ad4e00',
  gold: '#874d00',
  yellow: '#876800',
  lime: '#3f6600',
  green: '#237804',
  cyan: '#006d75',
};
const TAG_TEXT = Object.fromEntries(
  Object.entries(DARKER).flatMap(([name, hex]) => [
    [`${name}7`, hex],
    [`${name}-7`, hex],
  ]),
) as ThemeConfig['token'];

/**
 * Colours chosen for contrast (WCAG AA, 4.5:1 for text): antd's preset tag colours write their text
 * in shade 7, which on shade 1 is as low as 2:1 for gold and yellow; here each reads in the first
 * shade of its palette that reaches 4.5:1. Secondary text is darker than antd's 45 % black (3.4:1).
 * The primary colour (buttons, links, focus) is blue, so focus is never mistaken for the error red.
 */
export const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    // antd derives the hover from the primary's palette (#2e7ae6: 4.2:1 under white text, and a
    // link's hover #579df2 is 2.8:1 on white); one lighter blue that keeps 5.2:1 serves all three.
    // The pressed shade antd derives (#003eb3) is 9.0:1.
    colorPrimaryHover: '#1a66df',
    colorPrimaryTextHover: '#1a66df',
    colorLink: '#0958d9',
    colorLinkHover: '#1a66df',
    colorError: '#cf1322',
    colorWarning: '#d48806',
    colorSuccess: '#389e0d',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    borderRadius: 4,
    ...TAG_TEXT,
  },
  components: {
    // A ticked row under the pointer: antd's #add8ff leaves its links at 4.1:1; this is 5.2:1.
    Table: { rowSelectedHoverBg: '#dcefff' },
  },
};

/** Text colours for a yellow or red card outside a tag, readable on white and on the row's tint. */
export const FLAG_TEXT = { red: '#cf1322', yellow: '#874d00' } as const;
/** Good and bad figures. */
export const GOOD = '#237804';
export const BAD = '#cf1322';
