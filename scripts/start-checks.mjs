// Checks `npm start` makes before anything is installed (built-in modules only).
import fs from 'node:fs';
import path from 'node:path';

/** Dependencies in package.json that node_modules lacks or holds at another version (exact pins). */
export function dependenciesMissing(root) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const wanted = { ...pkg.dependencies, ...pkg.devDependencies };
  const missing = [];
  for (const [name, version] of Object.entries(wanted)) {
    try {
      const got = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
      if (/^\d+\.\d+\.\d+/.test(version) && got !== version) missing.push(`${name}@${version}`);
    } catch {
      missing.push(name);
    }
  }
  return missing;
}

/** Path of the installed Electron binary, or null (installed with ELECTRON_SKIP_BINARY_DOWNLOAD). */
export function electronBinary(root) {
  const dir = path.join(root, 'node_modules', 'electron');
  try {
    const rel = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
    const bin = path.join(dir, 'dist', rel);
    return fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

/** Why the desktop window cannot open here (null: it can). */
export function electronUnusableReason(root) {
  if (!electronBinary(root)) return 'the Electron binary is not installed on this machine';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    return 'there is no graphical display (DISPLAY is not set)';
  return null;
}
