// Preload (sandboxed, contextIsolation): exposes exactly one function per contract channel as
// window.api.<channel>(input). Nothing else of Node or Electron reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS } from '../../shared/ipc/contract';

const api = Object.fromEntries(CHANNELS.map((c) => [c, (input: unknown) => ipcRenderer.invoke(c, input)]));
contextBridge.exposeInMainWorld('api', api);
contextBridge.exposeInMainWorld('creditdeskShell', {
  /** Native print / save-as-PDF of the current page (statements, cards). */
  print: () => ipcRenderer.invoke('shell:print'),
  printToPdf: (suggestedName: string) => ipcRenderer.invoke('shell:print-to-pdf', suggestedName),
  /** The native open dialog for an import file: { token, fileName, size } or null (cancelled). */
  chooseImportFile: () => ipcRenderer.invoke('shell:choose-import-file'),
  onMenu: (listener: (command: string) => void) => {
    ipcRenderer.on('menu', (_e, command: string) => listener(command));
  },
});
