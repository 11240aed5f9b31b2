// The customer list's virtualizer, kept light on the first screen:
// - no forced layout while React commits it: by default, at mount, @tanstack/virtual reads the
//   scroll box's clientHeight and writes its scrollTop, and either makes the browser lay out the
//   whole page there and then (and again before the paint). Here the box's size comes from a
//   ResizeObserver (reported after the browser's own layout) and a scroll to the top is skipped
//   while the box has never scrolled (it is at the top already);
// - the rows below the screen (overscan, for smooth scrolling) come in a task of their own once
//   the first rows are on screen, not in the first screen's render.
import { useEffect, useState } from 'react';
import { elementScroll, type Rect, type Virtualizer, type VirtualizerOptions } from '@tanstack/react-virtual';

type ListVirtualizer = Virtualizer<HTMLDivElement, Element>;

/** Until the ResizeObserver reports: the window's size, more than the box, so no row is missing. */
export function windowRect(): Rect {
  return typeof window === 'undefined'
    ? { width: 0, height: 0 }
    : { width: window.innerWidth, height: window.innerHeight };
}

/** The box's size as the ResizeObserver sees it (first report right after the first layout). */
export function observeRectAfterLayout(instance: ListVirtualizer, cb: (rect: Rect) => void): (() => void) | undefined {
  const el = instance.scrollElement;
  const RO = instance.targetWindow?.ResizeObserver;
  if (!el || !RO) return undefined;
  const ro = new RO(() => cb({ width: Math.round(el.clientWidth), height: Math.round(el.clientHeight) }));
  ro.observe(el, { box: 'content-box' });
  return () => ro.disconnect();
}

/** elementScroll, less the writes of "top" to a box that has never scrolled. */
export function scrollUnlessUnmoved(
  hasScrolled: () => boolean,
): VirtualizerOptions<HTMLDivElement, Element>['scrollToFn'] {
  return (offset, options, instance) => {
    if (!hasScrolled() && offset + (options.adjustments ?? 0) === 0) return;
    elementScroll(offset, options, instance);
  };
}

/** Rows rendered beyond the visible ones: none until the first rows have painted, then 12. */
export function useOverscanAfterFirstRows(hasRows: boolean): number {
  const [overscan, setOverscan] = useState(0);
  useEffect(() => {
    if (!hasRows || overscan > 0) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // after the next frame (the first rows are on screen), in a task of its own
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setOverscan(12), 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [hasRows, overscan]);
  return overscan;
}
