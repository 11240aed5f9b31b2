// Pinyin search keys: typing `hsmy` (initials) or `huasheng` (full pinyin) finds 华盛贸易.
// The key is computed once when a customer is saved and matched with a plain substring test.
import type { pinyin as PinyinFn } from 'pinyin-pro';
import { lazyRequire } from '../lib/lazy-require';

// its dictionaries loaded when a customer is first saved or imported, not when the app starts
const pinyinPro = lazyRequire<{ pinyin: typeof PinyinFn }>('pinyin-pro');

/** Lower-case, toneless full pinyin without spaces, e.g. 华盛贸易 → huashengmaoyi. */
export function fullPinyin(text: string): string {
  return pinyinPro()
    .pinyin(text, { toneType: 'none', separator: '', nonZh: 'consecutive', v: true })
    .toLowerCase()
    .replace(/\s+/g, '');
}

/** Initials, e.g. 华盛贸易 → hsmy. Non-Chinese characters are kept as they are. */
export function pinyinInitials(text: string): string {
  return pinyinPro()
    .pinyin(text, { pattern: 'first', toneType: 'none', separator: '', nonZh: 'consecutive', v: true })
    .toLowerCase()
    .replace(/\s+/g, '');
}

/**
 * The text a customer is found by: code, name, phones, initials and full pinyin of the name
 * (`namePinyin`: fullPinyin(name) when the caller has it already; pinyin is most of an import's cost).
 */
export function buildSearchText(parts: {
  code: string;
  name: string;
  phones?: (string | null | undefined)[];
  namePinyin?: string;
}): string {
  const phones = (parts.phones ?? []).filter(Boolean).map((p) => String(p).replace(/[\s-]/g, ''));
  const full = parts.namePinyin ?? fullPinyin(parts.name);
  return [parts.code, parts.name, ...phones, pinyinInitials(parts.name), full].join('|').toLowerCase();
}

/** Normalises what the user typed so it matches the stored search text. */
export function normaliseQuery(q: string): string {
  return q.trim().toLowerCase().replace(/[\s-]/g, '');
}
