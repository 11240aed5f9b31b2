// Entry of the `creditdesk` command line (see DESIGN.md "Command line" — a fixed interface).
// Only what `--help` and usage errors need is imported here (io-basics, not io); the failure
// path loads its message catalogues when a command threw.
import { EXIT, processIo, takeLangOption, UsageError, type CliCommand, type CliIo } from './io-basics';
import { COMMANDS } from './commands';
import { HUMAN_OUTPUT, localizeCliText, usageText } from './messages';

const USAGE = usageText('en'); // commands' own text is English; runCli localizes what it prints

export async function runCli(argvIn: string[], ioIn: CliIo = processIo): Promise<number> {
  let argv: string[];
  let io: CliIo;
  try {
    const taken = takeLangOption(argvIn);
    argv = taken.rest;
    const lang = taken.lang;
    const human = HUMAN_OUTPUT.has(argv[0] ?? '') || !argv[0] || argv[0].startsWith('-') || argv[0] === 'help';
    io = {
      ...ioIn,
      lang,
      err: (t) => ioIn.err(localizeCliText(lang, t)),
      out: human ? (t) => ioIn.out(localizeCliText(lang, t)) : ioIn.out,
    };
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
    const { commandFailure } = await import('./command-failure');
    return commandFailure(io, name, e);
  }
}
