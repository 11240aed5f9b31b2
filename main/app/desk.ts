// The desk: the one open book plus the app state kept beside the books (recent books,
// language). Shared by the Electron shell, browser mode and tests.
import { serverError } from '../../shared/messages/server-messages';
import { AppError } from '../../shared/result';
import fs from 'node:fs';
import path from 'node:path';
import { openBook, type Book } from '../db/connection';
import { SCHEMA_VERSION } from '../db/migrations';
import { systemClock, type Clock, type ServiceContext } from '../services/context';
import { autoLogin, ensureDefaultOperator, listOperators } from '../services/operators';
import { getCompany } from '../services/settings';
import { BackupService, type BackupServiceOptions } from '../services/backup';
import { StatementsService, type StatementsServiceOptions } from '../services/statements';
import type { BookHost } from '../services/host';
import { openBookContext } from './open-book';
import type { AppInfo } from '../../shared/types';
import type { BookLock } from '../db/lock';
import { recomputeTiersOnOpen } from '../services/analysis/recompute';
import { generateVisitsOnOpen } from '../services/visits/plan';

export const APP_VERSION = '0.1.0';

interface DeskState {
  recentBooks: string[];
  locale: 'zh-CN' | 'en';
}

export interface DeskOptions {
  mode: 'electron' | 'browser';
  /** Folder for app state (recent books); books default to <userData>/books. */
  userDataDir: string;
  clock?: Clock;
  backup?: BackupServiceOptions;
  statements?: StatementsServiceOptions;
}

/** The open book and the services built around it (they see the desk only as a BookHost). */
export class Desk implements BookHost {
  readonly mode: 'electron' | 'browser';
  readonly userDataDir: string;
  readonly clock: Clock;
  readonly appVersion = APP_VERSION;
  readonly backup: BackupService;
  readonly statements: StatementsService;
  private current: ServiceContext | null = null;
  private lock: BookLock | null = null;
  /** Why the book browser mode was started on could not be opened (shown with its offer). */
  private openFailure: AppError | null = null;
  private readonlyBook = false;

  constructor(opts: DeskOptions) {
    this.mode = opts.mode;
    this.userDataDir = opts.userDataDir;
    this.clock = opts.clock ?? systemClock;
    this.backup = new BackupService(this, opts.backup);
    this.statements = new StatementsService(opts.statements);
  }

  get ctx(): ServiceContext {
    if (!this.current) throw this.openFailure ?? serverError('NOT_FOUND', 'no_book_open');
    return this.current;
  }

  get defaultBookPath(): string {
    return path.join(this.userDataDir, 'books', 'default.creditdesk');
  }

  private get statePath(): string {
    return path.join(this.userDataDir, 'creditdesk-state.json');
  }

  readState(): DeskState {
    try {
      const s = JSON.parse(fs.readFileSync(this.statePath, 'utf8')) as Partial<DeskState>;
      return { recentBooks: s.recentBooks ?? [], locale: s.locale === 'en' ? 'en' : 'zh-CN' };
    } catch {
      return { recentBooks: [], locale: 'zh-CN' };
    }
  }

