// Renderer build: root is renderer/, output dist/renderer. base './' so the same build loads
// under file:// (Electron) and from http://127.0.0.1 (browser mode).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { antdStaticStylesPlugin } from './build/antd-static-styles';
import { firstScreenChunksPlugin } from './build/first-screen-chunks';

const here = path.dirname(fileURLToPath(import.meta.url));

// The statement preview (an iframe inside the app) uses the same bundled CJK font as the
// printed PDF; the app serves a copy of its woff2 files at fonts/noto-sans-sc/ (main/print/fonts.ts).
function copyPrintFont(): Plugin {
  const from = path.resolve(here, '../node_modules/@fontsource/noto-sans-sc/files');
  return {
    name: 'creditdesk-copy-print-font',
    apply: 'build',
    writeBundle(options) {
      const to = path.join(options.dir!, 'fonts/noto-sans-sc');
      fs.mkdirSync(to, { recursive: true });
      for (const f of fs.readdirSync(from))
        if (/-(400|700)-normal\.woff2$/.test(f)) fs.copyFileSync(path.join(from, f), path.join(to, f));
    },
  };
}

// The boot shell in index.html paints before anything loads: the app's stylesheet (200 KB, the
// font faces) moves from <head>, where it would hold the first paint, to the end of <body>.
function stylesheetAfterShell(): Plugin {
  return {
    name: 'creditdesk-stylesheet-after-shell',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const links: string[] = [];
        const rest = html.replace(/\s*<link rel="stylesheet"[^>]*>/g, (m) => {
          links.push(m.trim());
          return '';
        });
        return rest.replace('</body>', `  ${links.join('\n    ')}\n  </body>`);
      },
    },
  };
}

export default defineConfig({
  root: here,
  base: './',
  plugins: [
    react(),
    copyPrintFont(),
    stylesheetAfterShell(),
    antdStaticStylesPlugin(path.join(here, 'src')),
    firstScreenChunksPlugin(),
  ],
  // `@shared/…` is the project's shared/ folder (tsconfig.json paths, vitest.config.ts say the same)
  resolve: { alias: { '@shared': path.resolve(here, '../shared') } },
  build: {
    outDir: path.resolve(here, '../dist/renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    // No inline scripts or module preload polyfill: the CSP is script-src 'self'.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // Everything the entry imports statically (React, antd's core, the shell) in one chunk:
        // split by sharing it was ~45 files, most under 10 kB, that the browser fetched six at a
        // time at every cold start. Pages and catalogues still load on demand.
        codeSplitting: { groups: [{ name: 'start', tags: ['$initial'] }] },
        // the main message catalogues load one at a time (i18n/index.ts); a plain name lets tests
        // and the request log tell them apart
        chunkFileNames: (chunk) =>
          chunk.facadeModuleId && /[\\/]i18n[\\/](en|zh-CN)\.ts$/.test(chunk.facadeModuleId)
            ? `assets/lang-${chunk.name}-[hash].js`
            : 'assets/[name]-[hash].js',
      },
    },
  },
  server: { port: 5173, strictPort: false },
});
