// One module per command; each exports a CliCommand. Loaded on use: `creditdesk import` never
// loads the demo generator's locale tables (tens of MB) nor the HTTP server.
import type { CliCommand } from '../io';

const lazy =
  <M>(load: () => Promise<M>, pick: (m: M) => CliCommand): CliCommand =>
  async (argv, io) =>
    pick(await load())(argv, io);

export const COMMANDS: Record<string, CliCommand> = {
  init: lazy(
    () => import('./book'),
    (m) => m.initCommand,
  ),
  demo: lazy(
    () => import('./book'),
    (m) => m.demoCommand,
  ),
  import: lazy(
    () => import('./import'),
    (m) => m.importCommand,
  ),
  ageing: lazy(
    () => import('./ageing'),
    (m) => m.ageingCommand,
  ),
  statement: lazy(
    () => import('./statement'),
    (m) => m.statementCommand,
  ),
  credit: lazy(
    () => import('./credit'),
    (m) => m.creditCommand,
  ),
  complaints: lazy(
    () => import('./complaints'),
    (m) => m.complaintsCommand,
  ),
  serve: lazy(
    () => import('./serve'),
    (m) => m.serveCommand,
  ),
  backup: lazy(
    () => import('./backup'),
    (m) => m.backupCommand,
  ),
  verify: lazy(
    () => import('./backup'),
    (m) => m.verifyCommand,
  ),
  restore: lazy(
    () => import('./backup'),
    (m) => m.restoreCommand,
  ),
  tiers: lazy(
    () => import('./tiers'),
    (m) => m.tiersCommand,
  ),
  promises: lazy(
    () => import('./collections'),
    (m) => m.promisesCommand,
  ),
  dunning: lazy(
    () => import('./collections'),
    (m) => m.dunningCommand,
  ),
  calendar: lazy(
    () => import('./collections'),
    (m) => m.calendarCommand,
  ),
};
