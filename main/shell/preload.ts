// Preload (sandboxed, contextIsolation): exposes exactly one function per contract channel as
// window.api.<channel>(input). Nothing else of Node or Electron reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS } from '../../shared/ipc/contract';
import { SHELL_CHANNELS, type CreditdeskShell } from '../../shared/ipc/shell';

const api = Object.fromEntries(CHANNELS.map((c) => [c, (input: unknown) => ipcRenderer.invoke(c, input)]));
contextBridge.exposeInMainWorld('api', api);
const shell: CreditdeskShell = {
  print: () => ipcRenderer.invoke(SHELL_CHANNELS.print),
  printToPdf: (suggestedName) => ipcRenderer.invoke(SHELL_CHANNELS.printToPdf, suggestedName),
  chooseImportFile: () => ipcRenderer.invoke(SHELL_CHANNELS.chooseImportFile),
  chooseBookToOpen: () => ipcRenderer.invoke(SHELL_CHANNELS.chooseBookToOpen),
  chooseNewBook: () => ipcRenderer.invoke(SHELL_CHANNELS.chooseNewBook),
  chooseBackupDir: () => ipcRenderer.invoke(SHELL_CHANNELS.chooseBackupDir),
  chooseBackupFile: () => ipcRenderer.invoke(SHELL_CHANNELS.chooseBackupFile),
  chooseFolder: (defaultPath) => ipcRenderer.invoke(SHELL_CHANNELS.chooseFolder, defaultPath),
  onMenu: (listener) => {
    ipcRenderer.on('menu', (_e, command: string) => listener(command));
  },
};
contextBridge.exposeInMainWorld('creditdeskShell', shell);
