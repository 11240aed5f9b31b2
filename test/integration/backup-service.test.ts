// The backup service through the IPC channels (dispatch) on a real temporary desk: create →
// inspect → change → restore round trip, passwords, damaged files, rotation, the same-disk
// flag, settings, progress, and the automatic backup with a fake clock.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Desk } from '../../main/app/desk';
import { parseLinuxMounts, parseWmicDrives, DAY_MS } from '../../main/services/backup';
import { fixedClock } from '../../main/services/context';
import { lockFileOf } from '../../main/db/lock';
import { HUASHENG, openTestDesk, tempDir, type TestDesk } from '../support/book';
import type { BackupCreateResult, BackupInspectResult, BackupStatus } from '../../shared/types-backup';

const CHEAP_KDF = { N: 1024, r: 8, p: 1 };

let t: TestDesk;
let usb: string;
const extra: string[] = [];

beforeEach(async () => {
  t = await openTestDesk();
  t.desk.backup.configure({ kdf: CHEAP_KDF, listDrives: async () => [] });
  usb = tempDir('cd-usb-');
  extra.push(usb);
});

afterEach(async () => {
  await t.close();
  for (const d of extra.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const cdbaks = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.cdbak'))
    .sort();
const customerCount = async () => (await t.ok('customers:list', {})).total as number;

describe('backup channels: round trip', () => {
  it('create → inspect → change data → restore brings the data back; the desk works after; audit entries', async () => {
    const created: BackupCreateResult = await t.ok('backup:create', { dir: usb });
    expect(path.dirname(created.file)).toBe(path.resolve(usb));
    expect(created.fileName).toMatch(/^测试商贸有限公司-\d{8}-\d{6}\.cdbak$/);
    expect(created.verified).toBe(true);
    expect(created.bytes).toBeGreaterThan(0);
    expect(created.manifest).toMatchObject({ company: '测试商贸有限公司', encrypted: false });
    expect(created.manifest.tables.customers).toBe(0);
    expect(fs.existsSync(created.file)).toBe(true);

    // the backup is in the audit log and the history; the folder is remembered
    const audit1 = await t.ok('audit:list', { entity: 'backup' });
    expect(audit1.rows[0]).toMatchObject({ entity: 'backup', action: 'create', entityId: created.fileName });
    const st1: BackupStatus = await t.ok('backup:status', {});
    expect(st1.history[0]).toMatchObject({
      ok: true,
      verified: true,
      kind: 'manual',
      file: created.file,
      encrypted: false,
    });
    expect(st1.recentTargets.map((r) => r.path)).toEqual([path.resolve(usb)]);
    expect(st1.book.path).toBe(t.desk.ctx.book.path);
    expect(st1.book.bytes).toBeGreaterThan(0);
    expect(st1.defaultDir).toBe(path.join(t.dir, 'backups'));

    const insp: BackupInspectResult = await t.ok('backup:inspect', { file: created.file });
    expect(insp).toMatchObject({ verified: true, problem: null, compatible: true });
    expect(insp.manifest).toMatchObject({
      company: '测试商贸有限公司',
      createdAt: '2026-11-23T09:00:00.000Z',
      encrypted: false,
    });
    expect(insp.manifest!.totalRows).toBeGreaterThan(0);

    await t.ok('customers:create', HUASHENG);
    expect(await customerCount()).toBe(1);
    const sessionBefore = t.desk.ctx.session;

    // confirm is required
    const noConfirm = await t.call('backup:restore', { file: created.file });
    expect(noConfirm.ok).toBe(false);

    const restored = await t.ok('backup:restore', { file: created.file, confirm: true });
    expect(restored.restoredFrom).toBe(created.file);
    expect(restored.savedAside).toMatch(/\.before-restore-\d{8}-\d{6}$/);
    expect(restored.app.book.path).toBe(t.desk.ctx.book.path);
    expect(restored.app.book.customers).toBe(0);
    expect(await customerCount()).toBe(0);
    // a new session (the operator is asked again; one operator without password logs in by itself)
    expect(t.desk.ctx.session).not.toBe(sessionBefore);
    // the book lock is still ours, the book is writable
    expect(JSON.parse(fs.readFileSync(lockFileOf(t.desk.ctx.book.path), 'utf8')).pid).toBe(process.pid);
    await t.ok('customers:create', HUASHENG);
    expect(await customerCount()).toBe(1);

    // the saved-aside book holds what was there before the restore
    const aside = new Database(restored.savedAside, { readonly: true });
    expect((aside.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n).toBe(1);
    aside.close();

    const audit2 = await t.ok('audit:list', { entity: 'backup' });
    expect(audit2.rows.map((r: { action: string }) => r.action)).toContain('restore');
    const entry = audit2.rows.find((r: { action: string }) => r.action === 'restore');
    expect(entry.operatorName).toBe('管理员');
    expect(entry.after.restoredFrom).toBe(created.file);
    expect(entry.before.savedAside).toBe(restored.savedAside);

    // history survives the restore (it lives beside the books)
    const st2: BackupStatus = await t.ok('backup:status', {});
    expect(st2.history.some((h) => h.file === created.file)).toBe(true);
  });

  it('a restore needs a chosen operator', async () => {
    const created: BackupCreateResult = await t.ok('backup:create', { dir: usb });
    t.desk.ctx.session.operator = null;
    const r = await t.call('backup:restore', { file: created.file, confirm: true });
    expect(r).toMatchObject({ ok: false, error: { code: 'NO_OPERATOR' } });
  });
});

describe('passwords and damaged files', () => {
  it('encrypted backup: inspect without / with a wrong password names the problem; restore refuses; the book is untouched', async () => {
    await t.ok('customers:create', HUASHENG);
    const created: BackupCreateResult = await t.ok('backup:create', { dir: usb, password: '正确的口令 secret' });
    expect(created.manifest.encrypted).toBe(true);

    const noPw: BackupInspectResult = await t.ok('backup:inspect', { file: created.file });
    expect(noPw).toMatchObject({ verified: false, problem: 'password-required' });
    // #15 10e: without the password the manifest names no company and no row counts
    expect(noPw.manifest).toMatchObject({ encrypted: true, company: '', tables: {}, totalRows: 0 });

    const wrong: BackupInspectResult = await t.ok('backup:inspect', { file: created.file, password: 'wrong' });
    expect(wrong).toMatchObject({ verified: false, problem: 'wrong-password' });
    expect(wrong.message).toMatch(/wrong password/);

    const right: BackupInspectResult = await t.ok('backup:inspect', {
      file: created.file,
      password: '正确的口令 secret',
    });
    expect(right.verified).toBe(true);
    expect(right.manifest).toMatchObject({ company: '测试商贸有限公司', tables: { customers: 1 } });

    const r = await t.call('backup:restore', { file: created.file, password: 'wrong', confirm: true });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'password' } });
    expect((r as { error: { message: string } }).error.message).toMatch(/wrong password/);
    const job = await t.ok('backup:progress', {});
    expect(job).toMatchObject({ kind: 'restore', state: 'failed', problem: 'wrong-password' });

    // same book, same operator, data unchanged, nothing saved aside
    expect(await customerCount()).toBe(1);
    expect(t.desk.ctx.session.operator?.name).toBe('管理员');
    expect(fs.readdirSync(t.dir).filter((f) => f.includes('before-restore'))).toEqual([]);
    const audit = await t.ok('audit:list', { entity: 'backup' });
    expect(audit.rows[0]).toMatchObject({ action: 'restore-failed' });

    // the password is never stored
    const stateText = fs.readFileSync(path.join(t.dir, 'creditdesk-backup.json'), 'utf8');
    expect(stateText).not.toContain('正确的口令');

    // the right password restores
    await t.ok('customers:create', { ...HUASHENG, code: 'C000124', name: '第二家公司' });
    await t.ok('backup:restore', { file: created.file, password: '正确的口令 secret', confirm: true });
    expect(await customerCount()).toBe(1);
  });

  it('a damaged file is refused by inspect and restore; the current book is untouched', async () => {
    const created: BackupCreateResult = await t.ok('backup:create', { dir: usb });
    await t.ok('customers:create', HUASHENG);
    const buf = fs.readFileSync(created.file);
    const mid = Math.floor(buf.length / 2);
    buf[mid] ^= 0xff;
    buf[mid + 100] ^= 0x55;
    fs.writeFileSync(created.file, buf);

    const insp: BackupInspectResult = await t.ok('backup:inspect', { file: created.file });
    expect(insp.verified).toBe(false);
    expect(['checksum', 'integrity']).toContain(insp.problem);
    expect(insp.manifest).not.toBeNull();

    const r = await t.call('backup:restore', { file: created.file, confirm: true });
    expect(r.ok).toBe(false);
    expect(await customerCount()).toBe(1);
    expect(fs.readdirSync(t.dir).filter((f) => f.includes('before-restore'))).toEqual([]);

    // not a backup at all
    const junk = path.join(usb, 'junk.cdbak');
    fs.writeFileSync(junk, 'hello');
    const j: BackupInspectResult = await t.ok('backup:inspect', { file: junk });
    expect(j).toMatchObject({ verified: false, manifest: null, problem: 'not-a-backup' });
    const missing: BackupInspectResult = await t.ok('backup:inspect', { file: path.join(usb, 'nope.cdbak') });
    expect(missing.problem).toBe('not-found');
  });
});

describe('rotation, same disk, settings, validation, progress', () => {
  it('rotation keeps the newest N backups in the folder', async () => {
    let tick = Date.parse('2026-11-23T09:00:00.000Z');
    t.desk.backup.configure({ now: () => new Date((tick += 60_000)) }); // a minute per clock read
    await t.ok('backup:update-settings', { keep: 3 });
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await t.ok('backup:create', { dir: usb })).fileName);
    const files = cdbaks(usb);
    expect(files).toEqual(made.slice(2).sort());
    // other files in the folder are never touched
    fs.writeFileSync(path.join(usb, 'notes.txt'), 'x');
    await t.ok('backup:create', { dir: usb });
    expect(fs.existsSync(path.join(usb, 'notes.txt'))).toBe(true);
    expect(cdbaks(usb)).toHaveLength(3);
  });

  it('flags a target on the same disk as the book', async () => {
    const same: BackupCreateResult = await t.ok('backup:create', { dir: usb });
    expect(same.sameDiskWarning).toBe(true);
    const st: BackupStatus = await t.ok('backup:status', {});
    expect(st.recentTargets[0]).toMatchObject({ present: true, writable: true, sameDisk: true });
    if (fs.existsSync('/dev/shm') && fs.statSync('/dev/shm').dev !== fs.statSync(t.dir).dev) {
      const other = fs.mkdtempSync('/dev/shm/cd-other-');
      extra.push(other);
      const diff: BackupCreateResult = await t.ok('backup:create', { dir: other });
      expect(diff.sameDiskWarning).toBe(false);
    }
  });

  it('settings persist beside the books (a new desk on the same folder sees them)', async () => {
    const s = await t.ok('backup:update-settings', { auto: false, keep: 7, usbTarget: usb });
    expect(s).toEqual({ auto: false, keep: 7, usbTarget: path.resolve(usb) });
    const desk2 = new Desk({ mode: 'browser', userDataDir: t.dir, clock: fixedClock('2026-11-24T09:00:00.000Z') });
    const svc2 = desk2.backup;
    expect(svc2.state.read().settings).toEqual({ auto: false, keep: 7, usbTarget: path.resolve(usb) });
    const st: BackupStatus = await t.ok('backup:status', {});
    expect(st.settings).toEqual(s);
    expect((await t.ok('backup:update-settings', { usbTarget: null })).usbTarget).toBeNull();
  });

  it('validates inputs (renderer is untrusted)', async () => {
    const bad = [
      ['backup:create', { dir: '' }],
      ['backup:create', { dir: 'relative/folder' }],
      ['backup:create', { dir: usb, password: 'x'.repeat(300) }],
      ['backup:create', { dir: usb, extra: 1 }],
      ['backup:create', { dir: `${usb}\0x` }],
      ['backup:update-settings', { keep: 0 }],
      ['backup:update-settings', { keep: 1000 }],
      ['backup:update-settings', { usbTarget: 'not/absolute' }],
      ['backup:restore', { file: 'x.cdbak', confirm: false }],
    ] as const;
    for (const [ch, input] of bad) {
      const r = await t.call(ch, input);
      expect(r.ok, `${ch} ${JSON.stringify(input).slice(0, 60)}`).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('VALIDATION');
    }
    // a missing folder whose parent is missing too: the stick is not plugged in
    const r = await t.call('backup:create', { dir: path.join(usb, 'no', 'such') });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await t.ok('backup:progress', {})).problem).toBe('target-gone');
    // a missing folder whose parent exists is created
    const made: BackupCreateResult = await t.ok('backup:create', { dir: path.join(usb, '备份') });
    expect(fs.existsSync(made.file)).toBe(true);
  });

  it('reports progress while a job runs and refuses a second job meanwhile', async () => {
    expect(await t.ok('backup:progress', {})).toBeNull();
    const seen: number[] = [];
    const running = t.call('backup:create', { dir: usb, password: 'pw' });
    const second = await t.call('backup:create', { dir: usb });
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    let job = await t.ok('backup:progress', {});
    expect(job).toMatchObject({ kind: 'create', state: 'running' });
    while (job?.state === 'running') {
      seen.push(job.percent);
      await new Promise((r) => setTimeout(r, 1));
      job = await t.ok('backup:progress', {});
    }
    expect((await running).ok).toBe(true);
    expect(job).toMatchObject({ state: 'done', percent: 100, phase: 'done' });
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
  });

  it('lists removable drives from the OS answers', async () => {
    const mounts = [
      '/dev/vda1 / ext4 rw,relatime 0 0',
      'tmpfs /run tmpfs rw 0 0',
      '/dev/sdb1 /media/lisa/KINGSTON\\040U vfat rw,nosuid 0 0',
      '/dev/sdc1 /run/media/lisa/备份盘 exfat ro,nosuid 0 0',
      '/dev/sdd1 /mnt/usb ext4 rw 0 0',
      'proc /proc proc rw 0 0',
    ].join('\n');
    expect(parseLinuxMounts(mounts, 'lisa')).toEqual([
      { path: '/media/lisa/KINGSTON U', label: 'KINGSTON U', readOnly: false },
      { path: '/run/media/lisa/备份盘', label: '备份盘', readOnly: true },
      { path: '/mnt/usb', label: 'usb', readOnly: false },
    ]);
    expect(parseWmicDrives('DeviceID  \r\nE:        \r\nF:\r\n\r\n')).toEqual(['E:\\', 'F:\\']);
    t.desk.backup.configure({ listDrives: async () => [{ path: usb, label: 'STICK', readOnly: false }] });
    const drives = await t.ok('backup:drives', {});
    expect(drives).toEqual([
      { path: usb, label: 'STICK', present: true, writable: true, sameDisk: true, removable: true },
    ]);
    t.desk.backup.configure({
      listDrives: async () => {
        throw new Error('no wmic');
      },
    });
    expect(await t.ok('backup:drives', {})).toEqual([]);
  });
});

