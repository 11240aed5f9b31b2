// Puts cache entries built ahead into a cssinjs cache (components/prebuilt-style-cache.ts), each
// held once from here: a component's CSS variables then stay when its last instance unmounts.
interface StyleCache {
  opUpdate(key: string, update: (prev: unknown) => unknown): void;
}

export function fillStyleCache<C extends StyleCache>(cache: C, entries: [string, unknown][]): C {
  for (const [key, value] of entries) cache.opUpdate(key, () => [1, value]);
  return cache;
}
