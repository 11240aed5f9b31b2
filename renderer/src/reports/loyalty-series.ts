// Pure data shaping for the loyalty distribution (客户忠诚度分布): one row per loyalty type in a
// fixed order with customer and sales shares in whole tenths of a percent (display only; money
// stays integer fen), and the average satisfaction as text.
import { LOYALTY_TYPES, type LoyaltyDistribution, type LoyaltyType } from '@shared/types-service';

export interface LoyaltySlice {
  type: LoyaltyType;
  customers: number;
  manual: number;
  sales: number;
  /** percent with one decimal, e.g. 33.3 */
  customerShare: number;
  salesShare: number;
}

/** Share of part in whole as a percent rounded to one decimal (0 when whole is 0). */
export function share1(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.round((part * 1000) / whole) / 10;
}

export function loyaltySlices(d: Pick<LoyaltyDistribution, 'rows'>): LoyaltySlice[] {
  const byType = new Map(d.rows.map((r) => [r.type, r]));
  const customers = d.rows.reduce((a, r) => a + r.customers, 0);
  const sales = d.rows.reduce((a, r) => a + r.sales, 0);
  return LOYALTY_TYPES.map((type) => {
    const r = byType.get(type) ?? { customers: 0, manual: 0, sales: 0 };
    return {
      type,
      customers: r.customers,
      manual: r.manual,
      sales: r.sales,
      customerShare: share1(r.customers, customers),
      salesShare: share1(r.sales, sales),
    };
  });
}

/** 333 → "3.33"; null → null */
export function scoreText(average100: number | null): string | null {
  if (average100 === null) return null;
  return `${Math.floor(average100 / 100)}.${String(average100 % 100).padStart(2, '0')}`;
}
