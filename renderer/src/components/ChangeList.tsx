// An audit entry as readable "field: before → after" lines (customer history, audit log).
import { ArrowRightOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@shared/types';
import { formatDate } from '../format/date';
import { fieldLabel } from '../format/errors';
import { contactNames, fieldChanges, valueKind } from '../format/history';
import { money } from '../format/money';
import { useLang } from '../hooks/useLang';
import type { Lang } from '../i18n/types';
import { complaintFieldLabel, complaintValue } from '../pages/complaints/audit-labels';
import { serverText } from '../format/server-text';

/** The record a value sits in (an audit entry's after/before), for values that need their neighbours. */
export interface ValueContext {
  entity?: string;
  record?: Record<string, unknown> | null;
}

export function renderValue(t: TFunction, lang: Lang, path: string[], v: unknown, ctx: ValueContext = {}): string {
  if (v === null || v === undefined || v === '') return '—';
  const problem = problemText(lang, path, v);
  if (problem !== null) return problem;
  const audit = auditValue(t, path, v, ctx);
  if (audit !== null) return audit;
  const kind = valueKind(path);
  if (kind.type === 'money' && typeof v === 'number' && Number.isSafeInteger(v)) return money(v);
  if (kind.type === 'date' && typeof v === 'string') return formatDate(v, lang);
  if (kind.type === 'enum' && typeof v === 'string') return t(`enums.${kind.ns}.${v}`, { defaultValue: v });
  if (kind.type === 'contacts') return contactNames(v, `（${t('card.keyPayer')}）`) || '—';
  if (path[path.length - 1] === 'method' && typeof v === 'string') return t(`ar.method.${v}`, { defaultValue: v });
  if (Array.isArray(v))
    return v.length === 0
      ? '—'
      : v.map((item) => renderItem(t, lang, path, item, ctx)).join(lang === 'zh-CN' ? '；' : '; ');
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.approvedBy === 'string') return t('card.approvedByIs', { name: o.approvedBy });
    return renderObject(t, lang, path, o);
  }
  if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
  return String(v);
}

// Ids, internal links and timestamps say nothing to a bookkeeper reading the log.
const HIDDEN = new Set([
  'id',
  'customerId',
  'invoiceId',
  'receiptId',
  'creditNoteId',
  'writeOffId',
  'namedInvoiceId',
  'createdAt',
  'voidedAt',
  'voidReason',
]);

/** A nested record (a document, a credit check) as "field: value, field: value". */
function renderObject(t: TFunction, lang: Lang, path: string[], o: Record<string, unknown>): string {
  const parts = Object.entries(o)
    .filter(([k, x]) => !HIDDEN.has(k) && x !== null && x !== undefined && x !== '')
    .map(([k, x]) => `${fieldLabel(t, k)}: ${renderValue(t, lang, [...path, k], x)}`);
  return parts.length ? parts.join(lang === 'zh-CN' ? '，' : ', ') : '—';
}

/** One element of a list: an allocation reads "INV-2 ¥2,300.00", a credit-check reason its message. */
function renderItem(t: TFunction, lang: Lang, path: string[], item: unknown, ctx: ValueContext = {}): string {
  if (item && typeof item === 'object') {
    const o = item as Record<string, unknown>;
    if (typeof o.invoiceNumber === 'string' && typeof o.amount === 'number')
      return `${o.invoiceNumber} ${money(o.amount)}`;
    if (typeof o.code === 'string' && typeof o.message === 'string') return creditReason(t, o, ctx.record ?? {});
    if (typeof o.message === 'string') return o.message;
    return renderObject(t, lang, path, o);
  }
  return renderValue(t, lang, path, item);
}

/** A credit-check reason in words, with its amounts formatted (never "exposure 110866560 …"). */
function creditReason(t: TFunction, o: Record<string, unknown>, rec: Record<string, unknown>): string {
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  const projected = num(rec.projected);
  const limit = num(rec.limit);
  const days = /(\d+)\s*day/.exec(String(o.message))?.[1] ?? '';
  return t(`ar.credit.reason.${String(o.code)}`, {
    projected: money(projected),
    limit: money(limit),
    over: projected !== null && limit !== null ? money(projected - limit) : '—',
    pct: projected !== null && limit ? `${Math.floor((projected * 100) / limit)}%` : '—',
    days,
    defaultValue: String(o.message),
  });
}

