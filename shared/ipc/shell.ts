// The desktop shell's own channels (not in the browser-mode API: they open native dialogs or
// print the window). The preload exposes them as window.creditdeskShell; main/shell/main.ts
// handles them after checking the sender. One list, one type, used by all three.
import type { StagedFileOut } from './files';

export const SHELL_CHANNELS = {
  print: 'shell:print',
  printToPdf: 'shell:print-to-pdf',
  chooseImportFile: 'shell:choose-import-file',
  chooseBookToOpen: 'shell:choose-book-to-open',
  chooseNewBook: 'shell:choose-new-book',
  chooseBackupDir: 'shell:choose-backup-dir',
  chooseBackupFile: 'shell:choose-backup-file',
  chooseFolder: 'shell:choose-folder',
} as const;

/** A path a native dialog chose, staged in main: `token` goes to the channel (pathToken /
 *  dirToken / fileToken); `path` is only shown to the user. */
export interface StagedPathOut {
  token: string;
  name: string;
  path: string;
}

/** window.creditdeskShell in the desktop app (undefined in browser mode). */
export interface CreditdeskShell {
  /** Native print of the current page; false when cancelled or refused. */
  print(): Promise<boolean>;
  /** Save the current page as PDF through a save dialog: the path written, or null (cancelled). */
  printToPdf(suggestedName: string): Promise<string | null>;
  /** The native open dialog for an import file: the staged file, or null (cancelled). */
  chooseImportFile(): Promise<StagedFileOut | null>;
  /** Native dialogs for books:open / books:create (pathToken) and backup:create (dirToken). */
  chooseBookToOpen(): Promise<StagedPathOut | null>;
  chooseNewBook(): Promise<StagedPathOut | null>;
  chooseBackupDir(): Promise<StagedPathOut | null>;
  /** The native open dialog for a backup file: backup:inspect / backup:restore (fileToken). */
  chooseBackupFile(): Promise<StagedPathOut | null>;
  /** The native folder dialog (e.g. where letters go): the chosen folder, or null (cancelled). */
  chooseFolder(defaultPath?: string): Promise<string | null>;
  onMenu(listener: (command: string) => void): void;
}
