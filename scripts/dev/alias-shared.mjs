#!/usr/bin/env node
// Rewrites relative imports of the project's shared/ folder in renderer/src
// ('../../../../shared/types' → '@shared/types'). The alias is set in tsconfig.json,
// renderer/tsconfig.json, renderer/vite.config.ts and vitest.config.ts.
// Usage: node scripts/dev/alias-shared.mjs [--check]   (--check: list, change nothing; exit 1 if any)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shared = path.join(root, 'shared');
const check = process.argv.includes('--check');

function* files(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (/\.(ts|tsx)$/.test(e.name)) yield p;
  }
}

// from '…', import('…'), vi.mock('…'): a relative specifier that lands in shared/
const SPEC = /(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*)\2/g;
let changedFiles = 0;
let changedImports = 0;
for (const file of files(path.join(root, 'renderer/src'))) {
  const src = fs.readFileSync(file, 'utf8');
  const out = src.replace(SPEC, (m, lead, q, spec) => {
    const target = path.resolve(path.dirname(file), spec);
    if (target !== shared && !target.startsWith(shared + path.sep)) return m;
    changedImports++;
    return `${lead}${q}@shared/${path.relative(shared, target).split(path.sep).join('/')}${q}`;
  });
  if (out === src) continue;
  changedFiles++;
  if (check) console.log(path.relative(root, file));
  else fs.writeFileSync(file, out);
}
console.log(`${changedImports} import(s) of shared/ in ${changedFiles} file(s)${check ? ' to rewrite' : ' rewritten'}`);
if (check && changedFiles) process.exit(1);
