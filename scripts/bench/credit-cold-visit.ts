// One credit-overview measurement for credit.ts: in a fresh process, open a book as the app does
// (Desk, with the lock and migration check) and ask for the credit overview through the IPC
// dispatch twice — the first visit after opening the book (cold) and a later one (warm). Prints
// JSON with wall and CPU time of each (CPU: this whole process, worker threads included).
// `node bin/run-ts.mjs scripts/bench/credit-cold-visit.ts BOOK AS_OF [--profile OUT.cpuprofile]`
// (--profile: a CPU profile of the first visit alone, this thread, module loading excluded)
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { Desk } from '../../main/app/desk';
import { createHandlers } from '../../main/ipc/handlers';
import { dispatch } from '../../main/ipc/register';
import { fixedClock } from '../../main/services/context';

const [book, asOf, flag, profileOut] = process.argv.slice(2);
const profiler = flag === '--profile' ? new Session() : null;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditdesk-credit-cold-'));
const desk = new Desk({ mode: 'browser', userDataDir: dir, clock: fixedClock(`${asOf}T09:00:00.000Z`) });
const timed = async (fn: () => Promise<unknown>) => {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const out = await fn();
  const c = process.cpuUsage(c0);
  return { ms: Math.round(performance.now() - t0), cpuMs: Math.round((c.user + c.system) / 1000), out };
};
const open = await timed(() => desk.open(book));
const handlers = createHandlers(desk);
const visit = () =>
  timed(async () => {
    const r = await dispatch(handlers, 'credit:overview', { asOf });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.data;
  });
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.setSamplingInterval', { interval: 100 });
  await profiler.post('Profiler.start');
}
const cold = await visit();
if (profiler) {
  const { profile } = await profiler.post('Profiler.stop');
  fs.writeFileSync(profileOut, JSON.stringify(profile));
}
const warm = await visit();
await desk.close();
fs.rmSync(dir, { recursive: true, force: true });
process.stdout.write(
  JSON.stringify({
    openMs: open.ms,
    openCpuMs: open.cpuMs,
    coldMs: cold.ms,
    coldCpuMs: cold.cpuMs,
    warmMs: warm.ms,
    warmCpuMs: warm.cpuMs,
    customers: (cold.out as { customers: number }).customers,
  }),
);
