// What a long-lived service (backups, statements) needs from whoever holds the open book — the
// desktop app's Desk, browser mode, the CLI — and nothing more: services never import main/app.
import type { AppInfo } from '../../shared/types';
import type { Clock, ServiceContext } from './context';

export interface BookHost {
  /** The open book's context; throws NOT_FOUND when no book is open. */
  readonly ctx: ServiceContext;
  /** Folder for app state beside the books (backup settings and history, default backups). */
  readonly userDataDir: string;
  readonly clock: Clock;
  readonly appVersion: string;
  /**
   * Runs `fn` with the open book's connection closed (the host keeps the book's lock), then
   * reopens the book; see Desk.withBookClosed.
   */
  withBookClosed<T>(fn: (bookPath: string) => Promise<T>): Promise<T>;
  /** What the renderer shows about the app and the open book (after a restore). */
  info(): Promise<AppInfo>;
}
