// The option checks every report command shares (main/cli/io.ts): a choice's default and its
// refusal, and "book not found" with nothing opened.
import { describe, expect, it } from 'vitest';
import { bookFound, choiceOption, UsageError } from '../../main/cli/io';

describe('command options', () => {
  it('takes the first choice when absent, or the fallback given', () => {
    expect(choiceOption(undefined, 'format', ['json', 'csv'] as const)).toBe('json');
    expect(choiceOption(undefined, 'format', ['html', 'json'] as const, 'json')).toBe('json');
    expect(choiceOption('csv', 'format', ['json', 'csv'] as const)).toBe('csv');
  });

  it('refuses anything else with a usage error naming the option and its choices', () => {
    expect(() => choiceOption('xml', 'format', ['json', 'csv'] as const)).toThrow(UsageError);
    expect(() => choiceOption('fr', 'lang', ['zh-CN', 'en'] as const)).toThrow('--lang must be zh-CN or en, got "fr"');
    expect(() => choiceOption('', 'basis', ['due', 'issue'] as const)).toThrow('--basis must be due or issue, got ""');
  });

  it('says which command did not find which book', () => {
    const err: string[] = [];
    const io = { out: () => undefined, err: (s: string) => void err.push(s) };
    expect(bookFound('/nonexistent/x.creditdesk', 'tiers', io)).toBe(false);
    expect(err).toEqual(['creditdesk tiers: book not found: /nonexistent/x.creditdesk\n']);
    expect(bookFound(process.execPath, 'tiers', io)).toBe(true);
  });
});
