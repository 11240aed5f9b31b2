// Handlers for the backup channels (shared/ipc/backup.ts). Reading the status, inspecting and
// backing up need an open book; restoring replaces the book and needs a chosen operator.
import type { backupChannels } from '../../shared/ipc/backup';
import type { Desk } from '../app/desk';
import type { Handler } from './handlers';
import { readerContext, writerContext } from './session';
import { assertOfferedUsbTarget, backupDirFrom, backupFileFrom } from './dialog-paths';

type BackupChannel = keyof typeof backupChannels;

export function backupHandlers(desk: Desk): { [C in BackupChannel]: Handler<C> } {
  const svc = () => desk.backup;
  return {
    'backup:status': async () => svc().status(),
    'backup:drives': async () => {
      readerContext(desk);
      return svc().drives();
    },
    'backup:create': async (input) => {
      readerContext(desk);
      return svc().create({ dir: await backupDirFrom(desk, input), password: input.password });
    },
    'backup:inspect': async (input) => {
      readerContext(desk);
      return svc().inspect({ file: backupFileFrom(desk, input, 'inspect'), password: input.password });
    },
    'backup:restore': async (input) => {
      writerContext(desk);
      return svc().restore({ file: backupFileFrom(desk, input, 'restore'), password: input.password });
    },
    'backup:update-settings': async (patch) => {
      writerContext(desk);
      await assertOfferedUsbTarget(desk, patch.usbTarget);
      return svc().updateSettings(patch);
    },
    'backup:progress': async () => svc().progress(),
    'backup:run-auto': async () => {
      readerContext(desk);
      return svc().runAuto('daily', { force: true });
    },
  };
}
