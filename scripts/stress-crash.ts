// Stress the crash safety of the book: kill a transactional importer with SIGKILL N times
// (default 500) on several books in parallel and check every book after every kill.
//   node bin/run-ts.mjs scripts/stress-crash.ts [ITERATIONS] [PARALLEL] [--keep]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCrashRounds } from '../test/fixtures/backup-crash-harness';

const args = process.argv.slice(2);
const keep = args.includes('--keep');
const nums = args.filter((a) => /^\d+$/.test(a)).map(Number);
const iterations = nums[0] ?? 500;
const parallel = Math.max(1, Math.min(nums[1] ?? Math.max(1, Math.min(4, os.cpus().length)), 16));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditdesk-stress-crash-'));
const per = Math.ceil(iterations / parallel);
const started = Date.now();
let done = 0;

console.log(`stress-crash: ${per * parallel} SIGKILLs on ${parallel} book(s) in ${dir}`);
const runs = await Promise.all(
  Array.from({ length: parallel }, (_, k) =>
    runCrashRounds(path.join(dir, `book${k + 1}.sqlite`), per, {
      seed: Date.now() + k * 7919,
      maxDelayMs: 200,
      onRound: (_i, c) => {
        done++;
        if (done % 25 === 0 || c.integrity !== 'ok' || c.broken.length) {
          console.log(
            `  ${done}/${per * parallel} kills, book${k + 1}: ${c.batches} batches, ${c.rows} rows, integrity ${c.integrity}${c.broken.length ? `, BROKEN: ${c.broken[0]}` : ''}`,
          );
        }
      },
    }),
  ),
);
const kills = runs.reduce((a, r) => a + r.kills, 0);
const failures = runs.flatMap((r, k) => r.failures.map((f) => `book${k + 1} ${f}`));
console.log(`${kills} kills in ${((Date.now() - started) / 1000).toFixed(1)} s; ${failures.length} failure(s)`);
for (const f of failures.slice(0, 20)) console.log(`  ${f}`);
if (!keep && failures.length === 0) fs.rmSync(dir, { recursive: true, force: true });
else console.log(`books kept in ${dir}`);
process.exitCode = failures.length ? 1 : 0;
