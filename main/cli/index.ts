// Entry of the `creditdesk` command line (see DESIGN.md "Command line" — a fixed interface).
import { storageError } from '../db/storage-errors';
import { AppError } from '../../shared/result';
import { errorLines, EXIT, processIo, takeLangOption, UsageError, type CliCommand, type CliIo } from './io';
import { COMMANDS } from './commands';

const USAGE = `usage:
  creditdesk init      --db FILE [--company NAME]
  creditdesk demo      --db FILE [--customers N] [--invoices M] [--seed S]
  creditdesk import    --db FILE customers|invoices|receipts|promises FILE.csv|FILE.xlsx [--open-anyway]
  creditdesk ageing    --db FILE --as-of YYYY-MM-DD [--basis due|issue] [--format json|csv]
  creditdesk tiers     --db FILE --as-of YYYY-MM-DD [--months N] [--format json|csv]
  creditdesk statement --db FILE --customer CODE --from YYYY-MM-DD --to YYYY-MM-DD [--format html|json] --out FILE
  creditdesk credit    --db FILE --as-of YYYY-MM-DD [--format json|csv]
  creditdesk promises  --db FILE --as-of YYYY-MM-DD [--format json|csv]
  creditdesk dunning   --db FILE --as-of YYYY-MM-DD [--format json|csv] [--level N --letters DIR]
  creditdesk calendar  --db FILE --from YYYY-MM-DD --to YYYY-MM-DD [--as-of YYYY-MM-DD] [--format json|ics]
  creditdesk complaints --db FILE [--from YYYY-MM-DD --to YYYY-MM-DD] [--format json|csv]
  creditdesk backup    --db FILE --to DIR [--password-file F]
  creditdesk verify    BACKUP [--password-file F]
  creditdesk restore   BACKUP --db FILE [--password-file F]
  creditdesk serve     --db FILE [--port N] [--token T]
every command: [--lang zh-CN|en] (messages in that language; zh-CN by default)
exit codes: 0 done, 1 failure, 2 usage error, 3 bad input (nothing was changed)
`;

export async function runCli(argvIn: string[], ioIn: CliIo = processIo): Promise<number> {
  let argv: string[];
  let io: CliIo;
  try {
    const taken = takeLangOption(argvIn);
    argv = taken.rest;
    io = { ...ioIn, lang: taken.lang };
  } catch (e) {
    ioIn.err(`creditdesk: ${(e as Error).message}\n${USAGE}`);
    return EXIT.USAGE;
  }
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name ? EXIT.OK : EXIT.USAGE;
  }
  const command: CliCommand | undefined = (COMMANDS as Record<string, CliCommand>)[name];
  if (!command) {
    io.err(`creditdesk: unknown command "${name}"\n${USAGE}`);
    return EXIT.USAGE;
  }
  try {
    return await command(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`creditdesk ${name}: ${e.message}\n${USAGE}`);
      return EXIT.USAGE;
    }
    if (e instanceof AppError) {
      io.err(errorLines(io, `creditdesk ${name}`, e));
      return e.code === 'VALIDATION' ? EXIT.BAD_INPUT : EXIT.FAILURE;
    }
    io.err(`creditdesk ${name}: ${storageError(e)?.message ?? (e as Error).message ?? String(e)}\n`);
    return EXIT.FAILURE;
  }
}
