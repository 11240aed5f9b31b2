// The command line in the user's language (`--lang zh-CN|en`, zh-CN by default): the usage text,
// and every line the commands write for people. Commands word their lines in English (what the
// tests and logs have always read); runCli passes stderr, and stdout of the commands that print
// only for people, through localizeCliText, which turns each known English line into Chinese.
// JSON, CSV, .ics and HTML output is never touched. AppErrors are already localized by key
// (error-lines.ts); this covers usage errors, node's own option errors and the status lines.
import type { MessageLang } from '../../shared/messages/server-messages';

/** Commands whose stdout is only for people (the others print data). */
// (serve's "CreditDesk browser mode: URL" line is read by scripts/start.mjs: it stays as it is)
export const HUMAN_OUTPUT = new Set(['init', 'demo', 'backup', 'verify', 'restore']);

const SYNTAX = `  creditdesk init      --db FILE [--company NAME]
  creditdesk demo      --db FILE [--customers N] [--invoices M] [--seed S]
  creditdesk import    --db FILE customers|invoices|receipts|promises FILE.csv|FILE.xlsx [--open-anyway]
  creditdesk ageing    --db FILE --as-of YYYY-MM-DD [--basis due|issue] [--format json|csv]
  creditdesk tiers     --db FILE --as-of YYYY-MM-DD [--months N] [--format json|csv]
  creditdesk statement --db FILE --customer CODE --from YYYY-MM-DD --to YYYY-MM-DD [--format html|json] --out FILE
  creditdesk credit    --db FILE --as-of YYYY-MM-DD [--format json|csv]
  creditdesk promises  --db FILE --as-of YYYY-MM-DD [--format json|csv]
  creditdesk dunning   --db FILE --as-of YYYY-MM-DD [--format json|csv] [--level N --letters DIR]
  creditdesk calendar  --db FILE --from YYYY-MM-DD --to YYYY-MM-DD [--as-of YYYY-MM-DD] [--format json|ics]
  creditdesk complaints --db FILE [--from YYYY-MM-DD --to YYYY-MM-DD] [--format json|csv]
  creditdesk backup    --db FILE --to DIR [--password-file F]
  creditdesk verify    BACKUP [--password-file F]
  creditdesk restore   BACKUP --db FILE [--password-file F]
  creditdesk serve     --db FILE [--port N] [--token T] [--readonly]
`;

const USAGE_EN = `usage:
${SYNTAX}every command: [--lang zh-CN|en] (messages in that language; zh-CN by default)
exit codes: 0 done, 1 failure, 2 usage error, 3 bad input (nothing was changed)
`;

const USAGE_ZH = `用法：
${SYNTAX}命令：
  init 新建（或打开）账套　demo 生成演示账套　import 导入客户/发票/收款/付款承诺（全部成功才写入）
  ageing 账龄分析　tiers 客户价值分级　statement 对账单　credit 信用占用　promises 付款承诺
  dunning 催收级别（可批量生成催款函）　calendar 催收日历　complaints 客户投诉
  backup 备份并校验　verify 校验备份文件　restore 从备份恢复　serve 浏览器模式
所有命令都可加 [--lang zh-CN|en]（提示信息的语言，默认中文）；金额以分为单位输出，日期为 YYYY-MM-DD
退出码：0 完成，1 失败，2 用法错误，3 输入有误（未作任何改动）
`;

export function usageText(lang: MessageLang): string {
  return lang === 'en' ? USAGE_EN : USAGE_ZH;
}

const orList = (s: string) => s.replace(/ or /g, ' 或 ');

