// The backup service of the desk: backup now (any folder, USB stick typically, optional
// password), automatic backups (on exit and daily, to <userData>/backups and the USB target
// when it is plugged in), inspect and restore, history, settings, progress. The file format,
// verification and the atomic restore are the core's (main/db/backup); this file adds the
// desk around it: one job at a time, progress for the UI, the state file, the audit log, and
// closing/reopening the book around a restore.
import { isServerMessageKey, serverError, type MessageValues } from '../../../shared/messages/server-messages';
import fsp from 'node:fs/promises';
import path from 'node:path';
import {
  APP_SCHEMA_VERSION,
  BackupError,
  keyedBackupError,
  createBackup,
  readManifest,
  readSchemaVersion,
  restoreBackup,
  verifyBackup,
  type BackupManifest,
} from '../../db/backup';
import type {
  AutoBackupResult,
  AutoBackupTargetResult,
  BackupCreateResult,
  BackupHistoryEntry,
  BackupInspectResult,
  BackupJob,
  BackupJobKind,
  BackupJobPhase,
  BackupKind,
  BackupManifestSummary,
  BackupProblemCode,
  BackupRestoreResult,
  BackupSettings,
  BackupStatus,
  BackupTarget,
} from '../../../shared/types-backup';
import type { Operator } from '../../../shared/types';
import { writeAudit, type AuditRecord } from '../audit';
import type { ServiceContext } from '../context';
import type { BookHost } from '../host';
import { getCompany } from '../settings';
import { listRemovableDrives, probeDir, resolveUserPath, sameDisk, underRemovableRoot, type DriveInfo } from './drives';
import { BackupStateFile } from './state';

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface BackupServiceOptions {
  /** Clock for file names, history and the daily check (default: the host's clock). */
  now?: () => Date;
  /** scrypt cost (tests use a cheap one; default: the core's). */
  kdf?: { N: number; r: number; p: number };
  /** Removable drives (tests inject; default: ask the OS). */
  listDrives?: () => Promise<DriveInfo[]>;
  /** Scratch folder for snapshots and verification copies (default: OS temp). */
  tempDir?: string;
}

type ProgressPhase = 'snapshot' | 'write' | 'verify' | 'restore';

/** Where each phase sits on the job's overall 0..100 bar. */
const RANGES: Record<BackupJobKind, Partial<Record<BackupJobPhase, [number, number]>>> = {
  create: { start: [0, 0], snapshot: [0, 35], write: [35, 65], verify: [65, 99], done: [100, 100] },
  auto: { start: [0, 0], snapshot: [0, 35], write: [35, 65], verify: [65, 99], done: [100, 100] },
  inspect: { start: [0, 0], verify: [0, 99], done: [100, 100] },
  restore: { start: [0, 0], close: [0, 2], verify: [2, 85], restore: [85, 90], reopen: [90, 99], done: [100, 100] },
};

class Job {
  readonly data: BackupJob;
  constructor(id: number, kind: BackupJobKind, now: Date, targets = 1) {
    this.data = {
      id,
      kind,
      phase: 'start',
      done: 0,
      total: 0,
      percent: 0,
      target: 1,
      targets: Math.max(1, targets),
      startedAt: now.toISOString(),
      finishedAt: null,
      state: 'running',
      problem: null,
      message: null,
    };
  }
  set(phase: BackupJobPhase, done = 0, total = 0): void {
    const d = this.data;
    const [a, b] = RANGES[d.kind][phase] ?? [d.percent, d.percent];
    const frac = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
    const within = a + (b - a) * frac;
    const pct = d.kind === 'auto' ? ((d.target - 1) * 100 + within) / d.targets : within;
    d.phase = phase;
    d.done = done;
    d.total = total;
    d.percent = Math.round(Math.max(pct, phase === 'start' ? 0 : Math.min(d.percent, 99)) * 10) / 10;
  }
  progress = (done: number, total: number, phase: ProgressPhase) => this.set(phase, done, total);
}

function problemOf(e: unknown): BackupProblemCode | null {
  return e instanceof BackupError ? e.problem : null;
}

function messageOf(e: unknown): string {
  return (e as Error)?.message ?? String(e);
}

/** The error's sentence with its message key, so the page can show it in the user's language. */
function detailOf(e: unknown): { message: string; messageKey: string | null; messageValues: MessageValues } {
  const k = e as { key?: string; values?: MessageValues } | null;
  return {
    message: messageOf(e),
    messageKey: isServerMessageKey(k?.key) ? k.key : null,
    messageValues: k?.values ?? {},
  };
}

