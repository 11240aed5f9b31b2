// Messages that main sends to users (errors, batch run log), in both languages. An AppError
// carries `key` + `values`; the renderer and the CLI render them in the user's language with
// renderServerMessage. The English text is also the AppError's `message` (logs, tests).
// Values named `...Fen` are money (integer fen) and are shown formatted.
import { formatMoney } from '../money';
import { AppError, type ErrorCode, type RowError } from '../result';
import { BOOK_MESSAGES } from './book-messages';
import { BACKUP_MESSAGES } from './backup-messages';

export type MessageLang = 'zh-CN' | 'en';
export type MessageValues = Record<string, string | number>;

interface Text {
  en: string;
  zh: string;
}

export const SERVER_MESSAGES = {
  // documents (invoices, receipts, credit notes, write-offs, notes receivable)
  invoice_exists: { en: 'invoice number {number} already exists', zh: '发票号 {number} 已存在' },
  due_before_issue: { en: 'is before the issue date', zh: '到期日不能早于开票日' },
  credit_blocked: {
    en: 'credit check blocks this invoice: {reasons} (give an override reason)',
    zh: '信用检查不允许开这张发票：{reasons}（如需保存，请填写特批原因）',
  },
  invoice_already_void: { en: 'invoice {number} is already void', zh: '发票 {number} 已作废' },
  invoice_has_write_off: {
    en: 'invoice {number} has a write-off; void the write-off first',
    zh: '发票 {number} 有核销记录，请先作废核销',
  },
  invoice_id_not_found: { en: 'invoice {id} not found', zh: '找不到发票（编号 {id}）' },
  invoice_other_customer: { en: 'invoice {number} belongs to another customer', zh: '发票 {number} 属于另一个客户' },
  invoice_is_void: { en: 'invoice {number} is void', zh: '发票 {number} 已作废' },
  invoice_settled: { en: 'invoice {number} is settled', zh: '发票 {number} 已结清' },
  receipt_not_found: { en: 'receipt {id} not found', zh: '找不到收款（编号 {id}）' },
  receipt_already_void: { en: 'receipt {id} is already void', zh: '收款 {id} 已作废' },
  receipt_is_void: { en: 'receipt {id} is void', zh: '收款 {id} 已作废' },
  receipt_or_credit_note: {
    en: 'give either a receipt or a credit note',
    zh: '请选择一笔收款或一张贷项通知单（二选一）',
  },
  credit_note_not_found: { en: 'credit note {id} not found', zh: '找不到贷项通知单（编号 {id}）' },
  credit_note_exists: { en: 'credit note number {number} already exists', zh: '贷项通知单号 {number} 已存在' },
  credit_note_already_void: { en: 'credit note {number} is already void', zh: '贷项通知单 {number} 已作废' },
  credit_note_is_void: { en: 'credit note {number} is void', zh: '贷项通知单 {number} 已作废' },
  nothing_unapplied: { en: '{label} has nothing unapplied', zh: '{label} 没有未核销余额' },
  apply_amount_invalid: { en: '{detail}', zh: '金额不可用：{detail}' },
  write_off_not_found: { en: 'write-off {id} not found', zh: '找不到坏账核销（编号 {id}）' },
  date_before_invoice_issue: { en: 'is before the invoice was issued', zh: '日期早于发票开票日' },
  write_off_amount_range: {
    en: "must be 0.01 … {openFen} (the invoice's open amount)",
    zh: '金额须在 0.01 至 {openFen}（发票未清金额）之间',
  },
  customer_gross_limit: {
    en: "would take customer {customer}'s documents past {limitFen} in total, the most one customer's book can hold exactly; nothing was saved",
    zh: '会使客户 {customer} 的单据合计超过 {limitFen}（单个客户可精确记账的上限），未保存',
  },
  book_gross_limit: {
    en: "would take this book's documents past {limitFen} in total, the most one book can hold exactly; nothing was saved",
    zh: '会使本账套的单据合计超过 {limitFen}（一个账套可精确记账的上限），未保存',
  },
  credit_limit_max: {
    en: 'a credit limit may be at most {limitFen}, the most one customer can hold exactly; nothing was saved',
    zh: '信用额度最多 {limitFen}（单个客户可精确记账的上限），未保存',
  },
  book_credit_limits_cap: {
    en: "would take this book's credit limits past {limitFen} in total, the most one book can add up exactly; nothing was saved",
    zh: '会使本账套全部客户的信用额度合计超过 {limitFen}（一个账套可精确合计的上限），未保存',
  },
  customer_promises_cap: {
    en: "would take customer {customer}'s promises to pay past {limitFen} in total, the most one customer can add up exactly; nothing was saved",
    zh: '会使客户 {customer} 的付款承诺合计超过 {limitFen}（单个客户可精确合计的上限），未保存',
  },
  book_promises_cap: {
    en: "would take this book's promises to pay past {limitFen} in total, the most one book can add up exactly; nothing was saved",
    zh: '会使本账套的付款承诺合计超过 {limitFen}（一个账套可精确合计的上限），未保存',
  },
  customer_compensation_cap: {
    en: "would take customer {customer}'s complaint compensation past {limitFen} in total, the most one customer can add up exactly; nothing was saved",
    zh: '会使客户 {customer} 的投诉赔偿合计超过 {limitFen}（单个客户可精确合计的上限），未保存',
  },
  book_compensation_cap: {
    en: "would take this book's complaint compensation past {limitFen} in total, the most one book can add up exactly; nothing was saved",
    zh: '会使本账套的投诉赔偿合计超过 {limitFen}（一个账套可精确合计的上限），未保存',
  },
  customer_supplier_claims_cap: {
    en: "would take customer {customer}'s supplier claims past {limitFen} in total, the most one customer can add up exactly; nothing was saved",
    zh: '会使客户 {customer} 的供应商索赔合计超过 {limitFen}（单个客户可精确合计的上限），未保存',
  },
  book_supplier_claims_cap: {
    en: "would take this book's supplier claims past {limitFen} in total, the most one book can add up exactly; nothing was saved",
    zh: '会使本账套的供应商索赔合计超过 {limitFen}（一个账套可精确合计的上限），未保存',
  },
  path_token_gone: {
    en: 'the chosen file or folder is no longer known: choose it again',
    zh: '所选的文件或文件夹已失效，请重新选择',
  },
  path_needs_dialog: {
    en: 'choose the file or folder with the dialog (a typed path is not accepted here)',
    zh: '请通过对话框选择文件或文件夹（此处不接受直接输入的路径）',
  },
  write_off_void: { en: 'the write-off is void', zh: '该坏账核销已作废' },
  before_write_off: { en: 'is before the write-off', zh: '日期早于坏账核销日' },
  fully_recovered: { en: 'the write-off is fully recovered', zh: '该坏账已全部收回' },
  recover_at_most: { en: 'at most {leftFen} is still written off', zh: '尚未收回的核销金额最多为 {leftFen}' },
  write_off_already_void: { en: 'the write-off is already void', zh: '该坏账核销已作废' },
  write_off_recovered: {
    en: 'a recovered write-off cannot be voided; void the recovery receipt first',
    zh: '已收回的坏账核销不能作废，请先作废收回的收款',
  },
  maturity_before_issue: { en: 'is before the issue date', zh: '到期日不能早于出票日' },
  note_exists: { en: 'note number {number} already exists', zh: '票据号 {number} 已存在' },
  note_not_found: { en: 'note {id} not found', zh: '找不到票据（编号 {id}）' },
  note_state_change: { en: 'a {from} note cannot become {to}', zh: '票据状态不能从「{from}」改为「{to}」' },
  before_note_change: { en: "is before the note's last change ({date})", zh: '日期早于票据上次变动（{date}）' },
  // customers
  customer_not_found: { en: 'customer {code} not found', zh: '找不到客户 {code}' },
  customer_terminated: { en: 'customer {code} is terminated and read-only', zh: '客户 {code} 已终止合作，只能查看' },
  customer_prospect: {
    en: 'customer {code} is a prospect; approve the opening review (交易开始调查书) first',
    zh: '客户 {code} 还是潜在客户：请先通过交易开始调查书审批，才能开票',
  },
  customer_code_exists: { en: 'customer code {code} already exists', zh: '客户编码 {code} 已存在' },
  customer_changed: {
    en: 'customer {code} was changed by someone else; reload and try again',
    zh: '客户 {code} 已被他人修改，请刷新后重试',
  },
  unknown_region: { en: 'unknown region "{code}"', zh: '未知地区“{code}”' },
  review_prospects_only: {
    en: 'customer {code} is {lifecycle}; an opening review applies to prospects only',
    zh: '客户 {code} 不是潜在客户，交易开始调查只适用于潜在客户',
  },
  prospect_needs_review: {
    en: 'a prospect becomes active only through an approved opening review',
    zh: '潜在客户只有在交易开始调查书获批后才能转为正常交易',
  },
  lifecycle_move: { en: 'cannot move customer {code} from {from} to {to}', zh: '客户 {code} 不能从当前状态改为该状态' },
  confirm_sensitive_export: {
    en: 'including confidential and top-secret customers needs confirmation',
    zh: '导出机密和绝密客户需要先确认',
  },
  // statements and confirmation slips
  from_after_to: { en: 'is after to', zh: '开始日期晚于结束日期，请调整期间' },
  from_after_to_dates: { en: '{from} is after to {to}', zh: '开始日期 {from} 晚于结束日期 {to}，请调整期间' },
  not_a_date: { en: 'must be a date YYYY-MM-DD', zh: '请输入有效日期（年-月-日）' },
  print_confirm_confidential: {
    en: 'customer {code} is confidential: printing needs confirmation',
    zh: '客户 {code} 为机密客户：打印前需确认',
  },
  print_confirm_top_secret: {
    en: 'customer {code} is top_secret: printing needs confirmation',
    zh: '客户 {code} 为绝密客户：打印前需确认',
  },
  batch_running: { en: 'a statement batch is already running', zh: '已有一批对账单正在生成' },
  dir_not_absolute: { en: 'must be a full (absolute) folder path', zh: '请填写完整的文件夹路径' },
  dir_not_writable: { en: 'cannot write to {dir} ({detail})', zh: '无法写入文件夹 {dir}（{detail}）' },
  confirmation_not_found: { en: 'confirmation {id} not found', zh: '找不到回函（编号 {id}）' },
  statement_not_found: { en: 'statement {id} not found', zh: '找不到对账单（编号 {id}）' },
  slip_other_customer: { en: 'the statement was sent to another customer', zh: '这张对账单是发给另一个客户的' },
  slip_needs_statement: { en: 'give the statement or the customer', zh: '请选择对账单或客户' },
  slip_no_waiting_statement: {
    en: 'no statement sent to this customer is waiting; give the period end of the slip',
    zh: '该客户没有等待回函的对账单，请填写回函的截止日期',
  },
  slip_needs_difference: {
    en: 'a disagreement needs the stated difference or a note',
    zh: '不符的回函请填写差异金额或说明',
  },
  scan_empty: { en: 'the file is empty', zh: '文件是空的' },
  scan_too_large: {
    en: 'larger than {mb} MB; keep it as a file path instead',
    zh: '文件超过 {mb} MB，请改为保存文件路径',
  },
  slip_agrees: { en: 'this slip agrees; nothing to resolve', zh: '该回函相符，无需处理' },
  slip_resolved: { en: 'already resolved', zh: '已处理' },
  // batch run log
  batch_unknown_customer: { en: 'unknown customer code', zh: '未知的客户编码' },
  batch_nothing_overdue: { en: 'nothing overdue', zh: '没有逾期款项' },
  batch_confirm_confidential: { en: 'confidential: printing needs confirmation', zh: '机密客户：打印前需确认' },
  batch_confirm_top_secret: { en: 'top_secret: printing needs confirmation', zh: '绝密客户：打印前需确认' },
  // settings, presets, ageing
  name_required: { en: 'required', zh: '名称不能为空' },
  preset_built_in: { en: '"{name}" is a built-in preset', zh: '“{name}”是内置方案，请换一个名称' },
  preset_not_found: { en: 'no saved preset "{name}"', zh: '没有名为“{name}”的方案' },
  no_bucket: { en: 'no bucket "{bucket}"', zh: '没有账龄段“{bucket}”' },
  // operators, session, books, files, backup
  operator_exists: { en: 'operator "{name}" already exists', zh: '操作员“{name}”已存在' },
  operator_not_found: { en: 'operator {id} not found', zh: '找不到操作员（编号 {id}）' },
  wrong_password: { en: 'wrong password', zh: '密码错误' },
  no_operator: { en: 'choose who is working first', zh: '请先选择操作员' },
  no_book_open: { en: 'no book is open', zh: '没有打开的账套' },
  book_exists: { en: 'a book already exists at {file}', zh: '{file} 已有账套' },
  book_not_found: { en: 'book not found: {file}', zh: '找不到账套：{file}' },
  file_gone: { en: 'the chosen file is no longer available: choose it again', zh: '所选文件已不可用，请重新选择' },
  file_moved: {
    en: '{file}: the file was moved or deleted: choose it again',
    zh: '{file}：文件已被移动或删除，请重新选择',
  },
  backup_running: {
    en: 'a backup or restore is already running; wait until it has finished',
    zh: '已有备份或恢复正在进行，请等它完成',
  },
  need_full_path: {
    en: 'a full folder or file path is needed (for example E:\\备份 or /media/…)',
    zh: '请填写完整的文件夹或文件路径（例如 E:\\备份 或 /media/…）',
  },
  // credit: roles and approvals (main/services/credit/roles.ts)
  role_viewer: { en: 'a viewer cannot change the book', zh: '只读操作员不能修改账套' },
  role_required: {
    en: "the current operator's role does not allow this (needs {roles})",
    zh: '当前操作员的角色无权进行此操作（需要{roles}）',
  },
  approval_required: {
    en: "a credit manager's approval is needed (name and password)",
    zh: '需要信用主管审批（姓名和密码）',
  },
  approval_required_invoice: {
    en: "this over-limit invoice needs a credit manager's approval (name and password)",
    zh: '这张超额发票需要信用主管审批（姓名和密码）',
  },
  approver_not_manager: { en: 'the approver must be a credit manager', zh: '审批人必须是信用主管' },
  approver_no_password: {
    en: 'this credit manager has no password and cannot approve',
    zh: '该信用主管未设密码，不能审批',
  },
  approval_wrong_password: { en: 'wrong password', zh: '密码错误' },
  last_admin: { en: 'the last administrator keeps the role', zh: '最后一位管理员不能改为其他角色' },
  countermeasure_not_found: { en: 'countermeasure {id} not found', zh: '找不到对策（编号 {id}）' },
  investigation_not_found: { en: 'credit investigation {id} not found', zh: '找不到资信调查（编号 {id}）' },
  // imports (file-level; row problems are listed per row)
  import_missing_columns: { en: '{file}: missing required column(s): {columns}', zh: '{file}：缺少必填列：{columns}' },
  import_no_rows: { en: '{file}: no data rows', zh: '{file}：没有数据行' },
  import_problems: {
    en: '{file}: {count} problem(s){more}; nothing was imported',
    zh: '{file}：发现 {count} 处问题，未导入任何数据',
  },
  import_not_utf8: {
    en: 'file is not UTF-8 text (save the CSV as UTF-8)',
    zh: '文件不是 UTF-8 文本（请将 CSV 另存为 UTF-8）',
  },
  import_empty: { en: 'the file is empty (a header row is required)', zh: '文件是空的（需要表头行）' },
  import_file_type: {
    en: '{file}: unsupported file type (use .csv or .xlsx)',
    zh: '{file}：不支持的文件类型（请用 .csv 或 .xlsx）',
  },
  import_bad_xlsx: { en: 'not a readable .xlsx file: {detail}', zh: '无法读取该 .xlsx 文件：{detail}' },
  import_no_sheet: { en: 'the workbook has no sheet', zh: '工作簿中没有工作表' },
  import_unknown_columns: { en: 'unknown column(s): {columns}', zh: '无法识别的列：{columns}' },
  satisfaction_not_found: { en: 'satisfaction record {id} not found', zh: '找不到满意度记录（编号 {id}）' },
  // the book file: opening, lock, schema, disk (book-messages.ts)
  ...BOOK_MESSAGES,
  // details of backup, verify and restore failures (backup-messages.ts)
  ...BACKUP_MESSAGES,
} satisfies Record<string, Text>;

