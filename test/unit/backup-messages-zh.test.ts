// #16: a failed backup, verify or restore reads in Chinese to the end in the Chinese UI: every
// backup message has a zh-CN text without English words, and the rarer problems with a backup
// file (not a file, empty, a plain SQLite file, unknown contents, truncated, an unfinished
// `.partial`, a damaged manifest length, an unknown format version) carry a message key.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BACKUP_MESSAGES } from '../../shared/messages/backup-messages';
import { localizedErrorMessage, renderServerMessage } from '../../shared/messages/server-messages';
import { inspectBackup } from '../../main/db/backup/verify';
import { MAGIC } from '../../main/db/backup/format';
import { tempDir } from '../support/book';
import { runCli } from '../../main/cli';
import type { CliIo } from '../../main/cli/io';
import { englishWords, expectKeyedChinese } from '../support/backup-zh';

const dir = tempDir('cd-backup-zh-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const SAMPLE: Record<string, string | number> = {
  name: '2026-11-30 华盛.cdbak',
  file: '/媒体/U盘/备份.cdbak',
  dir: '/媒体/U盘',
  where: '/媒体/U盘',
  action: 'write the backup',
  actionZh: '写入备份',
  code: 'EIO',
  detail: '磁盘错误',
  size: 12,
  version: 9,
  length: 0,
  expected: 4096,
  format: 3,
  supported: 1,
  app: 'OtherApp',
  appVersion: '0.9.0',
  schema: 14,
  known: 12,
  N: 1024,
  r: 8,
  p: 1,
  count: 2,
  pid: 4242,
  since: '2026-11-30T08:00:00Z',
  company: '华盛',
  db: '/账套/华盛.creditdesk',
  done: 100,
  detailZh: '备份.cdbak 已损坏：校验和不符',
};

async function problem(file: string): Promise<{ key?: string; zh: string }> {
  try {
    await inspectBackup(file);
  } catch (e) {
    const err = e as { key?: string; message: string; values?: Record<string, string | number> };
    return { key: err.key, zh: localizedErrorMessage('zh-CN', err) };
  }
  throw new Error(`${file} was accepted`);
}

describe('backup messages in Chinese', () => {
  it('every backup message key reads without English words in zh-CN', () => {
    for (const key of Object.keys(BACKUP_MESSAGES) as (keyof typeof BACKUP_MESSAGES)[]) {
      const zh = renderServerMessage('zh-CN', key, SAMPLE);
      expect(englishWords(zh), `${key}: ${zh}`).toEqual([]);
      expect(zh).not.toMatch(/\{\w+\}/);
    }
  });

  it('the rarer problems with a backup file are keyed and read in Chinese', async () => {
    const write = (name: string, bytes: Buffer | string) => {
      const f = path.join(dir, name);
      fs.writeFileSync(f, bytes);
      return f;
    };
    fs.mkdirSync(path.join(dir, 'folder.cdbak'));
    const header = Buffer.alloc(64);
    MAGIC.copy(header);
    const cases: [string, string][] = [
      [path.join(dir, 'folder.cdbak'), 'backup_not_a_file'],
      [write('empty.cdbak', ''), 'backup_empty'],
      [write('book.cdbak', Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(100)])), 'backup_is_sqlite'],
      [write('photo.cdbak', 'hello, this is not a backup at all'), 'backup_unknown_contents'],
      [write('cut.cdbak', MAGIC.subarray(0, 4)), 'backup_truncated'],
      [write('run.cdbak.partial', header), 'backup_unfinished'],
      [write('zero-manifest.cdbak', header), 'backup_manifest_length'],
    ];
    for (const [file, key] of cases) {
      const p = await problem(file);
      expect(p.key, file).toBe(key);
      expect(englishWords(p.zh), p.zh).toEqual([]);
    }
    const err = await inspectBackup(path.join(dir, 'empty.cdbak')).catch((e: unknown) => e);
    expect(expectKeyedChinese(err)).toBe('empty.cdbak 是空文件，不是 CreditDesk 备份');
    expect((await problem(path.join(dir, 'empty.cdbak'))).zh).toBe('empty.cdbak 是空文件，不是 CreditDesk 备份');
  });
});

