// The bundled CJK webfont (@fontsource/noto-sans-sc) as @font-face rules with absolute file://
// URLs, so printed statements never depend on the fonts installed on the PC. Without a CJK
// font Chromium prints empty boxes and raises no error (tests read the PDF text back).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { APP_ROOT } from '../app/paths';

let dirCache: string | null = null;

export function fontDir(): string {
  if (dirCache) return dirCache;
  const candidates = [path.join(APP_ROOT, 'node_modules', '@fontsource', 'noto-sans-sc')];
  try {
    candidates.push(path.dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/400.css')));
  } catch {
    /* not resolvable from here */
  }
  const found = candidates.find((d) => fs.existsSync(path.join(d, '400.css')));
  if (!found) throw new Error('the bundled CJK font @fontsource/noto-sans-sc is missing (node_modules)');
  dirCache = found;
  return found;
}

/** Where the renderer build keeps a copy of the font files (renderer/vite.config.ts copies them). */
export const APP_FONT_PATH = 'fonts/noto-sans-sc';

const cached = new Map<string, string>();

/**
 * @font-face rules for 'Noto Sans SC' 400 and 700 (unicode-range subsets, loaded on demand).
 * 'file': absolute file:// URLs (PDF printing and saved HTML). 'app': URLs relative to the app's
 * own origin, for the in-app preview iframe (same fonts as the PDF, allowed by font-src 'self').
 */
export function fontFaceCss(where: 'file' | 'app' = 'file'): string {
  const hit = cached.get(where);
  if (hit) return hit;
  const dir = fontDir();
  const base = where === 'file' ? pathToFileURL(path.join(dir, 'files')).href : APP_FONT_PATH;
  const css = ['400', '700']
    .map((w) => fs.readFileSync(path.join(dir, `${w}.css`), 'utf8'))
    .join('\n')
    // woff2 only: every Chromium reads it, and the app copy holds no .woff files
    .replace(/,\s*url\(\.\/files\/[^)]+\.woff\) format\('woff'\)/g, '')
    .replace(/url\(\.\/files\/([^)]+)\)/g, (_m, f: string) => `url(${base}/${f})`)
    .replace(/font-display:\s*swap;/g, 'font-display: block;');
  cached.set(where, css);
  return css;
}

export const FONT_STACK = `'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif`;
