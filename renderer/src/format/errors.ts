// ApiError → a readable, translated sentence.
import type { TFunction } from 'i18next';
import { CHINESE_HEADERS } from '@shared/customer-fields';
import { ApiError } from '../api/client';
import { currentLang } from '../i18n';
import { recogniseMessage } from './server-messages';
import { isServerMessageKey, renderServerMessage } from '@shared/messages/server-messages';

/** The server's own sentence in the user's language, when the error carries a message key. */
export function serverKeyText(e: unknown): string | null {
  if (e instanceof ApiError && isServerMessageKey(e.key)) return renderServerMessage(currentLang(), e.key, e.values);
  return null;
}

/** Label of a field path like "contacts.0.name", "profile.legal_rep", "credit_limit". */
export function fieldLabel(t: TFunction, field: string): string {
  const segs = field.split('.').filter((s) => !/^\d+$/.test(s) && s !== 'profile');
  const key = segs[segs.length - 1] ?? field;
  const found = t(`field.${key}`, { defaultValue: '' });
  if (found) return found;
  const camel = key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
  const found2 = t(`field.${camel}`, { defaultValue: '' });
  if (found2) return found2;
  const snake = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const found3 = t(`field.${snake}`, { defaultValue: '' });
  if (found3) return found3;
  return currentLang() === 'zh-CN' && CHINESE_HEADERS[key] ? CHINESE_HEADERS[key] : key;
}

/** A validation message key (validation.*) or a plain server sentence; `values` fill a key that names something. */
export function issueText(t: TFunction, message: string, values?: Record<string, string | number>): string {
  const known = recogniseMessage(message);
  if (known) return t(known.key, { ...known.values, ...values, defaultValue: message });
  return message;
}

export function errorText(t: TFunction, e: unknown): string {
  if (e instanceof ApiError) {
    const title = t(`errors.${e.code}`, { defaultValue: e.code });
    const keyed = serverKeyText(e);
    if (keyed) return `${title}：${keyed}`;
    if (e.code === 'VALIDATION' && e.rows?.length && e.rows.every((r) => r.row === 0)) {
      return `${title}：${e.rows.map((r) => `${fieldLabel(t, r.field)} ${issueText(t, r.message, r.values)}`).join('；')}`;
    }
    return `${title}：${e.message}`;
  }
  if (e instanceof TypeError) return t('errors.network');
  return e instanceof Error ? e.message : String(e);
}
