// Backup targets on this computer: removable drives as the OS reports them, folder probes
// (present, writable) and the "same disk as the book" check. Every OS call is wrapped: a
// failure means "no drives found", never an error in the UI.
import { serverError } from '../../../shared/messages/server-messages';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface DriveInfo {
  /** mount point / drive root */
  path: string;
  label: string;
  readOnly: boolean;
}

export interface ListDrivesEnv {
  platform?: NodeJS.Platform;
  user?: string;
  /** Linux: text of /proc/mounts */
  mounts?: string;
  /** macOS: folder of volumes (default /Volumes) */
  volumesDir?: string;
  /** Windows: run a command, resolve its stdout */
  run?: (cmd: string, args: string[]) => Promise<string>;
}

/** /proc/mounts escapes space, tab, newline and backslash as octal. */
function unescapeMount(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_m, o: string) => String.fromCharCode(parseInt(o, 8)));
}

const PSEUDO_FS = new Set([
  'tmpfs',
  'proc',
  'sysfs',
  'devtmpfs',
  'devpts',
  'cgroup',
  'cgroup2',
  'overlay',
  'autofs',
  'squashfs',
  'fuse.gvfsd-fuse',
  'binfmt_misc',
]);

/** Linux: mounted drives under /media/$USER, /run/media/$USER, /media and /mnt. */
export function parseLinuxMounts(text: string, user: string): DriveInfo[] {
  const roots = [`/media/${user}/`, `/run/media/${user}/`, '/media/', '/mnt/'];
  const out: DriveInfo[] = [];
  const seen = new Set<string>();
  for (const line of text.split('\n')) {
    const parts = line.trim().split(/\s+/);
    if (parts.length < 4) continue;
    const [dev, rawMnt, fstype, options] = parts;
    const mnt = unescapeMount(rawMnt);
    if (PSEUDO_FS.has(fstype) || fstype.startsWith('fuse.snap')) continue;
    if (!dev.startsWith('/dev/') && !fstype.startsWith('fuse')) continue;
    const root = roots.find((r) => mnt.startsWith(r) && mnt.length > r.length);
    if (!root || seen.has(mnt)) continue;
    // /media/$USER itself is a parent folder, not a drive
    if (root === '/media/' && mnt === `/media/${user}`) continue;
    seen.add(mnt);
    out.push({ path: mnt, label: path.basename(mnt), readOnly: options.split(',').includes('ro') });
  }
  return out;
}

/** Windows: `wmic logicaldisk where drivetype=2 get deviceid` output → ["E:\\", ...]. */
export function parseWmicDrives(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([A-Za-z]):\s*$/.exec(line);
    if (m) out.push(`${m[1].toUpperCase()}:\\`);
  }
  return out;
}

function runCommand(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: 5000, windowsHide: true, encoding: 'utf8' }, (err, stdout) =>
      err ? reject(err) : resolve(stdout),
    );
  });
}

/** Removable drives the OS tells about; [] when it cannot tell. */
export async function listRemovableDrives(env: ListDrivesEnv = {}): Promise<DriveInfo[]> {
  const platform = env.platform ?? process.platform;
  try {
    if (platform === 'linux') {
      const user = env.user ?? safeUser();
      const text = env.mounts ?? (await fsp.readFile('/proc/mounts', 'utf8'));
      return parseLinuxMounts(text, user);
    }
    if (platform === 'darwin') {
      const dir = env.volumesDir ?? '/Volumes';
      const bootDev = fs.statSync('/').dev;
      const out: DriveInfo[] = [];
      for (const name of await fsp.readdir(dir)) {
        if (name.startsWith('.')) continue;
        const p = path.join(dir, name);
        try {
          const lst = await fsp.lstat(p);
          if (lst.isSymbolicLink()) continue; // "Macintosh HD" -> /
          const st = await fsp.stat(p);
          if (!st.isDirectory() || st.dev === bootDev) continue;
          out.push({ path: p, label: name, readOnly: !(await writable(p)) });
        } catch {
          /* vanished meanwhile */
        }
      }
      return out;
    }
    if (platform === 'win32') {
      const run = env.run ?? runCommand;
      let letters: string[] = [];
      try {
        letters = parseWmicDrives(await run('wmic', ['logicaldisk', 'where', 'drivetype=2', 'get', 'deviceid']));
      } catch {
        // wmic is gone from recent Windows 11: PowerShell fallback
        const ps = await run('powershell.exe', [
          '-NoProfile',
          '-NonInteractive',
          '-Command',
          'Get-Volume | Where-Object { $_.DriveType -eq \'Removable\' -and $_.DriveLetter } | ForEach-Object { "$($_.DriveLetter):" }',
        ]);
        letters = parseWmicDrives(ps);
      }
      const out: DriveInfo[] = [];
      for (const l of letters) {
        try {
          await fsp.stat(l); // a card reader without a card reports a letter but no medium
          out.push({ path: l, label: l.slice(0, 2), readOnly: !(await writable(l)) });
        } catch {
          /* no medium */
        }
      }
      return out;
    }
  } catch {
    /* the OS did not tell */
  }
  return [];
}

function safeUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? '';
  }
}

export async function writable(dir: string): Promise<boolean> {
  try {
    await fsp.access(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export interface DirProbe {
  present: boolean;
  writable: boolean;
  dev: number | null;
}

export async function probeDir(dir: string): Promise<DirProbe> {
  try {
    const st = await fsp.stat(dir);
    if (!st.isDirectory()) return { present: false, writable: false, dev: null };
    return { present: true, writable: await writable(dir), dev: st.dev };
  } catch {
    return { present: false, writable: false, dev: null };
  }
}

/** Is `dir` on the same disk (device) as the book's folder? false when either cannot be read. */
export async function sameDisk(dir: string, bookPath: string): Promise<boolean> {
  try {
    const [a, b] = await Promise.all([fsp.stat(dir), fsp.stat(path.dirname(path.resolve(bookPath)))]);
    return a.dev === b.dev;
  } catch {
    return false;
  }
}

/** Folders where removable drives are mounted: a folder there on the book's own disk is an
 *  empty mount point of a drive that is not plugged in. */
export function underRemovableRoot(dir: string): boolean {
  const p = path.resolve(dir);
  return /^\/(media|mnt|Volumes)\/|^\/run\/media\//.test(p);
}

/**
 * A path typed or chosen in the UI, made absolute: `~` is the home folder, a bare Windows
 * drive `E:` is its root. Relative paths are refused (they would depend on the app's cwd).
 */
export function resolveUserPath(input: string, field: string): string {
  let p = input.trim();
  if (p === '~' || p.startsWith('~/') || p.startsWith('~\\')) p = path.join(os.homedir(), p.slice(1));
  if (/^[A-Za-z]:$/.test(p)) p = `${p}\\`;
  if (!path.isAbsolute(p)) throw serverError('VALIDATION', 'need_full_path', {}, { field });
  return path.resolve(p);
}
