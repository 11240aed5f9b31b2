// The lint rule of DESIGN.md as a test: domain code is pure, and only main/shell imports electron.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}
const importsOf = (file: string) => [...fs.readFileSync(file, 'utf8').matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(['"]([^'"]+)['"]\)/g)].map((m) => m[1] ?? m[2]);

describe('architecture', () => {
  it('main/domain imports neither electron, react, kysely, better-sqlite3 nor node I/O', () => {
    const bad = files(path.join(root, 'main/domain')).flatMap((f) =>
      importsOf(f)
        .filter((s) => /^(electron|react|react-dom|kysely|better-sqlite3|node:fs|fs|node:child_process)(\/|$)/.test(s) || s.includes('/db/') || s.includes('/services/'))
        .map((s) => `${path.relative(root, f)} imports ${s}`),
    );
    expect(bad).toEqual([]);
  });

  it('only main/shell imports electron', () => {
    const bad = [...files(path.join(root, 'main')), ...files(path.join(root, 'shared')), ...files(path.join(root, 'renderer/src'))]
      .filter((f) => !f.includes(`${path.sep}main${path.sep}shell${path.sep}`))
      .flatMap((f) => importsOf(f).filter((s) => /^electron(\/|$)/.test(s)).map((s) => `${path.relative(root, f)} imports ${s}`));
    expect(bad).toEqual([]);
  });

  it('shared/ and renderer/ do not import main-process code', () => {
    const bad = [...files(path.join(root, 'shared')), ...files(path.join(root, 'renderer/src'))].flatMap((f) =>
      importsOf(f)
        .filter((s) => /(^|\/)main\//.test(s) || /^(better-sqlite3|kysely|node:)/.test(s))
        .map((s) => `${path.relative(root, f)} imports ${s}`),
    );
    expect(bad).toEqual([]);
  });
});
