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

const dir = tempDir('cd-backup-zh-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** English words left in a Chinese sentence, apart from the product name, file names and codes. */
function englishWords(zh: string): string[] {
  const stripped = zh
    .replace(/CreditDesk/g, '')
    .replace(/[\w.-]+\.(cdbak|partial|creditdesk)\b/g, '')
    .replace(/\.cdbak/g, '')
    .replace(/\b[A-Z]{2,}[A-Z0-9_]*\b/g, ''); // error codes like ENOSPC
  return stripped.match(/[A-Za-z]{3,}/g) ?? [];
}

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
    expect((await problem(path.join(dir, 'empty.cdbak'))).zh).toBe('empty.cdbak 是空文件，不是 CreditDesk 备份');
  });
});
