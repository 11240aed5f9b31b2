// The interface language: i18next + localStorage + dayjs + the app state (app:set-locale).
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { applyLang } from '../i18n';
import type { Lang } from '../i18n/types';

export function useLang(): [Lang, (lang: Lang) => void] {
  const { i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const setLang = useCallback((next: Lang) => {
    void applyLang(next);
    call('app:set-locale', { locale: next }).catch(() => undefined); // remembered best-effort
  }, []);
  return [lang, setLang];
}