/** English line → Chinese line, first match wins; `$1`… are the pattern's groups. */
const LINES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^creditdesk: unknown command "(.*)"$/, (m) => `creditdesk：未知命令“${m[1]}”`],
  [/^(creditdesk(?: \w+)?): (.*)$/, (m) => `${m[1]}：${localizeCliLine('zh-CN', m[2])}`],
  [/^missing required option --(\S+)$/, (m) => `缺少必需的选项 --${m[1]}`],
  [/^--(\S+) must be a date YYYY-MM-DD, got "(.*)"$/, (m) => `--${m[1]} 必须是日期 YYYY-MM-DD，收到的是“${m[2]}”`],
  [
    /^--(\S+) must be a whole number (\S+), got "(.*)"$/,
    (m) => `--${m[1]} 必须是 ${m[2]} 之间的整数，收到的是“${m[3]}”`,
  ],
  [/^--(\S+) must be a whole number, got "(.*)"$/, (m) => `--${m[1]} 必须是整数，收到的是“${m[2]}”`],
  [/^--(\S+) must be a number, got "(.*)"$/, (m) => `--${m[1]} 必须是数字，收到的是“${m[2]}”`],
  [/^--(\S+) must be (.+), got "(.*)"$/, (m) => `--${m[1]} 只能是 ${orList(m[2])}，收到的是“${m[3]}”`],
  [/^--from (\S+) is after --to (\S+)$/, (m) => `--from ${m[1]} 晚于 --to ${m[2]}`],
  [/^--level N and --letters DIR go together$/, () => '--level N 和 --letters DIR 需要一起给出'],
  [/^unknown import kind "(.*)" \((.*)\)$/, (m) => `未知的导入类型“${m[1]}”（可用：${m[2]}）`],
  [/^expected: (.*)$/, (m) => `用法：${m[1]}`],
  [/^(verify|restore) takes exactly one BACKUP file$/, (m) => `${m[1]} 只接受一个备份文件`],
  [/^Unknown option '(.*)'.*$/, (m) => `未知的选项 ${m[1]}`],
  [/^Option '(.*)' argument missing$/, (m) => `选项 ${m[1]} 缺少取值`],
  [/^Unexpected argument '(.*)'.*$/, (m) => `多余的参数 ${m[1]}`],
  [
    /^book not found: (.*?)( \(create it with creditdesk init\))?$/,
    (m) => `找不到账套：${m[1]}${m[2] ? '（请先用 creditdesk init 新建）' : ''}`,
  ],
  [/^(.*): file not found$/, (m) => `${m[1]}：找不到文件`],
  [/^--customer: no customer with code "(.*)" in (.*)$/, (m) => `--customer：${m[2]} 中没有编码为“${m[1]}”的客户`],
  [/^(.*) already has customers; use a new file$/, (m) => `${m[1]} 已有客户，请换一个新文件`],
  [/^(created|opened) book (.*)$/, (m) => `${m[1] === 'created' ? '已新建' : '已打开'}账套 ${m[2]}`],
  [/^demo: (\d+) customers in (\d+) ms$/, (m) => `演示数据：${m[1]} 个客户，用时 ${m[2]} 毫秒`],
  [/^backup written and verified:$/, () => '备份已写入并校验通过：'],
  [/^ok: (.*) is an intact CreditDesk backup$/, (m) => `校验通过：${m[1]} 是完整的 CreditDesk 备份`],
  [/^restored (.*) from (.*)$/, (m) => `已从 ${m[2]} 恢复 ${m[1]}`],
  [/^the previous book was saved as (.*)$/, (m) => `原账套已另存为 ${m[1]}`],
  [/^ {2}company: {3}(.*)$/, (m) => `  公司：    ${m[1]}`],
  [/^ {2}created: {3}(.*)$/, (m) => `  备份时间：${m[1]}`],
  [/^ {2}app: {7}CreditDesk (\S+), schema (\d+)$/, (m) => `  程序：    CreditDesk ${m[1]}，账套格式 ${m[2]}`],
  [/^ {2}encrypted: (yes|no)$/, (m) => `  加密：    ${m[1] === 'yes' ? '是' : '否'}`],
  [/^ {2}size: {6}(\d+) bytes, sha256 (\S+)$/, (m) => `  大小：    ${m[1]} 字节，SHA-256 ${m[2]}`],
  [/^ {2}tables: {4}(\d+), (\d+) rows$/, (m) => `  数据表：  ${m[1]} 张，共 ${m[2]} 行`],
  [/^(\d+) letter\(s\) at level (\d+) written to (.*)$/, (m) => `已生成 ${m[1]} 封第 ${m[2]} 级催款函：${m[3]}`],
];

/** One line (no newline) in the user's language; unknown lines stay as they are. */
export function localizeCliLine(lang: MessageLang, line: string): string {
  if (lang === 'en') return line;
  for (const [re, to] of LINES) {
    const m = re.exec(line);
    if (m) return to(m);
  }
  return line;
}

/** Text of one or more lines in the user's language; the usage text is replaced whole. */
export function localizeCliText(lang: MessageLang, text: string): string {
  if (lang === 'en') return text;
  // `creditdesk --help`: its lines are Chinese already (a test holds it), no 30 patterns per line
  if (text === USAGE_EN) return USAGE_ZH;
  if (text.includes(USAGE_EN)) text = text.replace(USAGE_EN, USAGE_ZH);
  return text
    .split('\n')
    .map((l) => localizeCliLine(lang, l))
    .join('\n');
}
