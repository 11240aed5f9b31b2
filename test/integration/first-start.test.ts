// First start and the command-line bundle: what `npm start` decides before anything is
// installed, when the CLI bundle counts as stale, the bundled CLI answering, and the welcome
// set-up on an empty book (through the IPC handlers, as the window calls them).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs scripts (no types)
import { dependenciesMissing, electronBinary, electronUnusableReason } from '../../scripts/start-checks.mjs';
// @ts-expect-error plain .mjs scripts (no types)
import { buildOptions, cliBundleFresh, entrySources } from '../../scripts/build-cli.mjs';
// @ts-expect-error plain .mjs scripts (no types)
import { usageOnlyArgs } from '../../scripts/cli-bundle-fresh.mjs';
import { Desk } from '../../main/app/desk';
import { createHandlers } from '../../main/ipc/handlers';
import { dispatch } from '../../main/ipc/register';
import { fixedClock } from '../../main/services/context';
import { insertDemoCustomers, makeDemoCustomers } from '../../main/demo/customers';

const dirs: string[] = [];
const temp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'creditdesk-first-start-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
};

describe('npm start checks (scripts/start-checks.mjs)', () => {
  it('names dependencies that are missing or at another version than pinned', () => {
    const root = temp();
    write(
      path.join(root, 'package.json'),
      JSON.stringify({ dependencies: { kysely: '0.28.18', zod: '4.6.7' }, devDependencies: { vite: '8.3.8' } }),
    );
    expect(dependenciesMissing(root)).toEqual(['kysely', 'zod', 'vite']);
    write(path.join(root, 'node_modules/kysely/package.json'), JSON.stringify({ version: '0.28.18' }));
    write(path.join(root, 'node_modules/zod/package.json'), JSON.stringify({ version: '3.0.0' }));
    write(path.join(root, 'node_modules/vite/package.json'), JSON.stringify({ version: '8.3.8' }));
    expect(dependenciesMissing(root)).toEqual(['zod@4.6.7']);
  });

  it('finds no Electron binary after an install that skipped it, and then chooses browser mode', () => {
    const root = temp();
    write(path.join(root, 'node_modules/electron/package.json'), JSON.stringify({ version: '41.10.7' }));
    expect(electronBinary(root)).toBeNull();
    expect(electronUnusableReason(root)).toBe('the Electron binary is not installed on this machine');
    write(path.join(root, 'node_modules/electron/path.txt'), 'electron');
    write(path.join(root, 'node_modules/electron/dist/electron'), '');
    expect(electronBinary(root)).toBe(path.join(root, 'node_modules/electron/dist/electron'));
  });
});

