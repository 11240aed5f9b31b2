// Dates typed by hand: the forms accept the common ways of writing a date (2026-03-05,
// 2026/3/5, 2026.3.5, 20260305, 2026年3月5日) and refuse impossible ones (2026-02-30) — a date is
// never guessed or replaced. Pure; the date pickers use it (components/TypedDatePicker.tsx).
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';

dayjs.extend(customParseFormat);

/** Display format first (antd shows the first and parses with all of them). */
export const TYPED_DATE_FORMATS = [
  'YYYY-MM-DD',
  'YYYY-M-D',
  'YYYY/M/D',
  'YYYY/MM/DD',
  'YYYY.M.D',
  'YYYY.MM.DD',
  'YYYYMMDD',
  'YYYY年M月D日',
];

export type TypedDate = { kind: 'empty' } | { kind: 'date'; date: string } | { kind: 'invalid' };

/** '' → empty; a real calendar date in one of the accepted forms → YYYY-MM-DD; anything else → invalid. */
export function parseTypedDate(text: string | null | undefined): TypedDate {
  const s = (text ?? '')
    .trim()
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[／]/g, '/')
    .replace(/[－—]/g, '-');
  if (s === '') return { kind: 'empty' };
  const m = /^(\d{4})(?:([-/.])(\d{1,2})\2(\d{1,2})|(\d{2})(\d{2})|年(\d{1,2})月(\d{1,2})日?)$/.exec(s);
  if (!m) return { kind: 'invalid' };
  const y = Number(m[1]);
  const mo = Number(m[3] ?? m[5] ?? m[7]);
  const d = Number(m[4] ?? m[6] ?? m[8]);
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1) return { kind: 'invalid' };
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > days) return { kind: 'invalid' };
  return { kind: 'date', date: `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}
