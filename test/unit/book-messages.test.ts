// Errors about the book file and backups reach the Chinese UI and CLI in Chinese (issue 16
// item 7): the lock, a failed migration, a file that is not a book, a newer schema, the disk,
// and the details of a failed backup. The English text stays what logs and scripts read.
import { describe, expect, it } from 'vitest';
import { ioError } from '../../main/db/backup/errors';
import { migrateBook } from '../../main/db/connection';
import { BACKUP_MESSAGES } from '../../shared/messages/backup-messages';
import { BOOK_MESSAGES } from '../../shared/messages/book-messages';
import { localizedErrorMessage, renderServerMessage } from '../../shared/messages/server-messages';
import { storageError } from '../../main/db/storage-errors';
import { AppError } from '../../shared/result';

const names = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1].replace(/Zh$/, '')).sort();

describe('book and backup messages', () => {
  it('every message has Chinese naming the same values as the English', () => {
    for (const [key, m] of Object.entries({ ...BOOK_MESSAGES, ...BACKUP_MESSAGES })) {
      expect(m.zh, key).toMatch(/[\u4e00-\u9fff]/);
      // Values only the English names: the system's own English text ({detail}, a foreign app's
      // name, the refused scrypt parameters). In their place the Chinese may show the error code or
      // a count of what differs.
      const zh = names(m.zh);
      const en = names(m.en);
      for (const v of en) if (!zh.includes(v)) expect(['detail', 'app', 'N', 'r', 'p'], `${key}: {${v}}`).toContain(v);
      for (const v of zh)
        if (!en.includes(v))
          expect(en.includes('detail') && ['code', 'count'].includes(v), `${key}: {${v}}`).toBe(true);
    }
  });

  it('a full disk, in both languages', () => {
    const e = storageError(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }))!;
    expect(e.message).toBe('the disk is full — nothing was saved');
    expect(localizedErrorMessage('zh-CN', e)).toBe('磁盘已满，本次没有保存任何内容');
  });

  it('a backup that runs out of space on the USB stick names the step in Chinese', () => {
    const e = ioError(
      Object.assign(new Error('ENOSPC: no space left'), { code: 'ENOSPC' }),
      '/media/u',
      'write the backup',
    );
    expect(e.problem).toBe('disk-full');
    expect(e.message).toBe('not enough free space on /media/u to write the backup (disk full)');
    expect(localizedErrorMessage('zh-CN', e)).toBe('/media/u 空间不足，无法写入备份（磁盘已满）');
  });

  it('a book from a newer CreditDesk', async () => {
    const sqlite = {
      prepare: (sql: string) => ({ get: () => (sql.includes('count(*)') ? { n: 999 } : { 1: 1 }) }),
    };
    const err = await migrateBook({ sqlite } as never).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toMatch(/^this book was written by a newer CreditDesk \(schema 999 > \d+\)/);
    expect(localizedErrorMessage('zh-CN', err as AppError)).toMatch(
      /^这个账套由更新版本的 CreditDesk 写入（格式版本 999/,
    );
  });

  it('the lock holder in Chinese', () => {
    const v = {
      who: 'a CreditDesk window',
      whoZh: 'CreditDesk 窗口',
      pid: 42,
      where: '',
      whereZh: '',
      since: 'T',
      self: '',
      selfZh: '',
    };
    expect(renderServerMessage('zh-CN', 'book_in_use', v)).toBe(
      '这个账套已在另一个 CreditDesk 窗口或进程中打开（CreditDesk 窗口，进程号 42，自 T 起），请先在那里关闭',
    );
    expect(renderServerMessage('en', 'book_in_use', v)).toBe(
      'this book is open in another CreditDesk window/process (a CreditDesk window, pid 42, since T); close it there first',
    );
  });
});
