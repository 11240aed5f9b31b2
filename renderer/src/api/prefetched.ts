// The answers public/boot-prefetch.js asked for before the bundle ran: each is handed out once,
// to the first call with the same channel and input, while the app is starting (a later call
// asks main again, so nothing stale is shown after the first minute). A failed answer (say, no
// operator yet) is not used. Any call on another channel ends the start-up: it may change the book
// (the welcome page opens the demo book, a restore, a login), so the answers left are dropped.
import type { Result } from '@shared/result';

declare global {
  interface Window {
    __creditdeskPrefetch?: Record<string, Promise<Result<unknown> | null> | undefined>;
  }
}

const USABLE_FOR_MS = 60_000;
const channelsOf = new WeakMap<object, Set<string>>();

export function takePrefetched(channel: string, input: unknown): Promise<Result<unknown> | null> | null {
  const answers = window.__creditdeskPrefetch;
  if (!answers) return null;
  if (performance.now() > USABLE_FOR_MS) {
    delete window.__creditdeskPrefetch;
    return null;
  }
  const key = `${channel} ${JSON.stringify(input ?? {})}`;
  if (!channelsOf.has(answers)) channelsOf.set(answers, new Set(Object.keys(answers).map((k) => k.split(' ')[0])));
  if (!channelsOf.get(answers)!.has(channel)) {
    delete window.__creditdeskPrefetch;
    return null;
  }
  const answer = answers[key];
  if (!answer) return null;
  delete answers[key];
  return answer;
}
