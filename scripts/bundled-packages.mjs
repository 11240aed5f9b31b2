// Which packages go into CreditDesk's own bundles (Electron main and report worker, the command
// line, the benchmarks' app-process bundles) instead of loading from node_modules at run time:
// kysely and zod, pure JavaScript of many ES modules each (kysely alone is 279), which Node
// resolves and reads one by one — about 0.3 s of CPU before a process did anything. The rest
// stay in node_modules: native better-sqlite3, electron, and big packages loaded on first use.
import fs from 'node:fs';
import path from 'node:path';

export const BUNDLED = new Set(['kysely', 'zod']);

/** esbuild plugin: the project's packages external, except those in BUNDLED. */
export function bundleOnly(root) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const packages = new Set(
    [pkg.dependencies, pkg.devDependencies, pkg.optionalDependencies].flatMap((d) => Object.keys(d ?? {})),
  );
  return {
    name: 'bundle-only',
    setup(b) {
      // bare imports of the project's packages (not tsconfig aliases such as @shared/…)
      b.onResolve({ filter: /^[^./]/ }, (a) => {
        const name = a.path.startsWith('@') ? a.path.split('/').slice(0, 2).join('/') : a.path.split('/')[0];
        return packages.has(name) && !BUNDLED.has(name) ? { path: a.path, external: true } : undefined;
      });
    },
  };
}