// Every throw in the backup core is a keyed error: a new English-only message cannot slip in.
// (BackupError's constructor also requires a key, so an unkeyed `new BackupError` does not compile.)
const CORE = [
  'create.ts',
  'snapshot.ts',
  'restore.ts',
  'verify.ts',
  'sqlite-check.ts',
  'fsutil.ts',
  'format.ts',
  'seal.ts',
];
const KEYED_THROW =
  /^throw (keyedBackupError\(|ioError\(|otherFormat\(|unreadableBook\(|snapshotError\(|new WorkerUnavailable\()/;

describe('every backup error reachable from create, inspect and restore has a message key', () => {
  const core = path.join(__dirname, '../../main/db/backup');
  it('no throw in the backup core sends English-only text', () => {
    const offenders: string[] = [];
    for (const f of CORE) {
      const lines = fs.readFileSync(path.join(core, f), 'utf8').split('\n');
      lines.forEach((line, i) => {
        const at = line.indexOf('throw ');
        if (at < 0 || line.trim().startsWith('//') || line.trim().startsWith('*')) return;
        const stmt = line.slice(at);
        // a rethrow is fine where the line has just checked it is a (keyed) BackupError or a worker fallback
        const rethrow = /^throw e;/.test(stmt) && /instanceof (BackupError|WorkerUnavailable)/.test(line);
        // an errno-style error the caller turns into a keyed one with ioError (fsutil's short write)
        const errno = /^throw Object\.assign\(new Error\([^)]*\), \{ code: '[A-Z]+' \}\)/.test(stmt);
        if (!KEYED_THROW.test(stmt) && !rethrow && !errno) offenders.push(`${f}:${i + 1}: ${line.trim()}`);
      });
      expect(fs.readFileSync(path.join(core, f), 'utf8')).not.toMatch(/new BackupError\(/);
    }
    expect(offenders).toEqual([]);
  });

  it('every key the core uses is a backup message whose Chinese never carries the English detail', () => {
    const used = new Set<string>();
    for (const f of [...CORE, 'errors.ts']) {
      for (const m of fs.readFileSync(path.join(core, f), 'utf8').matchAll(/'(backup_\w+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(40);
    for (const key of used) {
      expect(Object.keys(BACKUP_MESSAGES), key).toContain(key);
      // {detail} is SQLite's or the system's own English text
      expect(BACKUP_MESSAGES[key as keyof typeof BACKUP_MESSAGES].zh, key).not.toMatch(/\{detail\}/);
    }
  });
});

describe('the CLI prints backup errors in the user language', () => {
  const run = async (argv: string[]) => {
    let err = '';
    const code = await runCli(argv, { out: () => undefined, err: (t: string) => void (err += t) } as CliIo);
    return { code, err };
  };
  it('Chinese by default, English with --lang en', async () => {
    const empty = path.join(dir, 'cli-empty.cdbak');
    fs.writeFileSync(empty, '');
    const zh = await run(['verify', empty]);
    expect(zh.code).toBe(3);
    expect(zh.err).toBe('creditdesk verify：cli-empty.cdbak 是空文件，不是 CreditDesk 备份\n');
    const en = await run(['verify', empty, '--lang', 'en']);
    expect(en.err).toBe('creditdesk verify: cli-empty.cdbak is empty: not a CreditDesk backup\n');

    const pw = path.join(dir, 'pw.txt');
    fs.writeFileSync(pw, '\n');
    const noPw = await run(['verify', empty, '--password-file', pw]);
    expect(noPw.code).toBe(3);
    expect(noPw.err).toBe(`creditdesk verify：密码文件 ${pw} 是空的\n`);

    const missing = path.join(dir, 'no-stick');
    const book = path.join(dir, 'none.creditdesk');
    const noTarget = await run(['backup', '--db', book, '--to', missing]);
    expect(englishWords(noTarget.err.replace('creditdesk backup', '')), noTarget.err).toEqual([]);
  });
});
