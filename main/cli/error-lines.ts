// An AppError told on the terminal in the user's language: loaded by the commands when one
// failed (the message catalogues it needs are tens of KB of JavaScript to parse and build).
import { localizedErrorMessage } from '../../shared/messages/server-messages';
import type { AppError } from '../../shared/result';
import type { CliIo } from './io-basics';
import { rowMessageText } from './row-messages';

/** An AppError's lines for the terminal, in the user's language (rows: spreadsheet row, field, message). */
export function errorLines(io: CliIo, prefix: string, e: AppError, fileName?: string): string {
  const zh = (io.lang ?? 'zh-CN') === 'zh-CN';
  let text = `${prefix}: ${localizedErrorMessage(io.lang ?? 'zh-CN', e)}\n`;
  for (const r of e.rows ?? []) {
    const where = zh
      ? `${fileName ? `${fileName} ` : ''}第 ${r.row} 行，${r.field}`
      : `${fileName ? `${fileName} ` : ''}row ${r.row}, ${r.field}`;
    // a bare message key (customer_gross_limit) is rendered in English too; English sentences stay as they are
    const shown =
      zh || /^[a-z_]+$/.test(r.message) ? rowMessageText(zh ? 'zh-CN' : 'en', r.message, r.values) : r.message;
    text += `  ${where}: ${shown}\n`;
  }
  return text;
}
