// creditdesk serve --db FILE [--port N] [--token T] [--readonly]: browser mode on 127.0.0.1.
// A book that cannot be opened for writing (read-only disk, no permission, another CreditDesk
// writing it) does not stop the server: the page shows why and offers to open it read-only.
import { Desk } from '../../app/desk';
import { openServedBook } from '../../serve/open-served-book';
import { userDataDir } from '../../app/paths';
import { createHandlers } from '../../ipc/handlers';
import { MIN_TOKEN_LENGTH, startServer } from '../../serve/server';
import { ensureRendererBuilt } from '../../serve/renderer-build';
import { EXIT, parseCommandArgs, UsageError, type CliCommand } from '../io';

export const serveCommand: CliCommand = async (argv, io) => {
  const { values } = parseCommandArgs(argv, {
    db: { type: 'string' },
    port: { type: 'string' },
    token: { type: 'string' },
    readonly: { type: 'boolean' },
  });
  if (values.port !== undefined && !/^\d{1,5}$/.test(values.port))
    throw new UsageError(`--port must be a number, got "${values.port}"`);
  if (values.token !== undefined && values.token.length < MIN_TOKEN_LENGTH) {
    throw new UsageError(
      `--token must be at least ${MIN_TOKEN_LENGTH} characters (a short token can be guessed by any web page)`,
    );
  }
  const rendererDir = await ensureRendererBuilt((m) => io.err(`${m}\n`));
  const desk = new Desk({ mode: 'browser', userDataDir: userDataDir() });
  const { file, notice } = await openServedBook(desk, {
    db: values.db,
    readonly: values.readonly,
    lang: io.lang ?? 'zh-CN',
  });
  if (notice) io.err(`${notice}\n`);
  const server = await startServer({
    handlers: createHandlers(desk),
    rendererDir,
    port: values.port ? Number(values.port) : 0,
    token: values.token,
    log: (m) => io.err(`${m}\n`),
  });
  io.out(`CreditDesk browser mode: ${server.url}\nbook: ${file}${desk.isReadonly ? ' (read-only)' : ''}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  await desk.close();
  return EXIT.OK;
};
