// Data shapes of the backup channels (shared/ipc/backup.ts). Paths are plain strings of the
// main process' file system; times are ISO-8601 UTC moments.
import type { AppInfo } from './types';

/** Mirror of main/db/backup/errors.ts BackupProblem (shared code cannot import main). */
export type BackupProblemCode =
  | 'not-found'
  | 'not-a-backup'
  | 'incomplete'
  | 'unsupported-format'
  | 'truncated'
  | 'damaged'
  | 'manifest-damaged'
  | 'manifest-swapped'
  | 'checksum'
  | 'password-required'
  | 'wrong-password'
  | 'newer-schema'
  | 'integrity'
  | 'row-counts'
  | 'source-damaged'
  | 'disk-full'
  | 'target-gone'
  | 'target-unwritable'
  | 'book-in-use'
  | 'io';

export const BACKUP_KEEP_DEFAULT = 10;
export const BACKUP_KEEP_MAX = 100;
export const BACKUP_PASSWORD_MAX = 256;
export const BACKUP_PATH_MAX = 4096;

export interface BackupSettings {
  /** automatic backups on exit and daily */
  auto: boolean;
  /** rotation: newest N backups of the book kept in each target folder */
  keep: number;
  /** folder on a USB stick for automatic backups too (used only when present and writable) */
  usbTarget: string | null;
}

/** What a backup's manifest says, shown before a restore is confirmed. */
export interface BackupManifestSummary {
  company: string;
  createdAt: string;
  appVersion: string;
  schemaVersion: number;
  encrypted: boolean;
  /** size of the book image inside the backup */
  payloadBytes: number;
  /** row count per table */
  tables: Record<string, number>;
  totalRows: number;
}

export type BackupKind = 'manual' | 'auto-exit' | 'auto-daily';

export interface BackupHistoryEntry {
  id: string;
  /** when the backup finished (ISO) */
  at: string;
  kind: BackupKind;
  bookPath: string;
  company: string;
  /** target folder */
  dir: string;
  /** the written file (null when the backup failed) */
  file: string | null;
  bytes: number;
  encrypted: boolean;
  /** read back and verified completely (always true for a successful backup) */
  verified: boolean;
  ok: boolean;
  problem: BackupProblemCode | null;
  message: string | null;
  /** the message's key and values (shared/messages): shown in the user's language (#16) */
  messageKey?: string | null;
  messageValues?: Record<string, string | number>;
  durationMs: number;
  /** older backups deleted by rotation */
  rotated: number;
}

export interface BackupTarget {
  path: string;
  /** drive label or folder name */
  label: string;
  /** folder exists */
  present: boolean;
  writable: boolean;
  /** on the same disk as the open book: a backup there does not survive a disk failure */
  sameDisk: boolean;
  /** the OS reports it as a removable drive */
  removable: boolean;
}

export type BackupJobKind = 'create' | 'inspect' | 'restore' | 'auto';
export type BackupJobPhase = 'start' | 'snapshot' | 'write' | 'verify' | 'close' | 'restore' | 'reopen' | 'done';

export interface BackupJob {
  id: number;
  kind: BackupJobKind;
  phase: BackupJobPhase;
  /** bytes or pages of the current phase */
  done: number;
  total: number;
  /** overall 0..100 */
  percent: number;
  /** for auto backups: which target (1-based) of how many */
  target: number;
  targets: number;
  startedAt: string;
  finishedAt: string | null;
  state: 'running' | 'done' | 'failed';
  problem: BackupProblemCode | null;
  message: string | null;
  /** the message's key and values (shared/messages): shown in the user's language (#16) */
  messageKey?: string | null;
  messageValues?: Record<string, string | number>;
}

export interface BackupStatus {
  settings: BackupSettings;
  /** newest first; backups of the open book */
  history: BackupHistoryEntry[];
  recentTargets: BackupTarget[];
  drives: BackupTarget[];
  /** <userData>/backups: where automatic backups always go */
  defaultDir: string;
  book: { path: string; company: string; bytes: number };
  lastAutoAt: string | null;
  /** the running job, or the last finished one */
  job: BackupJob | null;
}

export interface BackupCreateResult {
  file: string;
  fileName: string;
  bytes: number;
  verified: true;
  manifest: BackupManifestSummary;
  /** the target is on the same disk as the book */
  sameDiskWarning: boolean;
  rotated: string[];
}

export interface BackupInspectResult {
  file: string;
  /** the file verifies completely (with the password when encrypted): restore is possible */
  verified: boolean;
  /** null when even the manifest cannot be read */
  manifest: BackupManifestSummary | null;
  problem: BackupProblemCode | null;
  message: string | null;
  /** the message's key and values (shared/messages): shown in the user's language (#16) */
  messageKey?: string | null;
  messageValues?: Record<string, string | number>;
  /** this app can restore this backup schema */
  compatible: boolean;
}

export interface BackupRestoreResult {
  restoredFrom: string;
  /** where the previous book was saved */
  savedAside: string | null;
  manifest: BackupManifestSummary;
  app: AppInfo;
}

export interface AutoBackupTargetResult {
  dir: string;
  usb: boolean;
  ok: boolean;
  skipped: boolean;
  file: string | null;
  problem: BackupProblemCode | null;
  message: string | null;
  /** the message's key and values (shared/messages): shown in the user's language (#16) */
  messageKey?: string | null;
  messageValues?: Record<string, string | number>;
}

export interface AutoBackupResult {
  ran: boolean;
  /** why nothing ran: 'disabled' | 'not-due' | 'no-book' */
  skipped: string | null;
  targets: AutoBackupTargetResult[];
}
