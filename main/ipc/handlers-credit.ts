// Handlers for the credit channels (shared/ipc/credit.ts). Reads run on the book's connection
// (a few indexed lookups per customer); writes go through writerContext (viewers refused) and
// the credit services (roles, approvals, audit).
import type { creditChannels } from '../../shared/ipc/credit';
import type {
  CreditBacktestOut,
  CreditOverviewOut,
  CreditProfileOut,
  CreditSettingsOut,
  WorksheetOut,
} from '../../shared/types-credit';
import type { Desk } from '../app/desk';
import { creditProfile } from '../reports/credit-profile';
import { creditOverview } from '../reports/credit-overview';
import { backtestProgress, cancelBacktest, runBacktest, startBacktest } from '../services/credit/backtest-job';
import { read } from '../services/book-queue';
import { setCreditClass, recordCreditReport } from '../services/credit/classes';
import { decideLimit, worksheet } from '../services/credit/limits';
import { rateCustomer } from '../services/credit/rating';
import { investigationSheetFor } from '../services/credit/print';
import {
  addCountermeasure,
  recordInvestigation,
  setDiscountTerms,
  updateCountermeasure,
} from '../services/credit/records';
import { setOperatorRole } from '../services/credit/roles';
import { loadCreditSettings, updateCreditSettings, type CreditSettings } from '../services/credit/settings';
import type { WorksheetInputs } from '../domain/credit-worksheet';
import type { Handler } from './handlers';
import { readerContext, writerContext } from './session';

type CreditChannel = keyof typeof creditChannels;

export function creditHandlers(desk: Desk): { [C in CreditChannel]: Handler<C> } {
  const ctx = () => readerContext(desk);
  const writer = () => writerContext(desk);
  return {
    'credit:profile': async ({ customerId }) => {
      const c = ctx();
      return read(c, () => creditProfile(c.book, customerId, c.clock.today()) as CreditProfileOut | null);
    },
    'credit:overview': async ({ asOf }) => {
      const c = ctx();
      return read(c, (sqlite) => creditOverview(sqlite, asOf ?? c.clock.today()) as CreditOverviewOut);
    },
    'credit:backtest': async ({ asOf }) => {
      const c = ctx();
      return (await runBacktest(c, asOf ?? c.clock.today())) as CreditBacktestOut;
    },
    'credit:backtest-start': async ({ asOf }) => {
      const c = ctx();
      return startBacktest(c, asOf ?? c.clock.today());
    },
    'credit:backtest-progress': async () => backtestProgress(ctx()),
    'credit:backtest-cancel': async () => cancelBacktest(ctx()),
    'credit:settings': async () => loadCreditSettings(ctx()) as CreditSettingsOut,
    'credit:update-settings': async (patch) =>
      updateCreditSettings(writer(), patch as Partial<CreditSettings>) as Promise<CreditSettingsOut>,
    'credit:worksheet': async (input) => worksheet(input as WorksheetInputs) as WorksheetOut,
    'credit:decide-limit': async (input) =>
      decideLimit(writer(), { ...input, worksheet: input.worksheet as WorksheetInputs | undefined }),
    'credit:rate': async (input) => rateCustomer(writer(), input),
    'credit:set-class': async (input) => setCreditClass(writer(), input),
    'credit:report': async (input) => recordCreditReport(writer(), input),
    'credit:investigate': async (input) => recordInvestigation(writer(), input),
    'credit:add-countermeasure': async (input) => addCountermeasure(writer(), input),
    'credit:update-countermeasure': async (input) => updateCountermeasure(writer(), input),
    'credit:set-terms': async (input) => setDiscountTerms(writer(), input),
    'operators:set-role': async (input) => setOperatorRole(writer(), input),
    'credit:investigation-sheet': async (q) =>
      investigationSheetFor(q.confirmed ? writer() : ctx(), { ...q, fonts: 'app' }),
  };
}
