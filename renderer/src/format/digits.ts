// Whole numbers sent as exact decimal strings (the worklist score passes 2^53 at the money caps)
// shown with thousands separators, as Number.toLocaleString showed them, without going through
// a float: "30000000000000001" → "30,000,000,000,000,001".
export function groupDigits(digits: string): string {
  if (!/^-?\d+$/.test(digits)) return digits;
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
