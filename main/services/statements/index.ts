// Statements service (对账单): data, print (HTML/PDF, cards), batch runs, confirmation slips.
export { statementDataSync, statementJson, assertPeriod, findCustomer } from './data';
export {
  statementData,
  statementHtmlFor,
  statementPdf,
  cardsHtmlFor,
  recordSent,
  assertPrintConfirmed,
  isSensitive,
  type PrintQuery,
  type CardsQuery,
} from './print';
export {
  recordConfirmation,
  resolveDisagreement,
  listConfirmations,
  listOutstanding,
  confirmationScan,
  SCAN_MAX_BYTES,
} from './confirmations';
export { balancesAsOf, selectCandidates, startBatchRun, BatchRun, type BatchCandidate } from './batch';
export { StatementsService, defaultPdfRenderer, type StatementsServiceOptions } from './service';
