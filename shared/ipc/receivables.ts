// Receivables channels (invoices, receipts, allocations, ageing, KPIs). Merged into contract.ts.
import { z } from 'zod';
import { channel } from './channel';

export const receivablesChannels = {} as const;
void z;
void channel;
