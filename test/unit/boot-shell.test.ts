// The first screen a user sees is index.html's own boot shell, painted before any script: the
// app's menu (same labels as the app, in both languages), the customer list's title, and one
// language shown — the one boot-lang.js reads from the user's saved choice.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import i18n, { loadLang } from '../../renderer/src/i18n';
import '../../renderer/src/pages/collections/i18n';
import '../../renderer/src/pages/collections/runs-i18n';
import '../../renderer/src/pages/analysis/i18n';
import '../../renderer/src/pages/visits/i18n';
import '../../renderer/src/pages/complaints/i18n';
import '../../renderer/src/pages/credit/i18n';

const renderer = path.resolve(__dirname, '../../renderer');
const html = fs.readFileSync(path.join(renderer, 'index.html'), 'utf8');
const bootLang = fs.readFileSync(path.join(renderer, 'public', 'boot-lang.js'), 'utf8');

// the app's menu (components/AppShell.tsx), in order
const MENU = [
  'nav.customers',
  'nav.receivables',
  'nav.arEntry',
  'nav.ageing',
  'nav.statements',
  'nav.statementBatch',
  'nav.confirmations',
  'analysis:nav',
  'nav.credit',
  'nav.collectionCalendar',
  'nav.worklist',
  'nav.dunning',
  'nav.collectionRuns',
  'nav.promises',
  'complaints:nav',
  'visits:nav',
  'nav.audit',
  'nav.backup',
  'nav.settings',
];

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&#39;|&#x27;/g, "'");
/** The texts of the shell's <span lang="…"> elements inside `part` (a regex on the markup). */
function texts(part: RegExp, lang: string): string[] {
  const block = part.exec(html)?.[0] ?? '';
  return [...block.matchAll(new RegExp(`<span lang="${lang}">([^<]*)</span>`, 'g'))].map((m) => decode(m[1]));
}

beforeAll(async () => {
  await loadLang('zh-CN');
  await loadLang('en');
});

describe('boot shell (index.html)', () => {
  it('has the app menu in Chinese and English, with the same labels as the app', () => {
    const nav = /<ul class="boot-nav">[\s\S]*?<\/ul>/;
    expect(texts(nav, 'zh-CN')).toEqual(MENU.map((k) => i18n.getFixedT('zh-CN')(k)));
    expect(texts(nav, 'en')).toEqual(MENU.map((k) => i18n.getFixedT('en')(k)));
    expect(texts(nav, 'zh-CN')).toContain('客户档案');
  });

  it('has the customer list title and the loading text in both languages', () => {
    const page = /<div class="boot-main">[\s\S]*<\/h1>/;
    expect(texts(page, 'zh-CN')).toEqual([i18n.getFixedT('zh-CN')('app.loading'), '客户档案']);
    expect(texts(page, 'en')).toEqual([i18n.getFixedT('en')('app.loading'), i18n.getFixedT('en')('customers.title')]);
  });

  it('is painted from the file alone: no stylesheet link or script holds it', () => {
    const head = html.slice(0, html.indexOf('<body>'));
    expect(head).not.toMatch(/<link rel="stylesheet"/);
    const blocking = [...head.matchAll(/<script(?![^>]*\b(async|defer|type="module")\b)[^>]*>/g)].map((m) => m[0]);
    expect(blocking).toEqual([]);
    expect(head).toContain('<script async src="./boot-lang.js">');
  });

  it('boot-lang.js puts the saved language on <html lang> and says whether the list opens', () => {
    const run = (saved: string | null, hash: string) => {
      const attrs: Record<string, string> = {};
      const documentElement = { setAttribute: (k: string, v: string) => (attrs[k] = v) };
      const localStorage = { getItem: (k: string) => (k === 'creditdesk.lang' ? saved : null) };
      const document = { documentElement, getElementById: () => null };
      vm.runInNewContext(bootLang, { document, localStorage, location: { hash } });
      return attrs;
    };
    expect(run('en', '#/customers')).toEqual({ lang: 'en', 'data-boot-page': 'customers' });
    expect(run(null, '')).toEqual({ lang: 'zh-CN', 'data-boot-page': 'customers' });
    expect(run('zh-CN', '#/audit')).toEqual({ lang: 'zh-CN', 'data-boot-page': 'other' });
  });

  it("boot-lang.js preloads the first screen's chunks: the saved language's catalogue, and the list's when it opens", () => {
    const chunks = {
      customers: ['assets/CustomerListPage-x.js', 'assets/esm-y.js'],
      lang: { 'zh-CN': ['assets/lang-zh-CN-a.js'], en: ['assets/lang-en-b.js'] },
    };
    const run = (saved: string | null, hash: string, data: string | null = JSON.stringify(chunks)) => {
      const links: { rel: string; href: string; crossOrigin: string | null }[] = [];
      const document = {
        documentElement: { setAttribute: () => {} },
        getElementById: (id: string) => (id === 'boot-chunks' && data !== null ? { textContent: data } : null),
        createElement: () => ({ rel: '', href: '', crossOrigin: null }),
        head: { appendChild: (l: (typeof links)[number]) => links.push(l) },
      };
      const localStorage = { getItem: (k: string) => (k === 'creditdesk.lang' ? saved : null) };
      vm.runInNewContext(bootLang, { document, localStorage, location: { hash }, JSON });
      return links;
    };
    const en = run('en', '#/customers');
    expect(en.map((l) => l.href)).toEqual([
      './assets/lang-en-b.js',
      './assets/CustomerListPage-x.js',
      './assets/esm-y.js',
    ]);
    expect(en.every((l) => l.rel === 'modulepreload' && l.crossOrigin === '')).toBe(true);
    expect(run(null, '#/audit').map((l) => l.href)).toEqual(['./assets/lang-zh-CN-a.js']);
    expect(run(null, '', null)).toEqual([]); // the development server: no built chunks
    expect(run(null, '', '{not json')).toEqual([]);
  });
});
