// The backup service (one per open-book host: Desk builds it; the IPC handlers and the Electron
// shell's automatic backups share it). See README.md beside this file.
export { BackupService, DAY_MS, summarizeManifest, type BackupServiceOptions } from './service';
export { BackupStateFile, STATE_FILE, DEFAULT_SETTINGS } from './state';
export {
  listRemovableDrives,
  parseLinuxMounts,
  parseWmicDrives,
  resolveUserPath,
  sameDisk,
  type DriveInfo,
} from './drives';