describe('command-line bundle (scripts/build-cli.mjs)', () => {
  it('is stale when a bundled source changed or went away, fresh otherwise', () => {
    const base = temp();
    const out = temp();
    write(path.join(base, 'main/a.ts'), 'a');
    write(path.join(base, 'main/b.ts'), 'b');
    write(path.join(base, 'main/cli/index.ts'), ''); // a checkout with the sources (else: an installed package)
    const files = Object.fromEntries(
      ['main/a.ts', 'main/b.ts'].map((f) => [f, fs.statSync(path.join(base, f)).mtimeMs]),
    );
    expect(cliBundleFresh(out, base)).toBe(false); // no bundle yet
    write(path.join(out, 'inputs.json'), JSON.stringify({ files }));
    expect(cliBundleFresh(out, base)).toBe(true);
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(path.join(base, 'main/b.ts'), later, later);
    expect(cliBundleFresh(out, base)).toBe(false);
    write(
      path.join(out, 'inputs.json'),
      JSON.stringify({ files: { ...files, 'main/b.ts': fs.statSync(path.join(base, 'main/b.ts')).mtimeMs } }),
    );
    expect(cliBundleFresh(out, base)).toBe(true);
    fs.rmSync(path.join(base, 'main/a.ts'));
    expect(cliBundleFresh(out, base)).toBe(false);
  });

  it("for the usage text looks only at the entry chunks' sources; without sources runs what is built", () => {
    const base = temp();
    const out = temp();
    for (const f of ['main/cli/index.ts', 'main/cli/command.ts']) write(path.join(base, f), f);
    const files = Object.fromEntries(
      ['main/cli/index.ts', 'main/cli/command.ts'].map((f) => [f, fs.statSync(path.join(base, f)).mtimeMs]),
    );
    write(path.join(out, 'inputs.json'), JSON.stringify({ files, entry: ['main/cli/index.ts'] }));
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(path.join(base, 'main/cli/command.ts'), later, later);
    expect(cliBundleFresh(out, base)).toBe(false); // a command runs the current code
    expect(cliBundleFresh(out, base, { entryOnly: true })).toBe(true); // --help never loads command.ts
    fs.utimesSync(path.join(base, 'main/cli/index.ts'), later, later);
    expect(cliBundleFresh(out, base, { entryOnly: true })).toBe(false);
    // an installed package: dist/cli without the sources it was built from
    fs.rmSync(path.join(base, 'main'), { recursive: true });
    expect(cliBundleFresh(out, base)).toBe(true);
    expect(cliBundleFresh(out, base, { entryOnly: true })).toBe(true);
  });

  it('tells the usage-only arguments (answered by the entry alone) as runCli reads them', () => {
    for (const a of [
      [],
      ['--help'],
      ['-h'],
      ['help'],
      ['--lang', 'en'],
      ['--lang=en', '--help'],
      ['--lang', 'en', 'help', 'x'],
    ])
      expect(usageOnlyArgs(a), a.join(' ')).toBe(true);
    for (const a of [['ageing'], ['--lang', 'en', 'ageing'], ['--lang=zh', 'tiers', '--help'], ['--db', 'x'], ['nope']])
      expect(usageOnlyArgs(a), a.join(' ')).toBe(false);
  });

  it('builds an entry that loads no command, message catalogue or schema (what --help parses)', () => {
    const r = spawnSync(process.execPath, ['bin/creditdesk.mjs', '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const { entry, files } = JSON.parse(fs.readFileSync('dist/cli/inputs.json', 'utf8')) as {
      entry: string[];
      files: Record<string, number>;
    };
    expect(entry).toContain('main/cli/index.ts');
    expect(entry.every((f) => f in files)).toBe(true);
    expect(
      entry.filter(
        (f) => !f.startsWith('main/cli/') || (f.startsWith('main/cli/commands/') && f !== 'main/cli/commands/index.ts'),
      ),
    ).toEqual([]);
    expect(entry.length).toBeLessThanOrEqual(8);
  }, 60_000);

  it('runs creditdesk ageing without the message catalogues (loaded only when a command failed)', async () => {
    const { build } = await import('esbuild');
    const r = await build({
      ...buildOptions(),
      entryPoints: ['main/cli/index.ts'],
      outdir: temp(),
      write: false,
      splitting: true,
    });
    const ageing: string[] = entrySources(r.metafile, 'main/cli/commands/ageing.ts');
    expect(ageing).toContain('main/cli/ageing-reader.ts');
    expect(ageing.filter((f) => f.startsWith('renderer/') || f.includes('error-lines'))).toEqual([]);
    expect(entrySources(r.metafile, 'main/cli/command-failure.ts')).toContain('renderer/src/i18n/zh-CN.ts');
  }, 60_000);

  it('answers --help from the bundle with the usage and exit code 0', () => {
    const r = spawnSync(process.execPath, ['bin/creditdesk.mjs', '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('creditdesk ageing    --db FILE --as-of YYYY-MM-DD');
    expect(fs.existsSync('dist/cli/creditdesk.mjs')).toBe(true);
    expect(cliBundleFresh()).toBe(true);
  }, 60_000);
});

describe('welcome on an empty book (IPC)', () => {
  async function open() {
    const dir = temp();
    const desk = new Desk({ mode: 'browser', userDataDir: dir, clock: fixedClock('2026-11-23T09:00:00.000Z') });
    await desk.open(path.join(dir, 'books', 'default.creditdesk'), { create: true });
    return { desk, call: (channel: string, input: unknown) => dispatch(createHandlers(desk), channel, input) };
  }

  it('sets up the company and renames the only operator, with a password', async () => {
    const { desk, call } = await open();
    const bad = await call('welcome:set-up', { name: ' ', operatorName: '' });
    expect(bad.ok).toBe(false);
    const r = await call('welcome:set-up', {
      name: '杭州明远机电有限公司',
      address: '杭州市滨江区',
      operatorName: '张会计',
      password: 'secret1',
    });
    expect(r.ok).toBe(true);
    const info = (
      r as { data: { book: { company: string }; operators: unknown[]; currentOperator: unknown; needsLogin: boolean } }
    ).data;
    expect(info.book.company).toBe('杭州明远机电有限公司');
    expect(info.operators).toEqual([{ id: 1, name: '张会计', hasPassword: true, role: 'admin' }]);
    expect(info.currentOperator).toEqual({ id: 1, name: '张会计', hasPassword: true, role: 'admin' });
    expect(info.needsLogin).toBe(false); // the person who set it up keeps working
    const audit = desk.ctx.book.sqlite
      .prepare("SELECT before, after FROM audit_log WHERE entity = 'operator' AND action = 'update'")
      .all();
    expect(audit).toEqual([
      {
        before: JSON.stringify({ name: '管理员', hasPassword: false }),
        after: JSON.stringify({ name: '张会计', hasPassword: true }),
      },
    ]);
    await desk.close();
  });

  it('refuses to set up a book that already has customers (nothing changes)', async () => {
    const { desk, call } = await open();
    await insertDemoCustomers(desk.ctx, makeDemoCustomers(1, 1));
    const r = await call('welcome:set-up', { name: '别的公司', operatorName: '李四' });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'welcome.not_empty' } });
    expect((await call('operators:list', {})) as unknown).toMatchObject({ ok: true, data: [{ name: '管理员' }] });
    await desk.close();
  });
});
