// Build step: V8's explicit compile hint on the first screen's chunks. Most of the start chunk's
// functions run before the customer list is on screen, and V8 compiles each one lazily, on the
// main thread, the first time it is called (about a sixth of the page's main-thread CPU up to
// interactive). With `//# allFunctionsCalledOnLoad` as the file's first line, Chromium compiles them
// all eagerly while it streams the file in, on a background thread.
// https://v8.dev/blog/explicit-compile-hints
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin, Rollup } from 'vite';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/** The chunks that get the hint: the start chunk and the customer list page's own chunk. */
export function wantsCompileHint(chunk: Rollup.OutputChunk): boolean {
  return (
    chunk.name === 'start' ||
    (!!chunk.facadeModuleId && /[\\/]pages[\\/]customers[\\/]CustomerListPage\.tsx$/.test(chunk.facadeModuleId))
  );
}

export function compileHintsPlugin(): Plugin {
  return {
    name: 'creditdesk-compile-hints',
    apply: 'build',
    enforce: 'post',
    // on the written file: Vite puts its preload list (`const __vite__mapDeps=…`) in front of the
    // code after the plugins' bundle hooks, and the hint must come before any function
    writeBundle(options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !wantsCompileHint(chunk)) continue;
        const file = path.join(options.dir!, chunk.fileName);
        fs.writeFileSync(file, `${COMPILE_HINT}\n${fs.readFileSync(file, 'utf8')}`);
      }
    },
  };
}
