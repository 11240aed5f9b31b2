// Failed logins are slowed: after the second wrong password for an operator, each further
// attempt waits longer (0.5 s, 1 s, 2 s … up to 30 s) before the password is even checked,
// so guessing a password through the UI or browser mode takes hours, not seconds. The count
// is per book and operator, in memory (a restart resets it; the audit log keeps every failure).

const failures = new Map<string, number>();

export const MAX_LOGIN_DELAY_MS = 30_000;

/** Wait before an attempt after `n` failures in a row. */
export function loginDelayMs(n: number): number {
  if (n < 2) return 0;
  return Math.min(500 * 2 ** (n - 2), MAX_LOGIN_DELAY_MS);
}

const key = (bookPath: string, operatorId: number) => `${bookPath}\u0000${operatorId}`;

export function failuresOf(bookPath: string, operatorId: number): number {
  return failures.get(key(bookPath, operatorId)) ?? 0;
}

export function recordFailure(bookPath: string, operatorId: number): number {
  const n = failuresOf(bookPath, operatorId) + 1;
  failures.set(key(bookPath, operatorId), n);
  return n;
}

export function clearFailures(bookPath: string, operatorId: number): void {
  failures.delete(key(bookPath, operatorId));
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
