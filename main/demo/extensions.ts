// Later areas (receivables, collections, ...) add their demo data here, in order.
import type { ServiceContext } from '../services/context';
import { demoReceivables } from './receivables';

export interface DemoExtensionInput {
  ctx: ServiceContext;
  customers: string[];
  invoices: number;
  seed: number;
}

export type DemoExtension = (input: DemoExtensionInput) => Promise<string | void>;

export const DEMO_EXTENSIONS: DemoExtension[] = [demoReceivables];