export type ServerMessageKey = keyof typeof SERVER_MESSAGES;

export function isServerMessageKey(key: string | undefined): key is ServerMessageKey {
  return !!key && Object.prototype.hasOwnProperty.call(SERVER_MESSAGES, key);
}

/** The message in the given language, `{name}` filled from values (`…Fen` values as money; a
 *  value that is itself text in words can carry its Chinese as `<name>Zh`). */
export function renderServerMessage(lang: MessageLang, key: ServerMessageKey, values: MessageValues = {}): string {
  const text = SERVER_MESSAGES[key][lang === 'en' ? 'en' : 'zh'];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = lang !== 'en' && values[`${name}Zh`] !== undefined ? values[`${name}Zh`] : values[name];
    if (v === undefined) return name === 'more' ? '' : whole;
    return name.endsWith('Fen') && typeof v === 'number' ? formatMoney(v) : String(v);
  });
}

/**
 * An AppError carrying a message key. Its English `message` is prefixed with the field
 * ("number: invoice number … already exists") as the CLI and logs have always shown it,
 * unless `bare`.
 */
export function serverError(
  code: ErrorCode,
  key: ServerMessageKey,
  values: MessageValues = {},
  opts: { field?: string; rows?: RowError[]; bare?: boolean } = {},
): AppError {
  const en = renderServerMessage('en', key, values);
  const message = opts.field && !opts.bare ? `${opts.field}: ${en}` : en;
  return new AppError(code, message, { field: opts.field, rows: opts.rows, key, values });
}

/** An error's text in the given language: its key when it has one, else its message. */
export function localizedErrorMessage(
  lang: MessageLang,
  e: { message: string; key?: string; values?: MessageValues },
): string {
  return isServerMessageKey(e.key) ? renderServerMessage(lang, e.key, e.values) : e.message;
}
