// The customer list's rows are all one height, so the rows on screen follow from the scroll offset
// by arithmetic. @tanstack/react-virtual (which it used before) keeps a measurement object per row
// instead: at 100,000 customers building that array was the biggest single piece of the first
// screen's script (and its chunk one more file to fetch and compile). The window is the one it
// computed for same-height rows (test/unit/fixed-row-window.test.ts compares the two).
// Still no forced layout while the first screen renders: the box's height comes from a
// ResizeObserver (reported after the browser's own layout), the offset from scroll events only.
import { useEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { windowRect } from './virtual-no-forced-layout';

export interface RowWindow {
  /** first and last row index rendered (last < first when there is none) */
  first: number;
  last: number;
}

/** Row indexes from the one at the box's top edge to the first one reaching its bottom edge. */
interface Span {
  from: number;
  to: number;
}

/** A box of no height shows no row. */
const spanOf = (scrollTop: number, height: number, rowHeight: number): Span | null =>
  height > 0
    ? { from: Math.max(Math.floor(scrollTop / rowHeight), 0), to: Math.ceil((scrollTop + height) / rowHeight) - 1 }
    : null;

const sameSpan = (a: Span | null, b: Span | null) => a === b || (!!a && !!b && a.from === b.from && a.to === b.to);

function windowOf(count: number, span: Span | null, overscan: number): RowWindow {
  const lastIndex = count - 1;
  if (!span || count === 0) return { first: 0, last: -1 };
  if (count === 1) return { first: 0, last: 0 };
  const { from, to } = span;
  const start = Math.min(from, lastIndex);
  const end = Math.min(Math.max(to, start), lastIndex);
  return { first: Math.max(start - overscan, 0), last: Math.min(end + overscan, lastIndex) };
}

/**
 * Rows that meet [scrollTop, scrollTop + height) plus `overscan` on each side, within [0, count):
 * the first row is the one whose top is at or above scrollTop, the last the first whose bottom
 * reaches the box's bottom edge (as @tanstack/virtual-core's calculateRange with fixed sizes;
 * scrollTop is at most count × rowHeight - height, as in a real box).
 */
export function rowWindow(
  count: number,
  rowHeight: number,
  scrollTop: number,
  height: number,
  overscan: number,
): RowWindow {
  return windowOf(count, spanOf(scrollTop, height, rowHeight), overscan);
}

/** The rows to render in a scroll box of same-height rows; re-renders only when a row enters or leaves. */
export function useFixedRowWindow({
  count,
  rowHeight,
  overscan,
  scrollRef,
}: {
  count: number;
  rowHeight: number;
  overscan: number;
  scrollRef: RefObject<HTMLElement | null>;
}): RowWindow & { totalSize: number } {
  // until the ResizeObserver reports: the window's height, more than the box's, so no row is missing
  const [span, setSpan] = useState(() => spanOf(0, windowRect().height, rowHeight));

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    let top = 0; // a new box is at the top: not read until it scrolls
    let height = windowRect().height;
    const update = () => {
      const next = spanOf(top, height, rowHeight);
      setSpan((s) => (sameSpan(s, next) ? s : next));
    };
    // a row coming into view while scrolling is rendered before the frame, as a virtualizer must
    const onScroll = () => {
      top = el.scrollTop;
      flushSync(update);
    };
    const RO = el.ownerDocument.defaultView?.ResizeObserver;
    const ro = RO
      ? new RO(() => {
          height = Math.round(el.clientHeight);
          update();
        })
      : undefined;
    ro?.observe(el, { box: 'content-box' });
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      ro?.disconnect();
      el.removeEventListener('scroll', onScroll);
    };
  }, [scrollRef, rowHeight]);

  return { ...windowOf(count, span, overscan), totalSize: count * rowHeight };
}