/** A failed backup or restore in the audit log: its message as key + values (`after.problem`),
 *  shown in the reader's language; the English sentence only when the error has no key. */
function failureRecord(e: unknown, after: Record<string, unknown>): { after: unknown; note: string | null } {
  const d = detailOf(e);
  if (d.messageKey) return { after: { ...after, problem: { key: d.messageKey, values: d.messageValues } }, note: null };
  return { after, note: d.message.slice(0, 500) };
}

export function summarizeManifest(m: BackupManifest): BackupManifestSummary {
  return {
    company: m.company,
    createdAt: m.createdAt,
    appVersion: m.appVersion,
    schemaVersion: m.schemaVersion,
    encrypted: m.encrypted,
    payloadBytes: m.payloadBytes,
    tables: { ...m.tables },
    totalRows: Object.values(m.tables).reduce((a, b) => a + b, 0),
  };
}

async function fileBytes(file: string): Promise<number> {
  try {
    return (await fsp.stat(file)).size;
  } catch {
    return 0;
  }
}

export class BackupService {
  readonly state: BackupStateFile;
  private readonly opts: BackupServiceOptions;
  private job: Job | null = null;
  private running: Promise<unknown> | null = null;
  private jobSeq = 0;

  constructor(
    readonly host: BookHost,
    opts: BackupServiceOptions = {},
  ) {
    this.opts = opts;
    this.state = new BackupStateFile(host.userDataDir);
  }

  configure(opts: BackupServiceOptions): this {
    Object.assign(this.opts, opts);
    return this;
  }

  private now(): Date {
    return this.opts.now ? this.opts.now() : this.host.clock.now();
  }

  /** Automatic backups always go here (created when needed). */
  get defaultDir(): string {
    return path.join(this.host.userDataDir, 'backups');
  }

  // ---- jobs -------------------------------------------------------------------------------

  /** The running job, or the last finished one (its problem tells the UI what went wrong). */
  progress(): BackupJob | null {
    return this.job ? { ...this.job.data } : null;
  }

  get busy(): boolean {
    return this.running !== null;
  }

  private async runJob<T>(kind: BackupJobKind, fn: (job: Job) => Promise<T>, targets = 1): Promise<T> {
    if (this.running) throw serverError('CONFLICT', 'backup_running');
    const job = new Job(++this.jobSeq, kind, this.now(), targets);
    this.job = job;
    const p = (async () => {
      try {
        const out = await fn(job);
        job.set('done', 1, 1);
        job.data.state = 'done';
        return out;
      } catch (e) {
        job.data.state = 'failed';
        job.data.problem = problemOf(e);
        Object.assign(job.data, detailOf(e));
        throw e;
      } finally {
        job.data.finishedAt = this.now().toISOString();
      }
    })();
    this.running = p;
    try {
      return await p;
    } finally {
      this.running = null;
    }
  }

  /** Wait for a running job (automatic backups queue behind a manual one instead of failing). */
  private async idle(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
  }

  // ---- status -----------------------------------------------------------------------------

  private bookCtx(): ServiceContext | null {
    try {
      return this.host.ctx;
    } catch {
      return null;
    }
  }

  private async company(ctx: ServiceContext): Promise<string> {
    try {
      const name = (await getCompany(ctx)).name.trim();
      if (name) return name;
    } catch {
      /* fall back to the file name */
    }
    return path.basename(ctx.book.path).replace(/\.[^.]+$/, '') || 'book';
  }

  private async target(p: string, bookPath: string | null, removable: boolean, label?: string): Promise<BackupTarget> {
    const probe = await probeDir(p);
    return {
      path: p,
      label: label ?? (path.basename(p) || p),
      present: probe.present,
      writable: probe.writable,
      sameDisk: probe.present && bookPath ? await sameDisk(p, bookPath) : false,
      removable,
    };
  }

  async drives(): Promise<BackupTarget[]> {
    const bookPath = this.bookCtx()?.book.path ?? null;
    let found: DriveInfo[] = [];
    try {
      found = await (this.opts.listDrives ?? (() => listRemovableDrives()))();
    } catch {
      found = [];
    }
    return Promise.all(
      found.map(async (d) => {
        const t = await this.target(d.path, bookPath, true, d.label);
        return d.readOnly ? { ...t, writable: false } : t;
      }),
    );
  }

