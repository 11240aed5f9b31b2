import { Segmented } from 'antd';
import { useLang } from '../hooks/useLang';
import type { Lang } from '../i18n/types';

export function LanguageSwitch() {
  const [lang, setLang] = useLang();
  return (
    <Segmented<Lang>
      size="small"
      value={lang}
      onChange={(v) => setLang(v)}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'EN', value: 'en' },
      ]}
      data-testid="lang-switch"
    />
  );
}
