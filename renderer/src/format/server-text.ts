// Messages from main in the user's language when only their English sentence was stored: backup
// history entries and audit notes written before main stored message keys (#16). The sentence is
// matched against every message's English template; the match's values fill the Chinese one.
// A sentence that matches no template, or whose Chinese needs a value the English does not carry
// (an error code), stays as it was.
import { BACKUP_ACTION_ZH } from '@shared/messages/backup-messages';
import {
  SERVER_MESSAGES,
  isServerMessageKey,
  renderServerMessage,
  type MessageLang,
  type MessageValues,
  type ServerMessageKey,
} from '@shared/messages/server-messages';

interface Template {
  key: ServerMessageKey;
  re: RegExp;
  names: string[];
}

let templates: Template[] | null = null;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(): Template[] {
  return (Object.keys(SERVER_MESSAGES) as ServerMessageKey[]).flatMap((key) => {
    const en = SERVER_MESSAGES[key].en;
    const names: string[] = [];
    const source = en
      .split(/(\{\w+\})/)
      .map((part) => {
        const m = /^\{(\w+)\}$/.exec(part);
        if (!m) return escape(part);
        names.push(m[1]);
        return '(.+?)';
      })
      .join('');
    // a template of placeholders only ("{detail}") would match anything
    if (!en.replace(/\{\w+\}/g, '').trim()) return [];
    return [{ key, re: new RegExp(`^${source}$`), names }];
  });
}

/** The key and values of an English sentence main wrote, or null. */
export function matchEnglish(sentence: string): { key: ServerMessageKey; values: MessageValues } | null {
  templates ??= compile();
  for (const t of templates) {
    const m = t.re.exec(sentence.trim());
    if (!m) continue;
    const values: MessageValues = {};
    t.names.forEach((n, i) => (values[n] = m[i + 1]));
    if (typeof values.action === 'string' && BACKUP_ACTION_ZH[values.action])
      values.actionZh = BACKUP_ACTION_ZH[values.action];
    // the Chinese must not be left with a placeholder the English did not carry
    const zh = SERVER_MESSAGES[t.key].zh;
    const missing = [...zh.matchAll(/\{(\w+)\}/g)].some(([, n]) => values[n] === undefined && n !== 'more');
    if (!missing) return { key: t.key, values };
  }
  return null;
}

/** A stored message in `lang`: by its key when it has one, else its English sentence matched. */
export function serverText(
  lang: MessageLang,
  x: { message: string | null; messageKey?: string | null; messageValues?: MessageValues },
): string | null {
  if (isServerMessageKey(x.messageKey ?? undefined))
    return renderServerMessage(lang, x.messageKey as ServerMessageKey, x.messageValues);
  if (x.message === null || lang === 'en') return x.message;
  const m = matchEnglish(x.message);
  return m ? renderServerMessage(lang, m.key, m.values) : x.message;
}
