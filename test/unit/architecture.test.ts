// The walls of docs/architecture.md as a test: domain code is pure, reports never reach up to
// services, no import loops in main/, only main/shell imports electron (eslint.config.js says the
// same per folder; this test also sees loops, which a per-file rule cannot).
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
/** Relative imports that exist at run time (`import type` is erased), resolved to files. */
function runtimeDeps(file: string, known: Set<string>): string[] {
  const src = fs.readFileSync(file, 'utf8');
  const deps: string[] = [];
  for (const m of src.matchAll(
    /^\s*(?:import|export)\s+(?!type\s)[^'";]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/gm,
  )) {
    const base = path.resolve(path.dirname(file), m[1] ?? m[2]);
    const hit = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((c) => known.has(c));
    if (hit) deps.push(hit);
  }
  return deps;
}

/** Strongly connected components with more than one file (Tarjan): each is an import loop. */
function importLoops(all: string[]): string[][] {
  const known = new Set(all);
  const graph = new Map(all.map((f) => [f, runtimeDeps(f, known)]));
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const loops: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(path.relative(root, w));
      } while (w !== v);
      if (scc.length > 1 || graph.get(v)!.includes(v)) loops.push(scc.sort());
    }
  };
  for (const f of all) if (!index.has(f)) visit(f);
  return loops;
}

/** `from` files importing something matching `bad` (a module specifier test). */
function offenders(dir: string, bad: (spec: string) => boolean): string[] {
  return files(path.join(root, dir)).flatMap((f) =>
    importsOf(f)
      .filter(bad)
      .map((s) => `${path.relative(root, f)} imports ${s}`),
  );
}

const importsOf = (file: string) =>
  [
    ...fs
      .readFileSync(file, 'utf8')
      .matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(['"]([^'"]+)['"]\)/g),
  ].map((m) => m[1] ?? m[2]);

describe('architecture', () => {
  it('main/domain imports neither electron, react, kysely, better-sqlite3 nor node I/O', () => {
    const bad = files(path.join(root, 'main/domain')).flatMap((f) =>
      importsOf(f)
        .filter(
          (s) =>
            /^(electron|react|react-dom|kysely|better-sqlite3|node:fs|fs|node:child_process)(\/|$)/.test(s) ||
            s.includes('/db/') ||
            s.includes('/services/'),
        )
        .map((s) => `${path.relative(root, f)} imports ${s}`),
    );
    expect(bad).toEqual([]);
  });

  it('only main/shell imports electron', () => {
    const bad = [
      ...files(path.join(root, 'main')),
      ...files(path.join(root, 'shared')),
      ...files(path.join(root, 'renderer/src')),
    ]
      .filter((f) => !f.includes(`${path.sep}main${path.sep}shell${path.sep}`))
      .flatMap((f) =>
        importsOf(f)
          .filter((s) => /^electron(\/|$)/.test(s))
          .map((s) => `${path.relative(root, f)} imports ${s}`),
      );
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

  it('main/ has no import loops', () => {
    expect(importLoops(files(path.join(root, 'main')))).toEqual([]);
  });

  it('finds a loop when there is one', () => {
    fs.mkdirSync(path.join(root, 'test-output'), { recursive: true });
    const dir = fs.mkdtempSync(path.join(root, 'test-output', 'loop-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.ts'), "import { b } from './b';\nexport const a = () => b;\n");
      fs.writeFileSync(path.join(dir, 'b.ts'), "import { a } from './a';\nexport const b = () => a;\n");
      fs.writeFileSync(path.join(dir, 'c.ts'), "import type { a } from './a';\nexport type C = typeof a;\n");
      expect(importLoops(files(dir)).map((l) => l.map((f) => path.basename(f)))).toEqual([['a.ts', 'b.ts']]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('main/reports never imports services, app or ipc', () => {
    expect(offenders('main/reports', (s) => /^(\.\.\/)+(services|app|ipc)\//.test(s))).toEqual([]);
  });

  it('main/services never imports main/app, main/ipc, main/cli or main/shell (services take a BookHost)', () => {
    expect(offenders('main/services', (s) => /^(\.\.\/)+(app|ipc|cli|shell|serve)\//.test(s))).toEqual([]);
  });

  // SQLite SQL lives in main/db: services, reports, workers, the CLI, the IPC layer and the demo
  // book call its functions (issue #10; every area's queries have moved).
  const sqlString = /(['"`])\s*(SELECT\s[\s\S]*?\sFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b/;
  it('no SQL string literals in main outside main/db', () => {
    const bad = files(path.join(root, 'main'))
      .map((f) => path.relative(root, f).split(path.sep).join('/'))
      .filter((f) => !f.startsWith('main/db/'))
      .filter((f) => sqlString.test(fs.readFileSync(path.join(root, f), 'utf8')));
    expect(bad).toEqual([]);
  });
  it('the SQL check sees SQL', () => {
    for (const sql of [
      "'SELECT id FROM customers'",
      '`\n  INSERT INTO promises (a) VALUES (1)`',
      '"UPDATE x SET y = 1"',
    ])
      expect(sqlString.test(sql), sql).toBe(true);
    expect(sqlString.test("'select the customers from the list'")).toBe(false);
  });
});
