// The customer list's row window, kept light on the first screen:
// - no forced layout while React commits it: the scroll box's height comes from a ResizeObserver
//   (reported after the browser's own layout) and nothing scrolls a new box to the top (it is
//   there already); fixed-row-window.ts;
// - the rows below the screen (overscan, for smooth scrolling) come in a task of their own once
//   the first rows are on screen, not in the first screen's render.
import { useEffect, useState } from 'react';

/** Until the ResizeObserver reports: the window's size, more than the box, so no row is missing. */
export function windowRect(): { width: number; height: number } {
  return typeof window === 'undefined'
    ? { width: 0, height: 0 }
    : { width: window.innerWidth, height: window.innerHeight };
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
