// antd theme + locale following the interface language; the bundled Noto Sans SC font first,
// so Chinese never depends on the PC's fonts.
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useLang } from '../hooks/useLang';

export const FONT_FAMILY =
  "'Noto Sans SC', -apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

export function AppProviders({ children }: { children: ReactNode }) {
  const [lang] = useLang();
  return (
    <ConfigProvider
      locale={lang === 'en' ? enUS : zhCN}
      theme={{
        token: { fontFamily: FONT_FAMILY, colorPrimary: '#1f5fbf', borderRadius: 4, fontWeightStrong: 700 },
        components: { Layout: { headerBg: '#ffffff', siderBg: '#0f2440', headerPadding: '0 20px', headerHeight: 56 } },
      }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
