// One module per command; each exports a CliCommand.
import type { CliCommand } from '../io';
import { demoCommand, initCommand } from './book';
import { importCommand } from './import';
import { ageingCommand } from './ageing';
import { serveCommand } from './serve';
import { backupCommand, restoreCommand, verifyCommand } from './backup';
import { statementCommand } from './statement';

export const COMMANDS: Record<string, CliCommand> = {
  init: initCommand,
  demo: demoCommand,
  import: importCommand,
  ageing: ageingCommand,
  statement: statementCommand,
  serve: serveCommand,
  backup: backupCommand,
  verify: verifyCommand,
  restore: restoreCommand,
};
