// A package loaded on first use, synchronously. Why not a static import: esbuild bundles main
// (and the report worker) into one file whose package imports all run when it loads, wherever
// they sit in the module graph, even behind a dynamic import() of the project's own code, so
// every process paid for pinyin-pro, ics, papaparse and the like before it did anything.
// A dynamic import('pkg') stays lazy too, but makes the caller async; these callers are not.
import { createRequire } from 'node:module';

export function lazyRequire<T>(name: string): () => T {
  let mod: T | null = null;
  return () => (mod ??= createRequire(import.meta.url)(name) as T);
}
