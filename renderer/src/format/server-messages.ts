// Import row errors arrive as English sentences (shared/validation.ts describeIssue, money
// parser, import service). Recognise the known ones, so they can be shown translated.
// Pure: returns an i18n key under `serverMsg.*` or `validation.*` with its values, or null.

export interface KnownMessage {
  key: string;
  values?: Record<string, string>;
}

const PHRASES: Record<string, string> = {
  'is required': 'validation.required',
  'is too long': 'validation.too_long',
  'must be letters, digits, - or _': 'validation.invalid_code',
  'must be a date YYYY-MM-DD': 'validation.invalid_date',
  'must be an amount with at most 2 decimals': 'validation.invalid_money',
  'must not be negative': 'validation.must_not_be_negative',
  'is not one of the allowed values': 'validation.invalid_option',
  'is not a phone number': 'validation.invalid_phone',
  'is not an e-mail address': 'validation.invalid_email',
  'must be a whole number': 'validation.invalid_number',
  'is out of range': 'validation.out_of_range',
  'only one contact can be the key person for payment': 'validation.one_key_payer',
  'is not a known field': 'validation.unknown_field',
  'has too many entries': 'validation.too_many',
  'is invalid': 'validation.invalid',
  'amount is empty': 'validation.required',
  'is before the write-off': 'serverMsg.before_write_off',
  'the write-off is fully recovered': 'serverMsg.fully_recovered',
  'the write-off is void': 'serverMsg.write_off_void',
  'required column is missing': 'serverMsg.missing_column',
  'unknown column': 'serverMsg.unknown_column',
};

const PATTERNS: [RegExp, string, string[]][] = [
  [/^"(.*)" is not a whole number$/, 'serverMsg.not_whole_number', ['value']],
  [/^"(.*)" is not an amount$/, 'serverMsg.not_amount', ['value']],
  [/^amount "(.*)" has more than 2 decimals$/, 'serverMsg.too_many_decimals', ['value']],
  [/^amount "(.*)" is too large$/, 'serverMsg.amount_too_large', ['value']],
  [/^"(.*)" is not one of (.*)$/, 'serverMsg.not_one_of', ['value', 'options']],
  [/^duplicate code (\S+) \(also in row (\d+)\)$/, 'serverMsg.duplicate_code_in_file', ['code', 'row']],
  [/^customer (\S+) is terminated and read-only$/, 'serverMsg.terminated_read_only', ['code']],
  [/unknown region "(.*)"$/, 'serverMsg.unknown_region', ['code']],
  [/^at most (\S+) is still written off$/, 'serverMsg.recover_at_most', ['amount']],
  // invoice / receipt imports (main/services/receivables/import.ts)
  [/^unknown customer (\S+)$/, 'serverMsg.unknown_customer', ['code']],
  [/^customer (\S+) is a prospect \(approve the opening review first\)$/, 'serverMsg.prospect', ['code']],
  [/^is too long \(at most (\d+) characters\)$/, 'serverMsg.too_long_at_most', ['max']],
  [/^"(.*)" is not a date YYYY-MM-DD$/, 'serverMsg.not_a_date', ['value']],
  [/^due date (\S+) is before the issue date (\S+)$/, 'serverMsg.due_before_issue', ['due', 'issue']],
  [/^amount must be positive, got "(.*)"$/, 'serverMsg.amount_not_positive', ['value']],
  [/^duplicate invoice number (\S+) \(also in row (\d+)\)$/, 'serverMsg.duplicate_invoice_in_file', ['number', 'row']],
  [/^invoice number (\S+) already exists in the book$/, 'serverMsg.invoice_exists', ['number']],
  [/^invoice (\S+) not found$/, 'serverMsg.invoice_not_found', ['number']],
  [/^invoice (\S+) belongs to another customer, not (\S+)$/, 'serverMsg.invoice_other_customer', ['number', 'code']],
  [/^invoice (\S+) is void$/, 'serverMsg.invoice_void', ['number']],
];

export function recogniseMessage(message: string): KnownMessage | null {
  if (/^[a-z_]+$/.test(message)) return { key: `validation.${message}` };
  const phrase = PHRASES[message.trim()];
  if (phrase) return { key: phrase };
  for (const [re, key, names] of PATTERNS) {
    const m = re.exec(message.trim());
    if (m) return { key, values: Object.fromEntries(names.map((n, i) => [n, m[i + 1]])) };
  }
  return null;
}
