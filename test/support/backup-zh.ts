// #16: a backup error must read in Chinese to the end in the Chinese UI and CLI. Shared by the
// backup tests: every error they provoke (create, verify, inspect, restore) goes through
// expectKeyedChinese, so a new throw without a message key, or a key whose Chinese text holds
// English words, fails the test that reaches it.
import { expect } from 'vitest';
import { BACKUP_MESSAGES } from '../../shared/messages/backup-messages';
import { localizedErrorMessage } from '../../shared/messages/server-messages';

/** English words left in a Chinese sentence, apart from the product name, file names and codes. */
export function englishWords(zh: string): string[] {
  const stripped = zh
    .replace(/CreditDesk/g, '')
    .replace(/[^\s/\\（）]*[\\/][^\s（）]*/g, '') // paths (test folders have English names)
    .replace(/[\w.-]+\.(cdbak|partial|creditdesk|sqlite)\b/g, '')
    .replace(/\.cdbak/g, '')
    .replace(/\b[A-Z]{2,}[A-Z0-9_]*\b/g, ''); // error codes like ENOSPC
  return stripped.match(/[A-Za-z]{3,}/g) ?? [];
}

/** The error is a backup error with a backup message key, and its Chinese text has no English. */
export function expectKeyedChinese(err: unknown): string {
  const e = err as { key?: string; message: string; values?: Record<string, string | number> };
  expect(e?.key, `no message key: ${e?.message}`).toBeDefined();
  expect(Object.keys(BACKUP_MESSAGES), `not a backup message: ${e.key}`).toContain(e.key);
  const zh = localizedErrorMessage('zh-CN', e);
  expect(zh).not.toMatch(/\{\w+\}/);
  // the sentence itself, values (file and folder names, paths, numbers) aside; `…Zh` values
  // are Chinese text themselves and stay
  const neutral = Object.fromEntries(Object.entries(e.values ?? {}).map(([k, v]) => [k, k.endsWith('Zh') ? v : '〇']));
  const sentence = localizedErrorMessage('zh-CN', { ...e, values: neutral });
  expect(englishWords(sentence), zh).toEqual([]);
  return zh;
}
