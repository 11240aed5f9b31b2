// Keyboard entry: Enter moves to the next field (in DOM order), Ctrl/⌘+Enter saves.
// Chinese IME composition (Enter confirms the candidate) is left alone.
import { useCallback, type KeyboardEvent, type RefObject } from 'react';

const FOCUSABLE =
  'input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([disabled]):not([readonly]), textarea:not([disabled]), button[data-nav]:not([disabled])';

export function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.offsetParent !== null || el === document.activeElement,
  );
}

export function useEnterNav(root: RefObject<HTMLElement | null>, onSubmit: () => void) {
  return useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.keyCode === 229) return;
      const el = e.target as HTMLElement;
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        onSubmit();
        return;
      }
      if (el.tagName === 'TEXTAREA' && !e.altKey) return;
      if (el.tagName === 'BUTTON') return; // a button's own Enter clicks it
      const box = root.current;
      if (!box) return;
      const list = focusables(box);
      const i = list.indexOf(el);
      if (i < 0) return;
      e.preventDefault();
      // let a select/date picker take the value first, then move on
      setTimeout(() => {
        const next = list[i + 1];
        if (next) {
          next.focus();
          if (next instanceof HTMLInputElement) next.select();
        }
      }, 0);
    },
    [root, onSubmit],
  );
}

/** Focus the first field of a form (the customer picker). */
export function focusFirst(root: HTMLElement | null): void {
  if (!root) return;
  setTimeout(() => focusables(root)[0]?.focus(), 30);
}
