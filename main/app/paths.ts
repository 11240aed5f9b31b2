// Where books live: the same user-data folder Electron uses for productName "CreditDesk",
// so the desktop app and browser mode share books. CREDITDESK_HOME overrides (tests, portable use).
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function userDataDir(): string {
  if (process.env.CREDITDESK_HOME) return path.resolve(process.env.CREDITDESK_HOME);
  const home = os.homedir();
  switch (process.platform) {
    case 'win32':
      return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'CreditDesk');
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', 'CreditDesk');
    default:
      return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'CreditDesk');
  }
}

/** Repository / app root (two levels above main/app). */
export const APP_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RENDERER_DIST = path.join(APP_ROOT, 'dist', 'renderer');
