// antd theme + locale following the interface language; the bundled Noto Sans SC font first,
// so Chinese never depends on the PC's fonts.
import { StyleProvider } from '@ant-design/cssinjs';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useLang } from '../hooks/useLang';
import { APP_THEME } from '../theme';
import { prebuiltStyleCache } from './prebuilt-style-cache';

const styleCache = prebuiltStyleCache();

export function AppProviders({ children }: { children: ReactNode }) {
  const [lang] = useLang();
  return (
    <StyleProvider cache={styleCache}>
      <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={APP_THEME}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </StyleProvider>
  );
}
