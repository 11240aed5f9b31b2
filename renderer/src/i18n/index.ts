// i18next setup: zh-CN default, en. The chosen language is kept in localStorage (read before the
// first paint) and in the app state via `app:set-locale` (AppInfo.locale at start).
// Only the active language's catalogue is loaded at start (its own chunk, lang-<lang>-*.js); the
// other one loads when the user switches (applyLang waits for it before switching).
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang, Messages } from './types';
import { addPolishResources } from './polish';

export const LANG_KEY = 'creditdesk.lang';

export function storedLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

const CATALOGUES: Record<Lang, () => Promise<Messages>> = {
  'zh-CN': () => import('./zh-CN').then((m) => m.zhCN),
  en: () => import('./en').then((m) => m.en),
};
const loading = new Map<Lang, Promise<void>>();

/** Adds a language's main catalogue once. Its keys win over keys a page file added before it,
 * as when the catalogues were loaded first (page files add theirs without overwriting). */
export function loadLang(lang: Lang): Promise<void> {
  let p = loading.get(lang);
  if (!p) {
    p = CATALOGUES[lang]().then((messages) => {
      i18n.addResourceBundle(lang, 'translation', messages, true, true);
      addPolishResources(); // its rewordings override the catalogue (again, now that it is here)
    });
    p.catch(() => loading.delete(lang)); // a failed chunk load may be retried
    loading.set(lang, p);
  }
  return p;
}

export async function applyLang(lang: Lang): Promise<void> {
  await loadLang(lang);
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    /* storage may be unavailable; the app state still remembers it */
  }
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = lang;
  if (i18n.language !== lang) void i18n.changeLanguage(lang);
}

export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

const initial = storedLang();
dayjs.locale(initial === 'en' ? 'en' : 'zh-cn');

/** The start language's catalogue, requested as soon as this module runs; main.tsx waits for it. */
export const initialLangLoaded = loadLang(initial);

void i18n.use(initReactI18next).init({
  resources: {},
  partialBundledLanguages: true,
  lng: initial,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});
addPolishResources();

export default i18n;
