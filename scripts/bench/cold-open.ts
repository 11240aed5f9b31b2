// One cold measurement for first-start.ts: in a fresh process, open a book as the app does
// (Desk, with the lock and migration check) and ask for the first ageing report through the IPC
// dispatch, as the window's first visit to the ageing page does. Prints JSON.
// `node bin/run-ts.mjs scripts/bench/cold-open.ts BOOK AS_OF`
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Desk } from '../../main/app/desk';
import { createHandlers } from '../../main/ipc/handlers';
import { dispatch } from '../../main/ipc/register';
import { fixedClock } from '../../main/services/context';
import type { AgeingReportWire } from '../../shared/types-receivables';

const [book, asOf] = process.argv.slice(2);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditdesk-cold-open-'));
const desk = new Desk({ mode: 'browser', userDataDir: dir, clock: fixedClock('2026-11-23T09:00:00.000Z') });
const cpu0 = process.cpuUsage();
let t = performance.now();
await desk.open(book);
const openMs = performance.now() - t;
const handlers = createHandlers(desk);
t = performance.now();
const r = await dispatch(handlers, 'ageing:report', { asOf });
const firstAgeingMs = performance.now() - t;
if (!r.ok) throw new Error(JSON.stringify(r.error));
const rows = (r.data as AgeingReportWire).columns.customerId.length;
await desk.close();
fs.rmSync(dir, { recursive: true, force: true });
const cpu = process.cpuUsage(cpu0); // includes the report worker thread (same process)
const whole = process.cpuUsage(); // since the process started: Node's own start and loading this bundle too
process.stdout.write(
  JSON.stringify({
    openMs: Math.round(openMs),
    firstAgeingMs: Math.round(firstAgeingMs),
    rows,
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    processCpuMs: Math.round((whole.user + whole.system) / 1000),
  }),
);
