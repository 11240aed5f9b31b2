// The command line speaks the user's language (issue 16 item 7): the usage text and the lines
// the commands write for people, in Chinese by default and unchanged with --lang en.
import { describe, expect, it } from 'vitest';
import { HUMAN_OUTPUT, localizeCliLine, localizeCliText, usageText } from '../../main/cli/messages';

describe('creditdesk in the user language', () => {
  it('prints the usage in Chinese with the same command syntax', () => {
    const zh = usageText('zh-CN');
    expect(zh).toMatch(/^用法：/);
    expect(zh).toContain('creditdesk ageing    --db FILE --as-of YYYY-MM-DD [--basis due|issue] [--format json|csv]');
    expect(zh).toContain('退出码：0 完成，1 失败，2 用法错误，3 输入有误');
    expect(usageText('en')).toMatch(/^usage:/);
    expect(localizeCliText('zh-CN', `creditdesk ageing: x\n${usageText('en')}`)).toContain('用法：');
  });

  it('answers --help with the Chinese usage as the line by line localization would (its shortcut)', () => {
    const zh = usageText('zh-CN');
    // every line of the Chinese usage stays as it is: the shortcut for the bare usage text loses nothing
    expect(zh.split('\n').map((l) => localizeCliLine('zh-CN', l))).toEqual(zh.split('\n'));
    expect(localizeCliText('zh-CN', usageText('en'))).toBe(zh);
    expect(localizeCliText('zh-CN', `creditdesk ageing: x\n${usageText('en')}`)).toBe(`creditdesk ageing：x\n${zh}`);
  });

  it.each([
    ['creditdesk ageing: missing required option --as-of', 'creditdesk ageing：缺少必需的选项 --as-of'],
    [
      'creditdesk ageing: --as-of must be a date YYYY-MM-DD, got "2026-02-30"',
      'creditdesk ageing：--as-of 必须是日期 YYYY-MM-DD，收到的是“2026-02-30”',
    ],
    [
      'creditdesk ageing: --format must be json or csv, got "xml"',
      'creditdesk ageing：--format 只能是 json 或 csv，收到的是“xml”',
    ],
    ['creditdesk ageing: book not found: /tmp/a.creditdesk', 'creditdesk ageing：找不到账套：/tmp/a.creditdesk'],
    [
      'creditdesk statement: --from 2026-06-01 is after --to 2026-05-01',
      'creditdesk statement：--from 2026-06-01 晚于 --to 2026-05-01',
    ],
    [
      "creditdesk init: Unknown option '--bogus'. To specify a positional argument…",
      'creditdesk init：未知的选项 --bogus',
    ],
    ['created book /tmp/a.creditdesk', '已新建账套 /tmp/a.creditdesk'],
    ['ok: /e/b.cdbak is an intact CreditDesk backup', '校验通过：/e/b.cdbak 是完整的 CreditDesk 备份'],
    ['  encrypted: yes', '  加密：    是'],
    ['  tables:    21, 4021 rows', '  数据表：  21 张，共 4021 行'],
  ])('%s', (en, zh) => {
    expect(localizeCliLine('zh-CN', en)).toBe(zh);
    expect(localizeCliLine('en', en)).toBe(en);
  });

  it('leaves lines it does not know as they are, and the browser-mode address that scripts read', () => {
    expect(localizeCliLine('zh-CN', 'C000001,华盛贸易,0.00')).toBe('C000001,华盛贸易,0.00');
    expect(HUMAN_OUTPUT.has('serve')).toBe(false);
    expect(localizeCliText('zh-CN', 'CreditDesk browser mode: http://127.0.0.1:5/?token=x\n')).toMatch(
      /browser mode: http/,
    );
  });
});
