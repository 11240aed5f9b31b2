// Money display and form text. Amounts are integer fen everywhere; text only at the edges.
import { formatMoney, MoneyParseError, parseMoney } from '@shared/money';

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

export type MoneyTextResult =
  { ok: true; fen: number | null } | { ok: false; key: 'invalid_money' | 'amount_too_large' };

/** Parse a money input: '' → null, bad text → invalid_money (never a float). */
export function parseMoneyText(text: string | null | undefined): MoneyTextResult {
  const s = (text ?? '').trim();
  if (s === '') return { ok: true, fen: null };
  try {
    return { ok: true, fen: parseMoney(s) };
  } catch (e) {
    if (e instanceof MoneyParseError)
      return { ok: false, key: e.reason === 'range' ? 'amount_too_large' : 'invalid_money' };
    throw e;
  }
}

/** Largest amount a document may carry (fen): 10^13 yuan would not fit the money columns' 15 digits. */
export const MAX_DOCUMENT_FEN = 999_999_999_999_99;

/**
 * A positive document amount: '' → required (or null when optional); otherwise the exact problem:
 * not an amount, 0, negative, too large.
 */
export function positiveAmountProblem(text: string | null | undefined, required: boolean): string | null {
  const p = parseMoneyText(text);
  if (!p.ok) return p.key;
  if (p.fen === null) return required ? 'required' : null;
  if (p.fen === 0) return 'amount_zero';
  if (p.fen < 0) return 'amount_negative';
  if (p.fen > MAX_DOCUMENT_FEN) return 'amount_too_large';
  return null;
}
