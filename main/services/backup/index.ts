// The desk's backup service (one per Desk, shared by the IPC handlers and the Electron shell's
// automatic backups). See README.md beside this file.
import type { Desk } from '../../app/desk';
import { BackupService, type BackupServiceOptions } from './service';

export { BackupService, DAY_MS, summarizeManifest, type BackupServiceOptions } from './service';
export { BackupStateFile, STATE_FILE, DEFAULT_SETTINGS } from './state';
export { listRemovableDrives, parseLinuxMounts, parseWmicDrives, resolveUserPath, sameDisk, type DriveInfo } from './drives';

const services = new WeakMap<Desk, BackupService>();

/** The backup service of a desk (created on first use; `opts` are applied when given). */
export function backupServiceFor(desk: Desk, opts?: BackupServiceOptions): BackupService {
  let s = services.get(desk);
  if (!s) {
    s = new BackupService(desk, opts);
    services.set(desk, s);
  } else if (opts) s.configure(opts);
  return s;
}
