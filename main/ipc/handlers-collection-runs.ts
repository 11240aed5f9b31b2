// Handlers for the collection-trip channels (shared/ipc/collection-runs.ts): runs, run sheets,
// visit outcomes and the dunning ladder's credit-hold action. Inputs arrive zod-parsed; writes
// need a chosen operator.
import type { collectionRunsChannels } from '../../shared/ipc/collection-runs';
import type { Desk } from '../app/desk';
import * as col from '../services/collections';
import type { Handler } from './handlers';
import { readerContext, writerContext } from './session';

type RunsChannel = keyof typeof collectionRunsChannels;

export function collectionRunsHandlers(desk: Desk): { [C in RunsChannel]: Handler<C> } {
  const reader = () => readerContext(desk);
  const writer = () => writerContext(desk);
  return {
    'collections:run-candidates': async (q) => col.collectionRunCandidates(reader(), q),
    'collections:run-create': async (q) => col.createCollectionRun(writer(), q),
    'collections:runs': async () => col.collectionRuns(reader()),
    'collections:run': async (q) => col.collectionRun(reader(), q),
    'collections:run-html': async (q) => col.runSheetHtml(reader(), q),
    'collections:run-pdf': async (q) => {
      // the app's printer, as statements use it: Electron's printToPDF in the desktop shell
      const ctx = reader();
      return desk.statements.withRenderer((r) => col.runSheetPdf(ctx, r, q));
    },
    'collections:run-outcome': async (q) => col.recordVisitOutcome(writer(), q),
    'collections:dunning-actions': async (q) => col.dunningActions(reader(), q),
    'collections:dunning-hold': async (q) => col.applyDunningHold(writer(), q),
  };
}
