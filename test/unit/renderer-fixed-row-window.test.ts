// The customer list's row window (pages/customers/list/fixed-row-window.ts) is computed by
// arithmetic instead of @tanstack/virtual-core's per-row measurements: the same rows for any
// count, box height, scroll offset and overscan (the library as the reference).
import { Virtualizer } from '@tanstack/virtual-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowWindow } from '../../renderer/src/pages/customers/list/fixed-row-window';

/** The rows @tanstack/virtual-core renders for rows of one height, first and last index. */
function tanstackWindow(count: number, rowHeight: number, scrollTop: number, height: number, overscan: number) {
  const v = new Virtualizer<HTMLElement, Element>({
    count,
    getScrollElement: () => null,
    estimateSize: () => rowHeight,
    overscan,
    initialRect: { width: 800, height },
    initialOffset: scrollTop,
    observeElementRect: () => undefined,
    observeElementOffset: () => undefined,
    scrollToFn: () => undefined,
  });
  const items = v.getVirtualItems();
  return items.length ? { first: items[0].index, last: items[items.length - 1].index } : { first: 0, last: -1 };
}

describe('fixed row window', () => {
  it('renders the rows @tanstack/virtual-core rendered, at any offset, height, count and overscan', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.constantFrom(36, 20, 1),
        fc.integer({ min: 0, max: 200_000 }),
        fc.integer({ min: 0, max: 1500 }),
        fc.constantFrom(0, 1, 12),
        (count, rowHeight, scrollTop, height, overscan) => {
          const top = Math.min(scrollTop, Math.max(count * rowHeight - height, 0)); // a box scrolls no further
          expect(rowWindow(count, rowHeight, top, height, overscan)).toEqual(
            tanstackWindow(count, rowHeight, top, height, overscan),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps examples: the first screen, a scrolled box, the end of the list, an empty list', () => {
    // 1440×900: the window's height until the box's arrives, no overscan before the first paint
    expect(rowWindow(100_000, 36, 0, 900, 0)).toEqual({ first: 0, last: 24 });
    expect(rowWindow(100_000, 36, 1440, 700, 12)).toEqual({ first: 28, last: 71 });
    expect(rowWindow(100_000, 36, 100_000 * 36 - 700, 700, 12)).toEqual({ first: 99_968, last: 99_999 });
    expect(rowWindow(0, 36, 0, 700, 12)).toEqual({ first: 0, last: -1 });
    expect(rowWindow(1, 36, 0, 700, 12)).toEqual({ first: 0, last: 0 });
    expect(rowWindow(100, 36, 0, 0, 12)).toEqual({ first: 0, last: -1 }); // a box of no height
  });
});
