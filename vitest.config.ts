import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `@shared/…` is the project's shared/ folder, as in tsconfig.json and renderer/vite.config.ts
const resolve = { alias: { '@shared': path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'shared') } };

// Three suites: unit (pure domain, fast), integration (services + IPC handlers on a
// migrated temporary book), e2e (real renderer in Debian's Chromium via browser mode).
export default defineConfig({
  test: {
    projects: [
      // property tests run hundreds of cases: a loaded CI machine must not turn them into timeouts
      {
        resolve,
        test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'], environment: 'node', testTimeout: 30_000 },
      },
      {
        resolve,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