  /** The folders main itself offers for a backup (drives, recent targets, default, USB setting):
   *  the desktop renderer may name these without a folder dialog (ipc/dialog-paths.ts). */
  async offeredDirs(): Promise<Set<string>> {
    const state = this.state.read();
    const drives = await this.drives();
    const all = [...drives.map((d) => d.path), ...state.recentTargets, this.defaultDir];
    if (state.settings.usbTarget) all.push(state.settings.usbTarget);
    return new Set(all.map((p) => path.resolve(p)));
  }

  /** Backup files main itself wrote (successful entries of the history), resolved. */
  writtenFiles(): Set<string> {
    const files = this.state.read().history.flatMap((h) => (h.ok && h.file ? [path.resolve(h.file)] : []));
    return new Set(files);
  }

  lastAutoAt(bookPath?: string): string | null {
    const book = bookPath ?? this.bookCtx()?.book.path;
    if (!book) return null;
    const e = this.state.read().history.find((h) => h.ok && h.bookPath === book && h.kind !== 'manual');
    return e?.at ?? null;
  }

  /** An automatic backup is due when the last one of the open book is 24 hours old (or none). */
  isAutoDue(): boolean {
    const last = this.lastAutoAt();
    if (!last) return true;
    return this.now().getTime() - new Date(last).getTime() >= DAY_MS;
  }

  async status(): Promise<BackupStatus> {
    const ctx = this.host.ctx;
    const state = this.state.read();
    const bookPath = ctx.book.path;
    const [drives, recentTargets, company] = await Promise.all([
      this.drives(),
      Promise.all(state.recentTargets.map((t) => this.target(t, bookPath, false))),
      this.company(ctx),
    ]);
    const driveSet = new Set(drives.map((d) => d.path));
    return {
      settings: state.settings,
      history: state.history.filter((h) => h.bookPath === bookPath).slice(0, 100),
      recentTargets: recentTargets.map((t) => (driveSet.has(t.path) ? { ...t, removable: true } : t)),
      drives,
      defaultDir: this.defaultDir,
      book: { path: bookPath, company, bytes: (await fileBytes(bookPath)) + (await fileBytes(`${bookPath}-wal`)) },
      lastAutoAt: this.lastAutoAt(bookPath),
      job: this.progress(),
    };
  }

  updateSettings(patch: Partial<BackupSettings>): BackupSettings {
    const clean = { ...patch };
    if (clean.usbTarget) clean.usbTarget = resolveUserPath(clean.usbTarget, 'usbTarget');
    return this.state.updateSettings(clean);
  }

  // ---- backup -----------------------------------------------------------------------------

  /** Backup now, to a folder the user chose. The password is used for this file only. */
  async create(input: { dir: string; password?: string }): Promise<BackupCreateResult> {
    const dir = resolveUserPath(input.dir, 'dir');
    return this.runJob('create', async (job) => {
      const r = await this.backupTo(dir, { password: input.password, kind: 'manual', job, createFolder: 'parent' });
      this.state.rememberTarget(dir);
      return r;
    });
  }

  private async ensureFolder(dir: string, how: 'parent' | 'all'): Promise<void> {
    if ((await probeDir(dir)).present) return;
    // A missing folder whose parent exists is created (a new "备份" folder on the stick); a
    // missing parent usually means the stick is not plugged in: the core says so.
    if (how === 'all' || (await probeDir(path.dirname(dir))).present) {
      await fsp.mkdir(dir, { recursive: how === 'all' }).catch(() => undefined);
    }
  }

