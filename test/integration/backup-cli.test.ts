// The backup / verify / restore commands, run in-process with a fake CliIo.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupCommand, makeBackupCommands, restoreCommand, verifyCommand } from '../../main/cli/commands/backup';
import { EXIT, UsageError, type CliIo } from '../../main/cli/io';
import { acquireBookLock } from '../../main/db/lock';
import { timeStamp } from '../../main/db/backup';
import { openBook } from '../../main/db/connection';
import { SCHEMA_VERSION } from '../../main/db/migrations';
import { CHEAP_KDF, bookFingerprint, dumpBook, listDir, makeBook, tempDir } from '../fixtures/backup-books';

function fakeIo() {
  const io = {
    stdout: '',
    stderr: '',
    out: (t: string) => void (io.stdout += t),
    err: (t: string) => void (io.stderr += t),
  };
  return io as CliIo & { stdout: string; stderr: string };
}

let dir: string;
let book: string;
let usb: string;
const now = new Date('2026-11-23T10:11:12Z');
const cmds = makeBackupCommands({
  maxSchemaVersion: 2,
  appSchema: false,
  appVersion: '9.9.9',
  now: () => now,
  kdf: CHEAP_KDF,
});

beforeEach(() => {
  dir = tempDir('cd-cli-');
  book = path.join(dir, 'book.sqlite');
  usb = path.join(dir, 'usb');
  fs.mkdirSync(usb);
  makeBook(book, { company: '杭州 某某 商行', customers: 100, invoices: 1000 });
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('creditdesk backup / verify / restore', () => {
  it('backup prints the file and a summary; verify says ok; restore brings the content back', async () => {
    const io = fakeIo();
    expect(await cmds.backup(['--db', book, '--to', usb], io)).toBe(EXIT.OK);
    const file = path.join(usb, `杭州 某某 商行-${timeStamp(now)}.cdbak`);
    expect(io.stdout.split('\n')[0]).toBe(file);
    expect(io.stdout).toMatch(/company: +杭州 某某 商行/);
    expect(io.stdout).toMatch(/encrypted: no/);
    expect(io.stdout).toMatch(/schema 1/);
    expect(io.stdout).toMatch(/CreditDesk 9\.9\.9/);
    expect(io.stdout).toMatch(/tables: +5, 1203 rows/);
    expect(io.stderr).toBe('');

    const v = fakeIo();
    expect(await cmds.verify([file], v)).toBe(EXIT.OK);
    expect(v.stdout).toMatch(/^ok: .* is an intact CreditDesk backup/);

    const content = dumpBook(book);
    const target = path.join(dir, 'other', 'restored.sqlite');
    const r = fakeIo();
    expect(await cmds.restore([file, '--db', target], r)).toBe(EXIT.OK);
    expect(r.stdout).toMatch(/^restored .*restored\.sqlite from .*\.cdbak/);
    expect(dumpBook(target)).toEqual(content);
    expect(fs.existsSync(`${target}.lock`)).toBe(false);

    // over the existing book: saved aside
    const r2 = fakeIo();
    expect(await cmds.restore([file, '--db', book], r2)).toBe(EXIT.OK);
    expect(r2.stdout).toContain(`the previous book was saved as ${book}.before-restore-${timeStamp(now)}`);
  });

  it('encrypted with --password-file (trailing newline trimmed)', async () => {
    const pwFile = path.join(dir, 'pw.txt');
    fs.writeFileSync(pwFile, '口令 with spaces\n');
    const io = fakeIo();
    expect(await cmds.backup(['--db', book, '--to', usb, '--password-file', pwFile], io)).toBe(EXIT.OK);
    expect(io.stdout).toMatch(/encrypted: yes/);
    const file = io.stdout.split('\n')[0];

    expect(await cmds.verify([file, '--password-file', pwFile], fakeIo())).toBe(EXIT.OK);

    const missing = fakeIo();
    expect(await cmds.verify([file], missing)).toBe(EXIT.BAD_INPUT);
    expect(missing.stderr).toMatch(/creditdesk verify: .* is encrypted: a password is needed/);

    const wrongFile = path.join(dir, 'wrong.txt');
    fs.writeFileSync(wrongFile, '口令 with spaces \n');
    const wrong = fakeIo();
    expect(await cmds.verify([file, '--password-file', wrongFile], wrong)).toBe(EXIT.BAD_INPUT);
    expect(wrong.stderr).toMatch(/wrong password/);

    const before = bookFingerprint(book);
    const rw = fakeIo();
    expect(await cmds.restore([file, '--db', book, '--password-file', wrongFile], rw)).toBe(EXIT.BAD_INPUT);
    expect(bookFingerprint(book)).toEqual(before);

    const noPwFile = fakeIo();
    expect(await cmds.verify([file, '--password-file', path.join(dir, 'nope.txt')], noPwFile)).toBe(EXIT.BAD_INPUT);
    expect(noPwFile.stderr).toMatch(/cannot read the password file .*nope\.txt/);

    const target = path.join(dir, 'r.sqlite');
    expect(await cmds.restore([file, '--db', target, '--password-file', pwFile], fakeIo())).toBe(EXIT.OK);
  });

  it('verify: damaged, foreign, truncated, newer files exit 3 with the specific problem', async () => {
    const io = fakeIo();
    await cmds.backup(['--db', book, '--to', usb], io);
    const file = io.stdout.split('\n')[0];
    const raw = fs.readFileSync(file);
    const cases: [string, Buffer, RegExp][] = [
      [
        'flipped.cdbak',
        (() => {
          const b = Buffer.from(raw);
          b[b.length - 5000] ^= 1;
          return b;
        })(),
        /checksum mismatch/,
      ],
      ['short.cdbak', raw.subarray(0, raw.length - 100), /truncated/],
      ['empty.cdbak', Buffer.alloc(0), /empty/],
      ['photo.jpg', Buffer.from('\xff\xd8\xff\xe0 JFIF', 'latin1'), /not a CreditDesk backup/],
    ];
    for (const [name, bytes, msg] of cases) {
      const f = path.join(dir, name);
      fs.writeFileSync(f, bytes);
      const v = fakeIo();
      expect(await cmds.verify([f], v)).toBe(EXIT.BAD_INPUT);
      expect(v.stderr).toMatch(msg);
      expect(v.stdout).toBe('');
      const before = bookFingerprint(book);
      expect(await cmds.restore([f, '--db', book], fakeIo())).toBe(EXIT.BAD_INPUT);
      expect(bookFingerprint(book)).toEqual(before);
    }
    const missing = fakeIo();
    expect(await cmds.verify([path.join(dir, 'gone.cdbak')], missing)).toBe(EXIT.BAD_INPUT);
    expect(missing.stderr).toMatch(/backup file not found/);

    // a backup from a newer app (book at schema 3, this app knows 2)
    const newerBook = path.join(dir, 'newer.sqlite');
    makeBook(newerBook, { schemaVersion: 3, customers: 5, invoices: 5 });
    const nb = fakeIo();
    expect(await cmds.backup(['--db', newerBook, '--to', usb], nb)).toBe(EXIT.OK);
    const nv = fakeIo();
    expect(await cmds.verify([nb.stdout.split('\n')[0]], nv)).toBe(EXIT.BAD_INPUT);
    expect(nv.stderr).toMatch(/newer CreditDesk .*schema 3.*knows schema 2/);
    expect(path.basename(nb.stdout.split('\n')[0])).toMatch(/^newer-\d{8}-\d{6}\.cdbak$/); // no company setting: file name
  });

  it('backup failures: missing book exits 3, missing target folder exits 1', async () => {
    const a = fakeIo();
    expect(await cmds.backup(['--db', path.join(dir, 'none.sqlite'), '--to', usb], a)).toBe(EXIT.BAD_INPUT);
    expect(a.stderr).toMatch(/找不到账套/); // book errors in the user's language, zh-CN by default
    const b = fakeIo();
    expect(await cmds.backup(['--db', book, '--to', path.join(dir, 'unplugged')], b)).toBe(EXIT.FAILURE);
    expect(b.stderr).toMatch(/backup folder not found: .*unplugged — is the USB stick or drive plugged in\?/);
    expect(listDir(dir)).not.toContain('unplugged');
    const emptyPw = path.join(dir, 'empty.txt');
    fs.writeFileSync(emptyPw, '\n');
    const c = fakeIo();
    expect(await cmds.backup(['--db', book, '--to', usb, '--password-file', emptyPw], c)).toBe(EXIT.BAD_INPUT);
    expect(c.stderr).toMatch(/password file .* is empty/);
    expect(listDir(usb)).toEqual([]);
  });

  it('restore refuses a book that is open elsewhere (exit 1), leaving it untouched', async () => {
    const io = fakeIo();
    await cmds.backup(['--db', book, '--to', usb], io);
    const file = io.stdout.split('\n')[0];
    const lock = acquireBookLock(book, { purpose: 'app' });
    try {
      const before = bookFingerprint(book);
      const r = fakeIo();
      expect(await cmds.restore([file, '--db', book], r)).toBe(EXIT.FAILURE);
      expect(r.stderr).toMatch(/已在另一个 CreditDesk 窗口或进程中打开（CreditDesk 窗口，进程号 \d+/);
      expect(bookFingerprint(book)).toEqual(before);
    } finally {
      lock.release();
    }
  });

  it('usage errors throw UsageError (runCli turns them into exit 2)', async () => {
    await expect(backupCommand(['--db', book], fakeIo())).rejects.toBeInstanceOf(UsageError);
    await expect(backupCommand(['--to', usb], fakeIo())).rejects.toBeInstanceOf(UsageError);
    await expect(backupCommand(['--db', book, '--to', usb, '--bogus'], fakeIo())).rejects.toBeInstanceOf(UsageError);
    await expect(verifyCommand([], fakeIo())).rejects.toBeInstanceOf(UsageError);
    await expect(verifyCommand(['a', 'b'], fakeIo())).rejects.toBeInstanceOf(UsageError);
    await expect(restoreCommand(['x.cdbak'], fakeIo())).rejects.toBeInstanceOf(UsageError);
    await expect(restoreCommand(['--db', book], fakeIo())).rejects.toBeInstanceOf(UsageError);
  });

  it('the default commands use the app schema version and package version', async () => {
    // a real book: the default verify compares the image with the app's migrations
    const real = path.join(dir, 'real.sqlite');
    await (await openBook(real, { create: true })).close();
    const io = fakeIo();
    expect(await backupCommand(['--db', real, '--to', usb], io)).toBe(EXIT.OK);
    expect(io.stdout).toContain(`CreditDesk 0.1.0, schema ${SCHEMA_VERSION}`);
    expect(await verifyCommand([io.stdout.split('\n')[0]], fakeIo())).toBe(EXIT.OK);
  });
});
