// Import row problems arrive as English sentences (shared/validation.ts, the money parser, the
// import services). The CLI shows them in the user's language with the same recogniser and
// the same (pure data) catalogues as the app, so the terminal and the window say the same.
import { recogniseMessage } from '../../renderer/src/format/server-messages';
import { en } from '../../renderer/src/i18n/en';
import { zhCN } from '../../renderer/src/i18n/zh-CN';
import type { MessageLang } from '../../shared/messages/server-messages';

function lookup(dict: unknown, key: string): string | null {
  let node: unknown = dict;
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object') return null;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : null;
}

export function rowMessageText(lang: MessageLang, message: string, values?: Record<string, string | number>): string {
  const known = recogniseMessage(message);
  if (!known) return message;
  const text = lookup(lang === 'en' ? en : zhCN, known.key);
  if (!text) return message;
  const all: Record<string, string | number> = { ...known.values, ...values };
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (all[name] === undefined ? whole : String(all[name])));
}