describe('automatic backups (fake clock)', () => {
  it('runs once per day, to <userData>/backups and the USB target when present; a missing stick is skipped', async () => {
    let now = new Date('2026-11-23T18:00:00.000Z');
    const svc = t.desk.backup.configure({ now: () => new Date(now) });
    await t.ok('backup:update-settings', { usbTarget: usb, keep: 2 });
    const defaultDir = path.join(t.dir, 'backups');

    const r1 = await svc.runAuto('daily');
    expect(r1.ran).toBe(true);
    expect(r1.targets.map((x) => [x.dir, x.ok, x.usb])).toEqual([
      [defaultDir, true, false],
      [path.resolve(usb), true, true],
    ]);
    expect(cdbaks(defaultDir)).toHaveLength(1);
    expect(cdbaks(usb)).toHaveLength(1);
    expect(svc.lastAutoAt()).toBe('2026-11-23T18:00:00.000Z');

    // not again the same day
    now = new Date(now.getTime() + 60 * 60_000);
    expect(await svc.runAuto('daily')).toMatchObject({ ran: false, skipped: 'not-due' });
    now = new Date(new Date('2026-11-23T18:00:00.000Z').getTime() + DAY_MS - 1000);
    expect((await svc.runAuto('daily')).ran).toBe(false);
    now = new Date(new Date('2026-11-23T18:00:00.000Z').getTime() + DAY_MS);
    expect((await svc.runAuto('daily')).ran).toBe(true);
    expect(cdbaks(defaultDir)).toHaveLength(2);

    // the stick is pulled: the local backup still runs, the USB target is skipped, nothing throws
    fs.rmSync(usb, { recursive: true, force: true });
    now = new Date(now.getTime() + DAY_MS + 1);
    const r3 = await svc.runAuto('daily');
    expect(r3.ran).toBe(true);
    expect(r3.targets[0]).toMatchObject({ dir: defaultDir, ok: true });
    expect(r3.targets[1]).toMatchObject({ usb: true, ok: false, skipped: true, problem: 'target-gone' });
    expect(cdbaks(defaultDir)).toHaveLength(2); // keep 2

    // on exit it always runs (when enabled); the history records the kinds
    now = new Date(now.getTime() + 60_000);
    const r4 = await svc.runAuto('exit');
    expect(r4.ran).toBe(true);
    const st: BackupStatus = await t.ok('backup:status', {});
    expect(st.history[0]).toMatchObject({ kind: 'auto-exit', ok: true, dir: defaultDir });
    expect(st.lastAutoAt).toBe(now.toISOString());
    const audit = await t.ok('audit:list', { entity: 'backup' });
    expect(audit.rows.filter((r: { action: string }) => r.action === 'create').length).toBeGreaterThanOrEqual(4);

    // switched off: nothing runs, except when asked explicitly
    await t.ok('backup:update-settings', { auto: false });
    now = new Date(now.getTime() + 2 * DAY_MS);
    expect(await svc.runAuto('exit')).toMatchObject({ ran: false, skipped: 'disabled' });
    expect(await svc.runAuto('daily')).toMatchObject({ ran: false, skipped: 'disabled' });
    const forced = await t.ok('backup:run-auto', {});
    expect(forced.ran).toBe(true);
  });

  it('waits for a running manual backup instead of failing', async () => {
    const manual = t.call('backup:create', { dir: usb });
    const auto = t.desk.backup.runAuto('exit');
    const [m, a] = await Promise.all([manual, auto]);
    expect(m.ok).toBe(true);
    expect(a.ran).toBe(true);
    expect(a.targets.every((x) => x.ok)).toBe(true);
  });

  it('with no book open it skips', async () => {
    const desk2 = new Desk({ mode: 'browser', userDataDir: tempDir('cd-nobook-') });
    extra.push(desk2.userDataDir);
    expect(await desk2.backup.runAuto('exit')).toMatchObject({ ran: false, skipped: 'no-book' });
    // nothing was written: no backup folder, no file in the user-data folder
    expect(fs.readdirSync(desk2.userDataDir)).toEqual([]);
  });
});
