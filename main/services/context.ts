// What every service needs: the open book, a clock (never read the time inside the domain),
// and the working session (which operator is making changes).
import type { Book } from '../db/connection';
import type { Operator } from '../../shared/types';

export interface Clock {
  now(): Date;
  /** Local calendar date YYYY-MM-DD. */
  today(): string;
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => localDate(new Date()),
};

export function localDate(d: Date): string {
  const y = d.getFullYear();
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

export function fixedClock(iso: string): Clock {
  const d = new Date(iso);
  return { now: () => new Date(d), today: () => iso.slice(0, 10) };
}

export interface Session {
  operator: Operator | null;
}

export interface ServiceContext {
  book: Book;
  clock: Clock;
  session: Session;
}
