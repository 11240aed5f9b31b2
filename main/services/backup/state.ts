// The backup state file `<userData>/creditdesk-backup.json`: settings, recent target folders
// and the history of backups made. It lives beside the books, not inside one, so restoring a
// book (which replaces its `settings` table) neither loses the history nor the settings, and a
// history entry can be written even when the book itself is unreadable. Passwords are never
// written here.
import fs from 'node:fs';
import path from 'node:path';
import {
  BACKUP_KEEP_DEFAULT,
  BACKUP_KEEP_MAX,
  type BackupHistoryEntry,
  type BackupSettings,
} from '../../../shared/types-backup';

export const STATE_FILE = 'creditdesk-backup.json';
export const HISTORY_MAX = 500;
export const RECENT_TARGETS_MAX = 8;

export interface BackupState {
  version: 1;
  settings: BackupSettings;
  recentTargets: string[];
  history: BackupHistoryEntry[];
}

export const DEFAULT_SETTINGS: BackupSettings = { auto: true, keep: BACKUP_KEEP_DEFAULT, usbTarget: null };

function clampKeep(n: unknown): number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 ? Math.min(n, BACKUP_KEEP_MAX) : BACKUP_KEEP_DEFAULT;
}

export class BackupStateFile {
  readonly file: string;
  constructor(userDataDir: string) {
    this.file = path.join(userDataDir, STATE_FILE);
  }

  read(): BackupState {
    let raw: Partial<BackupState> = {};
    try {
      raw = JSON.parse(fs.readFileSync(this.file, 'utf8')) as Partial<BackupState>;
    } catch {
      /* first run or a damaged file: defaults */
    }
    const s = (raw.settings ?? {}) as Partial<BackupSettings>;
    return {
      version: 1,
      settings: {
        auto: typeof s.auto === 'boolean' ? s.auto : DEFAULT_SETTINGS.auto,
        keep: clampKeep(s.keep),
        usbTarget: typeof s.usbTarget === 'string' && s.usbTarget ? s.usbTarget : null,
      },
      recentTargets: Array.isArray(raw.recentTargets)
        ? raw.recentTargets.filter((t): t is string => typeof t === 'string').slice(0, RECENT_TARGETS_MAX)
        : [],
      history: Array.isArray(raw.history)
        ? raw.history.filter((h) => h && typeof h === 'object' && typeof h.at === 'string')
        : [],
    };
  }

  private write(state: BackupState): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(state, null, 2));
    fs.renameSync(tmp, this.file);
  }

  update(fn: (s: BackupState) => BackupState | void): BackupState {
    const s = this.read();
    const next = fn(s) ?? s;
    this.write(next);
    return next;
  }

  updateSettings(patch: Partial<BackupSettings>): BackupSettings {
    return this.update((s) => {
      s.settings = {
        auto: patch.auto ?? s.settings.auto,
        keep: patch.keep !== undefined ? clampKeep(patch.keep) : s.settings.keep,
        usbTarget: patch.usbTarget !== undefined ? patch.usbTarget || null : s.settings.usbTarget,
      };
    }).settings;
  }

  rememberTarget(dir: string): void {
    this.update((s) => {
      s.recentTargets = [dir, ...s.recentTargets.filter((t) => t !== dir)].slice(0, RECENT_TARGETS_MAX);
    });
  }

  addHistory(entry: BackupHistoryEntry): void {
    this.update((s) => {
      s.history = [entry, ...s.history].slice(0, HISTORY_MAX);
    });
  }
}
