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
 * fullPinyin(text) and pinyinInitials(text) from one conversion: the word segmentation (which
 * reads polyphones in context) is most of the cost, and both keys come from the same segments.
 * The array holds, in order, one syllable string per Chinese character and each run of other
 * characters unchanged (nonZh 'consecutive'); a run is told apart by standing in the text as it
 * is. The syllables come with their tone marks, taken off here once per distinct syllable (the
 * library does it with nine regular expressions per character); an initial is the first letter
 * of each space-separated syllable, as pattern 'first' takes it.
 */
export function pinyinKeys(text: string): { full: string; initials: string } {
  const items = pinyinPro().pinyin(text, { type: 'array', toneType: 'symbol', nonZh: 'consecutive' });
  let full = '';
  let initials = '';
  let at = 0;
  for (const item of items) {
    if (item !== '' && text.startsWith(item, at)) {
      full += item; // not Chinese: kept as it is
      initials += item;
      at += item.length;
      continue;
    }
    const plain = tonelessV(item);
    full += plain;
    initials += plain.includes(' ')
      ? plain
          .split(' ')
          .map((syllable) => syllable[0] ?? '')
          .join(' ')
      : (plain[0] ?? '');
    at += isSurrogatePair(text, at) ? 2 : 1; // one character (pinyin-pro reads a pair as one)
  }
  return { full: full.toLowerCase().replace(/\s+/g, ''), initials: initials.toLowerCase().replace(/\s+/g, '') };
}

const tonelessCache = new Map<string, string>();

/** toneType 'none' and v: true of pinyin-pro 3.29 (getPinyinWithoutTone, middlewareV), per syllable. */
function tonelessV(syllable: string): string {
  let plain = tonelessCache.get(syllable);
  if (plain === undefined) {
    plain = syllable
      .replace(/(ā|á|ǎ|à)/g, 'a')
      .replace(/(ō|ó|ǒ|ò)/g, 'o')
      .replace(/(ē|é|ě|è)/g, 'e')
      .replace(/(ī|í|ǐ|ì)/g, 'i')
      .replace(/(ū|ú|ǔ|ù)/g, 'u')
      .replace(/(ǖ|ǘ|ǚ|ǜ)/g, 'ü')
      .replace(/(n̄|ń|ň|ǹ)/g, 'n')
      .replace(/(m̄|ḿ|m̌|m̀)/g, 'm')
      .replace(/(ê̄|ế|ê̌|ề)/g, 'ê')
      .replace(/ü/g, 'v');
    tonelessCache.set(syllable, plain);
  }
  return plain;
}

function isSurrogatePair(text: string, at: number): boolean {
  const hi = text.charCodeAt(at);
  const lo = text.charCodeAt(at + 1);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
}

/**
 * The text a customer is found by: code, name, phones, initials and full pinyin of the name
 * (`namePinyin`, `nameInitials`: fullPinyin(name) and pinyinInitials(name) when the caller has them
 * already, from pinyinKeys; pinyin is most of an import's cost).
 */
export function buildSearchText(parts: {
  code: string;
  name: string;
  phones?: (string | null | undefined)[];
  namePinyin?: string;
  nameInitials?: string;
}): string {
  const phones = (parts.phones ?? []).filter(Boolean).map((p) => String(p).replace(/[\s-]/g, ''));
  const full = parts.namePinyin ?? fullPinyin(parts.name);
  const initials = parts.nameInitials ?? pinyinInitials(parts.name);
  return [parts.code, parts.name, ...phones, initials, full].join('|').toLowerCase();
}

/** Normalises what the user typed so it matches the stored search text. */
export function normaliseQuery(q: string): string {
  return q.trim().toLowerCase().replace(/[\s-]/g, '');
}