/** A failure's message main stored as key + values (`problem`, #16), in the page's language. */
function problemText(lang: Lang, path: string[], v: unknown): string | null {
  if (path[path.length - 1] !== 'problem' || !v || typeof v !== 'object') return null;
  const p = v as { key?: unknown; values?: unknown };
  if (typeof p.key !== 'string') return null;
  const values = (p.values && typeof p.values === 'object' ? p.values : {}) as Record<string, string | number>;
  return serverText(lang, { message: null, messageKey: p.key, messageValues: values });
}

const MB = 1024 * 1024;

/** Notes main writes in English (main/services/statements/print.ts, customers/export.ts) → keys. */
const AUDIT_NOTES: Record<string, string> = {
  'user confirmed printing a confidential/top-secret customer': 'confirmedPrint',
  'user confirmed including confidential/top-secret customers': 'confirmedExport',
};

/** Audit-record values that are codes or raw numbers: kinds, states, sizes, checksums. Null: not one of them. */
function auditValue(t: TFunction, path: string[], v: unknown, ctx: ValueContext): string | null {
  const key = path[path.length - 1];
  if (key === 'bytes' && typeof v === 'number')
    return v >= MB ? `${(v / MB).toFixed(1)} MB` : `${Math.max(1, Math.round(v / 1024))} KB`;
  if (key === 'sha256' && typeof v === 'string') return `${v.slice(0, 12)}…`;
  if (typeof v !== 'string') return null;
  if (ctx.entity === 'complaint') {
    const c = complaintValue(t, key, v);
    if (c !== null) return c;
  }
  if (ctx.entity === 'note_receivable' && key === 'kind') return t(`ar.noteKind.${v}`, { defaultValue: v });
  if (ctx.entity === 'note_receivable' && key === 'state') return t(`ar.noteState.${v}`, { defaultValue: v });
  if (ctx.entity === 'credit_note' && key === 'kind') return t(`ar.creditNoteKind.${v}`, { defaultValue: v });
  if (key === 'status' && (v === 'ok' || v === 'warn' || v === 'block')) return t(`ar.credit.${v}`);
  // an operator's role (credit area's labels: admin → 管理员)
  if (ctx.entity === 'operator' && key === 'role') return t(`credit:role.${v}`, { defaultValue: v });
  if (['kind', 'output', 'style', 'result', 'what', 'state', 'basis'].includes(key)) {
    const found = t(`auditValue.${v}`, { defaultValue: '' });
    if (found) return found;
  }
  return null;
}

export function ChangeList({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const [lang] = useLang();
  if (entry.action === 'create' && entry.entity === 'customer')
    return <span className="muted">{t('history.createdRecord')}</span>;
  const changes = fieldChanges(entry.before, entry.after).filter((c) => !HIDDEN.has(c.path[c.path.length - 1]));
  if (changes.length === 0 && !entry.note && entry.before === null && entry.after === null)
    return <span className="muted">—</span>;
  return (
    <div className="change-list">
      {changes.length === 0 && !entry.note && <span className="muted">{t('history.noChanges')}</span>}
      {changes.map((c) => (
        <div key={c.path.join('.')} className="change-line" data-testid="change-line">
          <span className="change-field">
            {(entry.entity === 'complaint' && complaintFieldLabel(t, c.path[c.path.length - 1])) ||
              fieldLabel(t, c.path.join('.'))}
          </span>
          {entry.before !== null && (
            <>
              {c.before === null || c.before === '' ? (
                <span className="muted">—</span>
              ) : (
                <span className="change-before">
                  {renderValue(t, lang, c.path, c.before, { entity: entry.entity, record: asRecord(entry.before) })}
                </span>
              )}
              <ArrowRightOutlined className="muted" style={{ fontSize: 11 }} />
            </>
          )}
          <span className="change-after">
            {renderValue(t, lang, c.path, c.after, { entity: entry.entity, record: asRecord(entry.after) })}
          </span>
        </div>
      ))}
      {entry.note && (
        <div className="change-line">
          <span className="change-field">{t('history.note')}</span>
          <span>
            {t(`auditNote.${AUDIT_NOTES[entry.note] ?? '_'}`, {
              defaultValue: serverText(lang, { message: entry.note }),
            })}
          </span>
        </div>
      )}
    </div>
  );
}

function asRecord(v: unknown): Record<string, unknown> | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

export function actionLabel(t: TFunction, action: string): string {
  return t(`history.actions.${action}`, { defaultValue: action });
}
