// Build step: the chunks the first screen needs beyond index.html's own module graph, written into
// index.html as data (<script type="application/json" id="boot-chunks">) for public/boot-lang.js,
// which adds a <link rel="modulepreload"> for each as soon as it runs. Without them the active
// language's catalogue and the customer list's page chunk (with its imports) were asked for only
// after the whole app bundle had been downloaded and run, then their imports one level later: a
// waterfall of round trips at the start of every cold start. Only the user's language is
// preloaded (the other one loads on switching), and the list only when the app opens on it.
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin, Rollup } from 'vite';

type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;

export interface BootChunks {
  /** the customer list page and the chunks it imports that the entry does not */
  customers: string[];
  /** each language's catalogue (and what it imports beyond the entry's graph) */
  lang: Record<'zh-CN' | 'en', string[]>;
}

/** A chunk's file and every file it imports statically, transitively. */
function closure(bundle: OutputBundle, start: OutputChunk): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const c = bundle[file];
    if (c?.type === 'chunk') c.imports.forEach(visit);
  };
  visit(start.fileName);
  return seen;
}

export function bootChunks(bundle: OutputBundle, entry: OutputChunk): BootChunks {
  const chunks = Object.values(bundle).filter((c): c is OutputChunk => c.type === 'chunk');
  const loaded = closure(bundle, entry);
  const beyondEntry = (test: RegExp): string[] => {
    const c = chunks.find((k) => k.facadeModuleId && test.test(k.facadeModuleId));
    if (!c) throw new Error(`first-screen chunks: no chunk for ${test}`);
    return [...closure(bundle, c)].filter((f) => !loaded.has(f));
  };
  return {
    customers: beyondEntry(/[\\/]pages[\\/]customers[\\/]CustomerListPage\.tsx$/),
    lang: { 'zh-CN': beyondEntry(/[\\/]i18n[\\/]zh-CN\.ts$/), en: beyondEntry(/[\\/]i18n[\\/]en\.ts$/) },
  };
}

/**
 * The start chunk's stylesheet is linked by index.html, but a page chunk that imports a chunk of its
 * own (the list's filter Select) lists it among that import's preloads: Vite would then add a second
 * <link> to it, restyling the whole page with every rule twice (and the import failed when that
 * load did, as under print emulation). Taken out of every preload list.
 */
function dropStartCssPreloads(dir: string, bundle: OutputBundle): void {
  const css = Object.keys(bundle).filter((f) => /(^|\/)start-[\w-]+\.css$/.test(f));
  for (const c of Object.values(bundle)) {
    if (c.type !== 'chunk') continue;
    const file = path.join(dir, c.fileName);
    let code = fs.readFileSync(file, 'utf8');
    for (const f of css) {
      const name = JSON.stringify(`./${f.split('/').pop()}`);
      code = code.split(`,${name}`).join('').split(`${name},`).join('');
    }
    fs.writeFileSync(file, code);
  }
}

export function firstScreenChunksPlugin(): Plugin {
  return {
    name: 'creditdesk-first-screen-chunks',
    apply: 'build',
    enforce: 'post',
    // on the written files: Vite fills in the preload lists after the plugins' bundle hooks
    writeBundle: (options, bundle) => dropStartCssPreloads(options.dir!, bundle),
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle || !ctx.chunk) return html;
        const data = JSON.stringify(bootChunks(ctx.bundle, ctx.chunk));
        const tag = `<script type="application/json" id="boot-chunks">${data}</script>`;
        // before the boot scripts, so that the element is parsed when they run
        const at = html.indexOf('<script async src="./boot-lang.js"></script>');
        if (at < 0) throw new Error('first-screen chunks: index.html has no boot-lang.js script');
        return `${html.slice(0, at)}${tag}\n    ${html.slice(at)}`;
      },
    },
  };
}