  writeState(patch: Partial<DeskState>): DeskState {
    const next = { ...this.readState(), ...patch };
    fs.mkdirSync(this.userDataDir, { recursive: true });
    const tmp = `${this.statePath}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(next, null, 2));
    fs.renameSync(tmp, this.statePath);
    return next;
  }

  /** Opens a book (creating it when asked), migrates it and makes it current. */
  async open(
    file: string,
    opts: { create?: boolean; company?: string; readonly?: boolean; openAnyway?: boolean } = {},
  ): Promise<ServiceContext> {
    const existed = fs.existsSync(file);
    if (opts.create && existed && opts.company) {
      throw serverError('CONFLICT', 'book_exists', { file }, { field: 'path', bare: true });
    }
    const abs = path.resolve(file);
    if (this.current?.book.path === abs && !opts.company) return this.reopenCurrent();
    // One writer per book: a second window, browser mode or CLI writer on the same file is refused;
    // a foreign file is refused before anything touches it; a read-only book takes no lock.
    const { ctx, lock } = await openBookContext(abs, {
      create: opts.create,
      company: opts.company,
      defaultCompany: defaultCompanyName(file),
      lock: this.mode === 'electron' ? 'app' : 'serve',
      clock: this.clock,
      operator: null,
      readonly: opts.readonly,
      openAnyway: opts.openAnyway,
    });
    if (!opts.readonly) await ensureDefaultOperator(ctx);
    await autoLogin(ctx);
    if (!opts.readonly) {
      await recomputeTiersOnOpen(ctx);
      await generateVisitsOnOpen(ctx); // after the tiers: a new month's plan uses the new tiers
    }
    const previous = this.current;
    const previousLock = this.lock;
    this.current = ctx;
    this.lock = lock;
    this.openFailure = null;
    this.readonlyBook = !!opts.readonly;
    if (previous) await previous.book.close();
    previousLock?.release();
    const recent = [ctx.book.path, ...this.readState().recentBooks.filter((p) => p !== ctx.book.path)].slice(0, 10);
    this.writeState({ recentBooks: recent });
    return ctx;
  }

  /**
   * Browser mode started on a book it cannot open for writing: remember why, so the page shows the
   * reason (every channel answers with it) and — when reading is still possible — offers to open
   * it read-only (shared/book-offer.ts). The error names the book's file.
   */
  rememberOpenFailure(file: string, e: unknown): void {
    if (!(e instanceof AppError)) throw e;
    const values = { ...e.values, file: path.resolve(file) };
    this.openFailure = new AppError(e.code, e.message, { field: e.field, key: e.key, values });
  }

  /** Is the open book read-only (nothing can be saved)? */
  get isReadonly(): boolean {
    return this.readonlyBook;
  }

  /** First start: the default book in the user-data folder. */
  async openDefault(opts: { openAnyway?: boolean } = {}): Promise<ServiceContext> {
    const last = this.lastBookPath();
    return this.open(last ?? this.defaultBookPath, { create: !last, openAnyway: opts.openAnyway });
  }

  /** The most recent book that still exists (what openDefault opens), or null. */
  lastBookPath(): string | null {
    return this.readState().recentBooks.find((p) => fs.existsSync(p)) ?? null;
  }

  async info(): Promise<AppInfo> {
    const ctx = this.ctx;
    const company = await getCompany(ctx);
    const operators = await listOperators(ctx);
    const { n } = await ctx.book.db
      .selectFrom('customers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return {
      version: APP_VERSION,
      mode: this.mode,
      book: { path: ctx.book.path, company: company.name, schemaVersion: SCHEMA_VERSION, customers: Number(n) },
      recentBooks: this.readState().recentBooks,
      operators,
      currentOperator: ctx.session.operator,
      needsLogin: ctx.session.operator === null,
      today: this.clock.today(),
      locale: this.readState().locale,
      ...(this.readonlyBook ? { readonly: true } : {}),
    };
  }

  /** Re-reading the same book: start a new session (who is working is asked again). */
  private async reopenCurrent(): Promise<ServiceContext> {
    const ctx = this.ctx;
    ctx.session.operator = null;
    await autoLogin(ctx);
    return ctx;
  }

  /**
   * Replace the open book's file (restore from a backup): the connection is closed while this
   * process keeps the book's lock (the core restore accepts a lock held by its own pid, and no
   * other window or CLI can slip in), `fn` runs on the book's path, then the book is reopened
   * (and migrated). After a successful `fn` the session starts afresh (the operator is asked
   * again, as when a book is opened); when `fn` fails the same book is reopened with the same
   * operator and the error is rethrown.
   */
  async withBookClosed<T>(fn: (bookPath: string) => Promise<T>): Promise<T> {
    const ctx = this.ctx;
    const abs = ctx.book.path;
    const operator = ctx.session.operator;
    this.current = null;
    await ctx.book.close();
    let result: T | undefined;
    let failure: { error: unknown } | null = null;
    try {
      result = await fn(abs);
    } catch (e) {
      failure = { error: e };
    }
    let book: Book;
    try {
      book = await openBook(abs);
    } catch (e) {
      this.lock?.release();
      this.lock = null;
      throw failure ? failure.error : e;
    }
    const next: ServiceContext = { book, clock: this.clock, session: { operator: null } };
    await ensureDefaultOperator(next);
    if (failure && operator) next.session.operator = operator;
    else await autoLogin(next);
    this.current = next;
    if (failure) throw failure.error;
    return result as T;
  }

  async close(): Promise<void> {
    await this.current?.book.close();
    this.current = null;
    this.lock?.release();
    this.lock = null;
  }
}

function defaultCompanyName(file: string): string {
  const base = path.basename(file).replace(/\.[^.]+$/, '');
  return base === 'default' ? '我的公司' : base;
}
