// Backup channels (backup now, automatic backups, history, inspect, restore). Merged into
// contract.ts. The renderer is untrusted: paths are bounded strings without NUL bytes (the
// main process also requires them to be absolute), passwords have a maximum length and are
// never stored.
import { z } from 'zod';
import { channel } from './channel';
import {
  BACKUP_KEEP_MAX,
  BACKUP_PASSWORD_MAX,
  BACKUP_PATH_MAX,
  type AutoBackupResult,
  type BackupCreateResult,
  type BackupInspectResult,
  type BackupJob,
  type BackupRestoreResult,
  type BackupSettings,
  type BackupStatus,
  type BackupTarget,
} from '../types-backup';

const empty = z.object({}).strict().default({});
const fsPath = z
  .string()
  .trim()
  .min(1, 'required')
  .max(BACKUP_PATH_MAX, 'too_long')
  .refine((s) => !s.includes('\0'), 'invalid_option');
const fileToken = z.string().min(1).max(100);
const oneFile = (v: { file?: string; fileToken?: string }) => (v.file === undefined) !== (v.fileToken === undefined);
const password = z.string().min(1, 'required').max(BACKUP_PASSWORD_MAX, 'too_long');

export const backupChannels = {
  'backup:status': channel<BackupStatus>()(empty),
  'backup:drives': channel<BackupTarget[]>()(empty),
  // dir: typed or listed by main (drives, recent targets); dirToken: chosen in the desktop's folder dialog
  'backup:create': channel<BackupCreateResult>()(
    z
      .object({
        dir: fsPath.optional(),
        dirToken: z.string().min(1).max(100).optional(),
        password: password.optional(),
      })
      .strict()
      .refine((v) => (v.dir === undefined) !== (v.dirToken === undefined), { message: 'required', path: ['dir'] }),
  ),
  // file: typed (browser mode) or a backup main wrote; fileToken: chosen in the desktop's file
  // dialog (inspect keeps the token, restore spends it)
  'backup:inspect': channel<BackupInspectResult>()(
    z
      .object({ file: fsPath.optional(), fileToken: fileToken.optional(), password: password.optional() })
      .strict()
      .refine(oneFile, { message: 'required', path: ['file'] }),
  ),
  'backup:restore': channel<BackupRestoreResult>()(
    z
      .object({
        file: fsPath.optional(),
        fileToken: fileToken.optional(),
        password: password.optional(),
        confirm: z.literal(true),
      })
      .strict()
      .refine(oneFile, { message: 'required', path: ['file'] }),
  ),
  'backup:update-settings': channel<BackupSettings>()(
    z
      .object({
        auto: z.boolean(),
        keep: z.number().int().min(1).max(BACKUP_KEEP_MAX),
        usbTarget: fsPath.nullable(),
      })
      .partial()
      .strict(),
  ),
  /** polled by the UI (about every 300 ms) while a job runs */
  'backup:progress': channel<BackupJob | null>()(empty),
  /** run the automatic backup now (as on exit): to <userData>/backups and the USB target when present */
  'backup:run-auto': channel<AutoBackupResult>()(empty),
} as const;
