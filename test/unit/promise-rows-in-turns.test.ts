// The promise report's rows are made from the worker's columns a slice per turn of the event loop
// (reports/collections/promise-status-columns.ts): a 100,000-row book's rows are not made in one
// stretch on the window's main thread. The rows are the same as made in one go.
import { describe, expect, it } from 'vitest';
import {
  promiseColumnsOf,
  promiseRowsInTurns,
  promiseRowsOf,
  ROWS_PER_TURN,
} from '../../main/reports/collections/promise-status-columns';
import type { PromiseStatusRow } from '../../shared/types-collections';

const STATUSES = ['pending', 'kept', 'partly_kept', 'broken'] as const;

describe('promise rows made in turns', () => {
  it('let the event loop run between slices and equal the rows made in one go', async () => {
    const n = 2 * ROWS_PER_TURN + 17;
    const rows: PromiseStatusRow[] = Array.from({ length: n }, (_, i) => ({
      id: i + 1,
      customerId: 1 + (i % 50),
      customerCode: `C${i % 50}`,
      customerName: `客户 ${i % 50}`,
      madeOn: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}`,
      promisedOn: '2026-12-01',
      amount: 10_000 + i,
      received: i % 3 ? 0 : 10_000,
      status: STATUSES[i % 4],
      promisedBy: i % 5 ? null : '王会计',
      form: 'verbal',
      collectionRecordId: i % 7 ? null : i,
    }));
    const cols = promiseColumnsOf(rows);
    let turns = 0;
    let running = true;
    const tick = () => {
      turns++;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    const made = await promiseRowsInTurns(cols);
    running = false;
    expect(turns).toBeGreaterThanOrEqual(2);
    expect(made).toEqual(rows);
    expect(promiseRowsOf(cols)).toEqual(rows);
  });
});
