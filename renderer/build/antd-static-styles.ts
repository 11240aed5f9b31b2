// Build step: antd's CSS-in-JS styles for the app's theme, rendered once at build time instead of
// at every cold start (stylis parsing, hashing and <style> injection were about a quarter of the
// first screen's script time). Every antd component the renderer imports is server-rendered
// under the app's theme, and @ant-design/cssinjs's extractStyle writes their CSS plus its
// cache-path map; at run time antd finds a style's path in that map and neither generates nor
// injects it. A style not in the map (another theme, a part not rendered here) is generated at
// run time as before, so a gap costs time, never looks.
import fs from 'node:fs';
import path from 'node:path';
import { createCache, extractStyle, StyleProvider } from '@ant-design/cssinjs';
import * as antd from 'antd';
import { createElement as h, Fragment, type ComponentType, type ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import type { Plugin } from 'vite';
import { APP_THEME } from '../src/theme';

type AnyComponent = ComponentType<Record<string, unknown>>;

// Components with style parts of their own only with a child, a colour or when open.
const SPECIAL: Record<string, (C: AnyComponent) => ReactNode> = {
  // a preset colour and a status colour: each has a style part of its own
  Tag: (C) => h(Fragment, null, h(C, { color: 'blue' }, 'x'), h(C, { color: 'success' }, 'x')),
  Dropdown: (C) => h(C, { menu: { items: [{ key: 'a', label: 'a' }] }, open: true }, h('span', null, 'x')),
  Tooltip: (C) => h(C, { title: 'x', open: true }, h('span', null, 'x')),
  Popover: (C) => h(C, { title: 'x', content: 'x', open: true }, h('span', null, 'x')),
  Modal: (C) => h(C, { open: true }, 'x'),
  Drawer: (C) => h(C, { open: true }, 'x'),
};

/** antd component names imported anywhere under `dir` (`import { Button, Table } from 'antd'`, or a
 *  component's style hook alone). */
export function antdImports(dir: string): string[] {
  const names = new Set<string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name)) {
        const text = fs.readFileSync(p, 'utf8');
        for (const m of text.matchAll(/import\s*\{([^}]+)\}\s*from\s*'antd'/g))
          for (const part of m[1].split(',')) if (!/^\s*type\s/.test(part)) names.add(part.trim().split(/\s+as\s+/)[0]);
        // a light stand-in registering a component's styles itself (`import useMenuStyle from
        // 'antd/es/menu/style'`, components/ShellMenu.tsx) needs that component's styles too
        for (const m of text.matchAll(/from\s*'antd\/es\/([a-z]+)\/style'/g))
          names.add(m[1][0].toUpperCase() + m[1].slice(1));
      }
    }
  };
  walk(dir);
  return [...names].filter((n) => /^[A-Z]/.test(n) && n !== 'ConfigProvider').sort();
}

let rendered: { names: string; cache: ReturnType<typeof createCache> } | undefined;

/** cssinjs's cache after rendering the named antd components and their parts under the app's theme
 *  (once per build: the stylesheet and the token cache come from the same renders). */
function renderedCache(names: string[]): ReturnType<typeof createCache> {
  if (rendered?.names === names.join()) return rendered.cache;
  const cache = createCache();
  const render = (node: ReactNode) => {
    // antd's deprecation and "no portal on the server" warnings say nothing about the styles
    const { warn, error } = console;
    console.warn = console.error = () => {};
    try {
      renderToString(h(StyleProvider, { cache }, h(antd.ConfigProvider, { theme: APP_THEME }, node)));
    } catch {
      // a part that cannot render without props: its style is made at run time
    } finally {
      Object.assign(console, { warn, error });
    }
  };
  for (const name of names) {
    const C = (antd as unknown as Record<string, AnyComponent | undefined>)[name];
    if (!C || (typeof C !== 'function' && typeof C !== 'object')) continue;
    render(h(C, {}));
    if (SPECIAL[name]) render(SPECIAL[name](C));
    // the parts with styles of their own: Input.TextArea, DatePicker.RangePicker, Typography.Text…
    for (const [part, P] of Object.entries(C))
      if (/^[A-Z][a-z]/.test(part) && (typeof P === 'function' || (typeof P === 'object' && P && '$$typeof' in P)))
        render(h(P as AnyComponent, {}));
  }
  // a part rendered outside its parent (Form.ErrorList) styles an empty class: leave it to run time
  for (const key of [...cache.cache.keys()]) if (key.split('%').slice(2).includes('')) cache.cache.delete(key);
  rendered = { names: names.join(), cache };
  return cache;
}

/** The CSS (with cssinjs's cache-path map) of the named antd components and their parts. */
export function antdStaticStyles(names: string[]): string {
  return extractStyle(renderedCache(names), { plain: true, types: ['style'] });
}

/**
 * The theme's derived tokens and each component's CSS variables, as cssinjs caches them
 * ([cache key, value]): what antd otherwise works out at every start (the theme's derivation,
 * each component's tokens, their CSS text and hashes). Keys hold the theme's and tokens' hashes,
 * so an entry is only found under the very same theme and antd; the rest is made as before.
 */
export function antdStaticTokenCache(names: string[]): [string, unknown][] {
  return [...renderedCache(names).cache]
    .filter(([key]) => /^(token|cssVar)%/.test(key))
    .map(([key, [, value]]) => [key, value]);
}

const ID = 'virtual:antd-static.css';
const CACHE_ID = 'virtual:antd-static-cache';

/**
 * `import 'virtual:antd-static.css'` (main.tsx): the pre-rendered styles in a production build
 * (whose hashes match the running app's); empty in the dev server, where antd makes them itself.
 * `import entries from 'virtual:antd-static-cache'` (components/prebuilt-style-cache.ts): the
 * token and CSS-variable cache entries, as a JSON string parsed at once (quicker than a literal).
 */
export function antdStaticStylesPlugin(srcDir: string): Plugin {
  let build = false;
  return {
    name: 'creditdesk-antd-static-styles',
    configResolved(c) {
      build = c.command === 'build';
    },
    resolveId: (id) => (id === ID || id === CACHE_ID ? `\0${id}` : undefined),
    load(id) {
      if (id === `\0${ID}`) return build ? antdStaticStyles(antdImports(srcDir)) : '';
      if (id === `\0${CACHE_ID}`) {
        const entries = build ? antdStaticTokenCache(antdImports(srcDir)) : [];
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(entries))});`;
      }
      return undefined;
    },
  };
}
