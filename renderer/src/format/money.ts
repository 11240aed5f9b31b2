// Money display and form text. Amounts are integer fen everywhere; text only at the edges.
import { formatMoney, MoneyParseError, parseMoney } from '../../../shared/money';

/** "¥1,234.56" for display; "—" for null. */
export function money(fen: number | null | undefined, currency = 'CNY'): string {
  if (fen === null || fen === undefined) return '—';
  return formatMoney(fen, { currency });
}

/** "1,234.56" for an editable money input ('' for null). */
export function moneyText(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  return formatMoney(fen, { symbol: false });
}

export type MoneyTextResult = { ok: true; fen: number | null } | { ok: false; key: 'invalid_money' };

/** Parse a money input: '' → null, bad text → invalid_money (never a float). */
export function parseMoneyText(text: string | null | undefined): MoneyTextResult {
  const s = (text ?? '').trim();
  if (s === '') return { ok: true, fen: null };
  try {
    return { ok: true, fen: parseMoney(s) };
  } catch (e) {
    if (e instanceof MoneyParseError) return { ok: false, key: 'invalid_money' };
    throw e;
  }
}
