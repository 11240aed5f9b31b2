// A real read-only disk for tests: a folder whose writes the operating system refuses, so the
// code under test meets SQLite's and the OS's own errors (no faked fs checks). Tests run as root
// here, where chmod does not stop writes, so the folder is bind-mounted read-only in a private
// mount namespace (`unshare -m`, or `unshare -rm` for a user allowed user namespaces): writes
// get EROFS, like a write-protected USB stick. Without namespaces a non-root user gets a folder
// and file without write permission (EACCES: the same SQLite failure, "no permission"); root
// without namespaces runs the command as `nobody` through setpriv on such a folder.
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type ReadOnlyMechanism = 'bind-mount' | 'user-namespace-bind-mount' | 'chmod' | 'chmod-as-nobody';

const MOUNT_RO = 'mount --bind -o ro "$0" "$0" && exec "$@"';

function probeNamespace(args: string[]): boolean {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-ro-probe-'));
  try {
    const r = spawnSync('unshare', [...args, 'sh', '-c', MOUNT_RO, dir, 'sh', '-c', 'touch "$0"/x', dir], {
      encoding: 'utf8',
    });
    return r.status !== 0 && /Read-only file system/.test(r.stderr) && !fs.existsSync(path.join(dir, 'x'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

let detected: ReadOnlyMechanism | null | undefined;

/** The strongest real read-only mechanism this machine offers, or null (tests then say so and skip). */
export function readOnlyMechanism(): ReadOnlyMechanism | null {
  if (detected !== undefined) return detected;
  const root = process.getuid?.() === 0;
  if (hasCommand('unshare') && probeNamespace(['-m'])) detected = 'bind-mount';
  else if (!root && hasCommand('unshare') && probeNamespace(['-rm'])) detected = 'user-namespace-bind-mount';
  else if (process.platform !== 'win32' && !root) detected = 'chmod';
  else if (root && hasCommand('setpriv')) detected = 'chmod-as-nobody';
  else detected = null;
  return detected;
}

/**
 * Runs `argv` with `dir` read-only for it (see above). For the chmod mechanisms the folder and
 * its files lose write permission until the child exits; the caller's copy elsewhere stays writable.
 */
export function spawnOnReadOnlyDisk(
  dir: string,
  argv: string[],
  opts: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): ChildProcess {
  const how = readOnlyMechanism();
  if (!how) throw new Error('no read-only mechanism on this machine');
  const spawnOpts: SpawnOptions = { env: opts.env ?? process.env, cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] };
  if (how === 'bind-mount' || how === 'user-namespace-bind-mount') {
    const ns = how === 'bind-mount' ? ['-m'] : ['-rm'];
    return spawn('unshare', [...ns, 'sh', '-c', MOUNT_RO, dir, ...argv], spawnOpts);
  }
  const modes = fs.readdirSync(dir).map((f) => [path.join(dir, f), fs.statSync(path.join(dir, f)).mode] as const);
  const dirMode = fs.statSync(dir).mode;
  for (const [f] of modes) fs.chmodSync(f, 0o444);
  fs.chmodSync(dir, 0o555);
  const child: ChildProcess =
    how === 'chmod'
      ? spawn(argv[0], argv.slice(1), spawnOpts)
      : spawn('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', '--', ...argv], spawnOpts);
  child.once('exit', () => {
    fs.chmodSync(dir, dirMode);
    for (const [f, mode] of modes) fs.chmodSync(f, mode);
  });
  return child;
}

/** Runs `argv` to the end on the read-only disk: exit code and output. */
export function runOnReadOnlyDisk(
  dir: string,
  argv: string[],
  opts: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawnOnReadOnlyDisk(dir, argv, opts);
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, out, err }));
  });
}