  private async backupTo(
    dir: string,
    o: { password?: string; kind: BackupKind; job: Job; createFolder: 'parent' | 'all' },
  ): Promise<BackupCreateResult> {
    const ctx = this.host.ctx;
    const started = this.now();
    const company = await this.company(ctx);
    await this.ensureFolder(dir, o.createFolder);
    const warnSameDisk = await sameDisk(dir, ctx.book.path);
    const settings = this.state.read().settings;
    const entry = (over: Partial<BackupHistoryEntry>): BackupHistoryEntry => ({
      id: `${started.getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
      at: this.now().toISOString(),
      kind: o.kind,
      bookPath: ctx.book.path,
      company,
      dir,
      file: null,
      bytes: 0,
      encrypted: !!o.password,
      verified: false,
      ok: false,
      problem: null,
      message: null,
      durationMs: Math.max(0, this.now().getTime() - started.getTime()),
      rotated: 0,
      ...over,
    });
    o.job.set('snapshot', 0, 1);
    try {
      const r = await createBackup({
        sqlite: ctx.book.sqlite,
        toDir: dir,
        password: o.password,
        company,
        appVersion: this.host.appVersion,
        schemaVersion: readSchemaVersion(ctx.book.sqlite),
        now: started,
        keep: settings.keep,
        onProgress: o.job.progress,
        kdf: this.opts.kdf,
        tempDir: this.opts.tempDir,
      });
      const bytes = await fileBytes(r.file);
      this.state.addHistory(entry({ file: r.file, bytes, verified: true, ok: true, rotated: r.rotated.length }));
      await this.audit(ctx, {
        entity: 'backup',
        entityId: path.basename(r.file),
        action: 'create',
        after: {
          kind: o.kind,
          file: r.file,
          bytes,
          encrypted: r.manifest.encrypted,
          verified: true,
          sha256: r.manifest.sha256,
          rotated: r.rotated.length,
        },
      });
      return {
        file: r.file,
        fileName: path.basename(r.file),
        bytes,
        verified: true,
        manifest: summarizeManifest(r.manifest),
        sameDiskWarning: warnSameDisk,
        rotated: r.rotated,
      };
    } catch (e) {
      this.state.addHistory(entry({ problem: problemOf(e) ?? 'io', ...detailOf(e) }));
      await this.audit(ctx, {
        entity: 'backup',
        entityId: null,
        action: 'create-failed',
        ...failureRecord(e, { kind: o.kind, dir }),
      });
      throw e;
    }
  }

  /** The audit log records backups and restores; a failure to write it never fails the backup. */
  private async audit(ctx: ServiceContext, rec: AuditRecord): Promise<void> {
    try {
      await writeAudit(ctx, ctx.book.db, rec);
    } catch {
      /* e.g. the book is read-only: the backup itself is done and in the history */
    }
  }

  // ---- automatic backups ------------------------------------------------------------------

  /**
   * The automatic backup: to <userData>/backups, and to the USB target when it is present and
   * writable (a missing stick is skipped, not an error). `daily` runs only when the last
   * automatic backup of the open book is 24 h old; `exit` always runs (when enabled);
   * `force` ignores the on/off setting (the user asked for it). Never throws for a target.
   */
  async runAuto(reason: 'exit' | 'daily', opts: { force?: boolean } = {}): Promise<AutoBackupResult> {
    const settings = this.state.read().settings;
    if (!settings.auto && !opts.force) return { ran: false, skipped: 'disabled', targets: [] };
    await this.idle();
    const ctx = this.bookCtx();
    if (!ctx) return { ran: false, skipped: 'no-book', targets: [] };
    if (reason === 'daily' && !opts.force && !this.isAutoDue()) return { ran: false, skipped: 'not-due', targets: [] };

    const plan: { dir: string; usb: boolean }[] = [{ dir: this.defaultDir, usb: false }];
    if (settings.usbTarget && path.resolve(settings.usbTarget) !== path.resolve(this.defaultDir))
      plan.push({ dir: settings.usbTarget, usb: true });

    const results: AutoBackupTargetResult[] = [];
    const runnable: { dir: string; usb: boolean }[] = [];
    for (const t of plan) {
      if (!t.usb) {
        runnable.push(t);
        continue;
      }
      const probe = await probeDir(t.dir);
      const emptyMountPoint = probe.present && underRemovableRoot(t.dir) && (await sameDisk(t.dir, ctx.book.path));
      if (!probe.present || !probe.writable || emptyMountPoint) {
        results.push({
          dir: t.dir,
          usb: true,
          ok: false,
          skipped: true,
          file: null,
          problem: !probe.present || emptyMountPoint ? 'target-gone' : 'target-unwritable',
          ...detailOf(
            !probe.present || emptyMountPoint
              ? keyedBackupError('target-gone', 'backup_usb_missing', { dir: t.dir })
              : keyedBackupError('target-unwritable', 'backup_usb_read_only', { dir: t.dir }),
          ),
        });
        continue;
      }
      runnable.push(t);
    }
    const kind: BackupKind = reason === 'exit' ? 'auto-exit' : 'auto-daily';
    // a manual backup may have started while the targets were probed: queue behind it again
    // (the check and runJob's start are in the same tick, so nothing slips in between)
    while (this.running) await this.idle();
    try {
      await this.runJob(
        'auto',
        async (job) => {
          for (let i = 0; i < runnable.length; i++) {
            const t = runnable[i];
            job.data.target = i + 1;
            try {
              const r = await this.backupTo(t.dir, { kind, job, createFolder: t.usb ? 'parent' : 'all' });
              results.push({
                dir: t.dir,
                usb: t.usb,
                ok: true,
                skipped: false,
                file: r.file,
                problem: null,
                message: null,
              });
            } catch (e) {
              results.push({
                dir: t.dir,
                usb: t.usb,
                ok: false,
                skipped: false,
                file: null,
                problem: problemOf(e) ?? 'io',
                ...detailOf(e),
              });
            }
          }
        },
        runnable.length,
      );
    } catch (e) {
      // another job slipped in between idle() and here: report, never throw
      results.push({
        dir: this.defaultDir,
        usb: false,
        ok: false,
        skipped: true,
        file: null,
        problem: null,
        ...detailOf(e),
      });
    }
    const order = (r: AutoBackupTargetResult) => plan.findIndex((p) => p.dir === r.dir);
    results.sort((a, b) => order(a) - order(b));
    return { ran: true, skipped: null, targets: results };
  }

  // ---- inspect and restore ----------------------------------------------------------------

  /** What a backup holds and whether it verifies (with the password when encrypted). */
  async inspect(input: { file: string; password?: string }): Promise<BackupInspectResult> {
    const file = resolveUserPath(input.file, 'file');
    return this.runJob('inspect', async (job) => {
      let manifest: BackupManifest;
      try {
        manifest = await readManifest(file);
      } catch (e) {
        if (!(e instanceof BackupError)) throw e;
        return { file, verified: false, manifest: null, problem: e.problem, ...detailOf(e), compatible: false };
      }
      const summary = summarizeManifest(manifest);
      const compatible = manifest.schemaVersion <= APP_SCHEMA_VERSION;
      try {
        const verified = await verifyBackup(file, {
          password: input.password,
          maxSchemaVersion: APP_SCHEMA_VERSION,
          appSchema: true,
          onProgress: job.progress,
          tempDir: this.opts.tempDir,
        });
        // an encrypted backup's company and row counts are sealed: shown once the password opened them
        const opened = summarizeManifest(verified.manifest);
        return { file, verified: true, manifest: opened, problem: null, message: null, compatible };
      } catch (e) {
        if (!(e instanceof BackupError)) throw e;
        return { file, verified: false, manifest: summary, problem: e.problem, ...detailOf(e), compatible };
      }
    });
  }

  /**
   * Restore the open book from a backup. Only a file that verifies is restored (the core
   * verifies before touching anything); the current book is saved aside first (core); the
   * desk closes its connection (keeping its lock) and reopens the restored book with a new
   * session. On failure the old book is reopened untouched with the same operator.
   */
  async restore(input: { file: string; password?: string }): Promise<BackupRestoreResult> {
    const file = resolveUserPath(input.file, 'file');
    return this.runJob('restore', async (job) => {
      const before = this.host.ctx;
      const operator: Operator | null = before.session.operator;
      job.set('close', 0, 1);
      let r;
      try {
        r = await this.host.withBookClosed(async (dbPath) => {
          const out = await restoreBackup(file, {
            dbPath,
            password: input.password,
            maxSchemaVersion: APP_SCHEMA_VERSION,
            appSchema: true,
            now: this.now(),
            onProgress: job.progress,
          });
          job.set('reopen', 0, 1);
          return out;
        });
      } catch (e) {
        const ctx = this.bookCtx();
        if (ctx)
          await this.audit(ctx, {
            entity: 'backup',
            entityId: path.basename(file),
            action: 'restore-failed',
            ...failureRecord(e, { file }),
          });
        throw e;
      }
      const ctx = this.host.ctx;
      // the restored book has its own operators: record who did it by name only
      const by: ServiceContext = {
        ...ctx,
        session: { operator: operator ? { id: 0, name: operator.name, hasPassword: false } : null },
      };
      await this.audit(by, {
        entity: 'backup',
        entityId: path.basename(file),
        action: 'restore',
        before: { savedAside: r.savedAside },
        after: {
          restoredFrom: r.restoredFrom,
          company: r.manifest.company,
          createdAt: r.manifest.createdAt,
          appVersion: r.manifest.appVersion,
          encrypted: r.manifest.encrypted,
        },
      });
      return {
        restoredFrom: r.restoredFrom,
        savedAside: r.savedAside,
        manifest: summarizeManifest(r.manifest),
        app: await this.host.info(),
      };
    });
  }
}
