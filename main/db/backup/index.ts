// Book safety: verified, optionally encrypted one-file backups (`.cdbak`) and safe restore.
export { createBackup, type CreateBackupOptions, type CreateBackupResult } from './create';
export { verifyBackup, readManifest, inspectBackup, type VerifyOptions, type ProgressFn } from './verify';
export { restoreBackup, type RestoreOptions, type RestoreResult } from './restore';
export { BackupError, keyedBackupError, type BackupProblem } from './errors';
export {
  BACKUP_EXT,
  FORMAT_VERSION,
  backupFileName,
  sanitizeCompany,
  timeStamp,
  type BackupManifest,
  type KdfParams,
  type CipherParams,
} from './format';
export type { BackupTargetFs, TargetHandle } from './fsutil';
export {
  APP_SCHEMA_VERSION,
  readCompanyName,
  readSchemaVersion,
  readAppVersion,
  setBackupNativeBinding,
} from './book-info';
