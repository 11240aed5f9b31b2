// The app's antd theme, one object for the running app (components/AppProviders.tsx) and for the
// build step that pre-renders antd's styles with it (renderer/build/antd-static-styles.ts): the
// pre-rendered styles are only used when both hash the very same theme.
import type { ThemeConfig } from 'antd';

export const FONT_FAMILY =
  "'Noto Sans SC', -apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

export const APP_THEME: ThemeConfig = {
  // a fixed key (else React's useId, which differs between the build's server render and the
  // browser): the CSS-variable cache entries built ahead are found under it
  cssVar: { key: 'css-var-app' },
  token: { fontFamily: FONT_FAMILY, colorPrimary: '#1f5fbf', borderRadius: 4, fontWeightStrong: 700 },
  components: { Layout: { headerBg: '#ffffff', siderBg: '#0f2440', headerPadding: '0 20px', headerHeight: 56 } },
};
