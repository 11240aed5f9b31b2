// A screen of customer rows asks i18next for the same few labels (kind, nature, lifecycle,
// confidentiality) hundreds of times; each call parses the key and walks the catalogue. This t
// translates each key once per t (react-i18next gives a new t when the language changes). A call
// with options (count, values) is not cached: it goes to t as it is.
import type { TFunction } from 'i18next';

export function cachedT(t: TFunction): TFunction {
  const seen = new Map<string, string>();
  const cached = (key: string, options?: unknown) => {
    if (options !== undefined) return (t as (k: string, o: unknown) => string)(key, options);
    let text = seen.get(key);
    if (text === undefined) {
      text = t(key);
      seen.set(key, text);
    }
    return text;
  };
  return cached as unknown as TFunction;
}
