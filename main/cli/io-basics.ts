// The part of the command-line plumbing the entry needs to answer `creditdesk --help` or a
// usage error: no message catalogues, no schemas (io.ts adds those for the commands). Keeping
// the entry this small is most of what `--help` costs beyond Node's own start.
import type { MessageLang } from '../../shared/messages/server-messages';

/** Exit codes are a fixed interface (DESIGN.md). */
export const EXIT = { OK: 0, FAILURE: 1, USAGE: 2, BAD_INPUT: 3 } as const;

export interface CliIo {
  out: (text: string) => void;
  /** bytes already encoded (UTF-8) for stdout; without it they go through `out` as text. True when
   *  they were written out already (the caller may then reuse their buffer). */
  outBytes?: (bytes: Uint8Array) => unknown;
  err: (text: string) => void;
  /** language of messages for people (`--lang`, zh-CN by default); JSON/CSV output is unaffected */
  lang?: MessageLang;
}

export type CliCommand = (argv: string[], io: CliIo) => Promise<number>;

export class UsageError extends Error {}

/** Takes `--lang zh-CN|en` (or `--lang=…`) out of the arguments, wherever it stands. */
export function takeLangOption(argv: string[]): { lang: MessageLang; rest: string[] } {
  let lang: MessageLang = 'zh-CN';
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = a === '--lang' ? argv[++i] : a.startsWith('--lang=') ? a.slice(7) : null;
    if (v === null) rest.push(a);
    else if (v === 'en' || v === 'zh-CN' || v === 'zh') lang = v === 'en' ? 'en' : 'zh-CN';
    else throw new UsageError(`--lang must be zh-CN or en, got "${v ?? ''}"`);
  }
  return { lang, rest };
}

export const processIo: CliIo = {
  out: (t) => process.stdout.write(t),
  outBytes: (b) => {
    process.stdout.write(b);
    // nothing queued: written through (a file, or a pipe with room); else the stream keeps `b`
    return process.stdout.writableLength === 0;
  },
  err: (t) => process.stderr.write(t),
};
