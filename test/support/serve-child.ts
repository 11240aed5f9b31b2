// `creditdesk serve` minus the renderer build (main/cli/commands/serve.ts), for tests that must
// run the server in another process — e.g. inside a read-only mount namespace
// (test/support/read-only-disk.ts). Prints one JSON line {port, file, notice, readonly}, then
// serves until SIGTERM. Usage: node bin/run-ts.mjs test/support/serve-child.ts DB USERDATA RENDERER TOKEN LANG
import { Desk } from '../../main/app/desk';
import { createHandlers } from '../../main/ipc/handlers';
import { openServedBook } from '../../main/serve/open-served-book';
import { startServer } from '../../main/serve/server';
import type { MessageLang } from '../../shared/messages/server-messages';

const [db, userDataDir, rendererDir, token, lang] = process.argv.slice(2);
const desk = new Desk({ mode: 'browser', userDataDir });
const { file, notice } = await openServedBook(desk, { db, lang: lang as MessageLang });
const server = await startServer({ handlers: createHandlers(desk), rendererDir, port: 0, token });
process.stdout.write(`${JSON.stringify({ port: server.port, file, notice, readonly: desk.isReadonly })}\n`);
process.once('SIGTERM', () => {
  void server
    .close()
    .then(() => desk.close())
    .then(() => process.exit(0));
});
