// Handlers for the receivables channels (shared/ipc/receivables.ts). Inputs arrive zod-parsed.
import type { receivablesChannels } from '../../shared/ipc/receivables';
import type { ReceivablesSettings } from '../../shared/types-receivables';
import type { Desk } from '../app/desk';
import * as ar from '../services/receivables';
import type { Handler } from './handlers';
import { withImportFile } from './import-file';
import { importProgress } from '../services/receivables/import-progress';
import { auditedReaderContext, readerContext, writerContext } from './session';

type ReceivablesChannel = keyof typeof receivablesChannels;

export function receivablesHandlers(desk: Desk): { [C in ReceivablesChannel]: Handler<C> } {
  const ctx = () => readerContext(desk);
  const writer = () => writerContext(desk);
  return {
    'invoices:create': async (input) => ar.createInvoice(writer(), input),
    'invoices:void': async (input) => ar.voidInvoice(writer(), input),
    'invoices:list': async (q) => ar.listInvoices(ctx(), q),
    'invoices:import': async (input) => {
      const w = writer();
      return withImportFile(input, (fileName, source) => ar.importInvoices(w, fileName, source));
    },
    'receipts:create': async (input) => ar.createReceipt(writer(), input),
    'receipts:void': async (input) => ar.voidReceipt(writer(), input),
    'receipts:list': async (q) => ar.listReceipts(ctx(), q),
    'receipts:import': async (input) => {
      const w = writer();
      return withImportFile(input, (fileName, source) => ar.importReceipts(w, fileName, source));
    },
    'imports:progress': async () => importProgress(desk.ctx.book),
    'allocations:apply': async (input) => ar.applyCredit(writer(), input),
    'allocations:unapply': async (input) => ar.unapplyCredit(writer(), input),
    'credit-notes:create': async (input) => ar.createCreditNote(writer(), input),
    'credit-notes:void': async (input) => ar.voidCreditNote(writer(), input),
    'write-offs:create': async (input) => ar.createWriteOff(writer(), input),
    'write-offs:recover': async (input) => ar.recoverWriteOff(writer(), input),
    'write-offs:void': async (input) => ar.voidWriteOff(writer(), input),
    'notes:create': async (input) => ar.createNote(writer(), input),
    'notes:set-state': async (input) => ar.setNoteState(writer(), input),
    'notes:list': async (q) => ar.listNotes(ctx(), q),
    'ledger:customer': async (q) => ar.customerLedger(ctx(), q),
    'ageing:report': async (q) => ar.ageingReport(ctx(), q),
    'ageing:drilldown': async (q) => ar.ageingDrilldown(ctx(), q),
    'ageing:tie-out': async (q) => ar.ageingTieOut(ctx(), q),
    'ageing:export': async (q) => ar.exportAgeing(auditedReaderContext(desk), q), // a read with an audit row: viewers may export
    'ageing:presets': async () => ar.listPresets(ctx()),
    'ageing:save-preset': async (input) => ar.savePreset(writer(), input),
    'ageing:delete-preset': async ({ name }) => ar.deletePreset(writer(), name),
    'receivables:dashboard': async (q) => ar.receivablesDashboard(ctx(), q),
    'receivables:settings': async () => ar.getArSettings(ctx()),
    'receivables:update-settings': async (patch) =>
      ar.updateArSettings(writer(), patch as Partial<ReceivablesSettings>),
    'credit:check': async (q) => ar.creditCheck(ctx(), q),
  };
}
