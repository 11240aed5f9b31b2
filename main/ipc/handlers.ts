// One handler per contract channel. Inputs arrive already zod-parsed (see register.ts);
// handlers call services and return plain data.
import { bookPathFrom } from './dialog-paths';
import type { Channel, ParsedInputOf, WireOf } from '../../shared/ipc/contract';
import type { Desk } from '../app/desk';
import { exportAudit, listAudit } from '../services/audit';
import * as customers from '../services/customers';
import { createOperator, listOperators, login } from '../services/operators';
import { listRegions, upsertRegion } from '../services/regions';
import { getCompany, updateCompany } from '../services/settings';
import { auditedReaderContext, readerContext, writerContext } from './session';
import { withImportFile } from './import-file';
import type { receivablesChannels } from '../../shared/ipc/receivables';
import { receivablesHandlers } from './handlers-receivables';
import type { backupChannels } from '../../shared/ipc/backup';
import { backupHandlers } from './handlers-backup';
import { requireOperator } from './operator-gate';
import type { statementsChannels } from '../../shared/ipc/statements';
import { statementsHandlers } from './handlers-statements';
import type { welcomeChannels } from '../../shared/ipc/welcome';
import { welcomeHandlers } from './handlers-welcome';
import type { analysisChannels } from '../../shared/ipc/analysis';
import { analysisHandlers } from './handlers-analysis';
import type { creditChannels } from '../../shared/ipc/credit';
import { creditHandlers } from './handlers-credit';
import { assertRole } from '../services/credit/roles';
import type { collectionsChannels } from '../../shared/ipc/collections';
import { collectionsHandlers } from './handlers-collections';
import type { collectionRunsChannels } from '../../shared/ipc/collection-runs';
import { collectionRunsHandlers } from './handlers-collection-runs';
import type { complaintsChannels } from '../../shared/ipc/complaints';
import { complaintsHandlers } from './handlers-complaints';
import type { serviceChannels } from '../../shared/ipc/service';
import { serviceHandlers } from './handlers-service';
import type { visitsChannels } from '../../shared/ipc/visits';
import { visitsHandlers } from './handlers-visits';

export type Handler<C extends Channel> = (input: ParsedInputOf<C>) => Promise<WireOf<C>>;
export type HandlerMap = { [C in Channel]: Handler<C> };

export function createHandlers(desk: Desk): HandlerMap {
  return requireOperator(desk, {
    ...coreHandlers(desk),
    ...receivablesHandlers(desk),
    ...backupHandlers(desk),
    ...statementsHandlers(desk),
    ...welcomeHandlers(desk),
    ...analysisHandlers(desk),
    ...creditHandlers(desk),
    ...collectionsHandlers(desk),
    ...collectionRunsHandlers(desk),
    ...complaintsHandlers(desk),
    ...serviceHandlers(desk),
    ...visitsHandlers(desk),
  });
}

type CoreChannel = Exclude<
  Channel,
  | keyof typeof receivablesChannels
  | keyof typeof backupChannels
  | keyof typeof statementsChannels
  | keyof typeof welcomeChannels
  | keyof typeof analysisChannels
  | keyof typeof creditChannels
  | keyof typeof collectionsChannels
  | keyof typeof collectionRunsChannels
  | keyof typeof complaintsChannels
  | keyof typeof serviceChannels
  | keyof typeof visitsChannels
>;

function coreHandlers(desk: Desk): { [C in CoreChannel]: Handler<C> } {
  const ctx = () => readerContext(desk);
  const writer = () => writerContext(desk);
  return {
    'app:info': async () => desk.info(),
    'app:set-locale': async ({ locale }) => {
      desk.writeState({ locale });
      return { locale };
    },
    'books:open': async (input) => {
      await desk.open(bookPathFrom(desk, input, 'book-open'), {
        readonly: input.readonly,
        openAnyway: input.openAnyway,
      });
      return desk.info();
    },
    'books:create': async (input) => {
      await desk.open(bookPathFrom(desk, input, 'book-create'), { create: true, company: input.company });
      return desk.info();
    },
    'settings:company': async () => getCompany(ctx()),
    'settings:update-company': async (patch) => updateCompany(writer(), patch),
    'operators:list': async () => listOperators(ctx()),
    'operators:create': async (input) => {
      const w = writer();
      assertRole(w, ['admin']); // only administrators add operators and give roles
      return createOperator(w, input);
    },
    'operators:login': async (input) => login(ctx(), input),
    'regions:list': async () => listRegions(ctx()),
    'regions:upsert': async (r) => upsertRegion(writer(), r),
    'customers:list': async (input) => customers.listCustomers(ctx(), input),
    'customers:get': async (key) => customers.getCustomer(ctx(), key),
    'customers:create': async (input) => customers.createCustomer(writer(), input),
    'customers:update': async ({ id, version, data }) => customers.updateCustomer(writer(), id, version, data),
    'customers:approve-opening': async (input) => customers.approveOpening(writer(), input),
    'customers:set-lifecycle': async (input) => customers.setLifecycle(writer(), input),
    'customers:history': async ({ id }) => (await listAudit(ctx(), { customerId: id, limit: 500 })).rows,
    'customers:import': async (input) => {
      const w = writer();
      return withImportFile(input, (fileName, source) => customers.importCustomers(w, fileName, source));
    },
    'customers:export': async (input) => customers.exportCustomers(auditedReaderContext(desk), input), // a read with an audit row: viewers may export
    'audit:list': async (q) => listAudit(ctx(), q),
    'audit:export': async (q) => exportAudit(ctx(), q),
  };
}
