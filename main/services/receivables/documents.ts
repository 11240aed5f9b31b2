// Receivables documents: invoices, receipts, credit notes, write-offs (and recoveries), notes
// receivable; manual apply / unapply. Every write is one transaction with its audit row.
// Posted documents are never deleted: void (with a reason) reverses their allocations.
export * from './documents/invoices';
export * from './documents/receipts';
export * from './documents/apply';
export * from './documents/credit-notes';
export * from './documents/write-offs';
export * from './documents/notes';
