// An audit entry as readable "field: before → after" lines (customer history, audit log).
import { ArrowRightOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../shared/types';
import { formatDate } from '../format/date';
import { fieldLabel } from '../format/errors';
import { contactNames, fieldChanges, valueKind } from '../format/history';
import { money } from '../format/money';
import { useLang } from '../hooks/useLang';
import type { Lang } from '../i18n/types';

export function renderValue(t: TFunction, lang: Lang, path: string[], v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  const kind = valueKind(path);
  if (kind.type === 'money' && typeof v === 'number' && Number.isSafeInteger(v)) return money(v);
  if (kind.type === 'date' && typeof v === 'string') return formatDate(v, lang);
  if (kind.type === 'enum' && typeof v === 'string') return t(`enums.${kind.ns}.${v}`, { defaultValue: v });
  if (kind.type === 'contacts') return contactNames(v, `（${t('card.keyPayer')}）`) || '—';
  if (path[path.length - 1] === 'method' && typeof v === 'string') return t(`ar.method.${v}`, { defaultValue: v });
  if (Array.isArray(v)) return v.length === 0 ? '—' : v.map((item) => renderItem(t, lang, path, item)).join(lang === 'zh-CN' ? '；' : '; ');
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.approvedBy === 'string') return t('card.approvedByIs', { name: o.approvedBy });
    return renderObject(t, lang, path, o);
  }
  if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
  return String(v);
}

// Ids, internal links and timestamps say nothing to a bookkeeper reading the log.
const HIDDEN = new Set(['id', 'customerId', 'invoiceId', 'receiptId', 'creditNoteId', 'writeOffId', 'namedInvoiceId', 'createdAt', 'voidedAt', 'voidReason']);

/** A nested record (a document, a credit check) as "field: value, field: value". */
function renderObject(t: TFunction, lang: Lang, path: string[], o: Record<string, unknown>): string {
  const parts = Object.entries(o)
    .filter(([k, x]) => !HIDDEN.has(k) && x !== null && x !== undefined && x !== '')
    .map(([k, x]) => `${fieldLabel(t, k)}: ${renderValue(t, lang, [...path, k], x)}`);
  return parts.length ? parts.join(lang === 'zh-CN' ? '，' : ', ') : '—';
}

/** One element of a list: an allocation reads "INV-2 ¥2,300.00", a credit-check reason its message. */
function renderItem(t: TFunction, lang: Lang, path: string[], item: unknown): string {
  if (item && typeof item === 'object') {
    const o = item as Record<string, unknown>;
    if (typeof o.invoiceNumber === 'string' && typeof o.amount === 'number') return `${o.invoiceNumber} ${money(o.amount)}`;
    if (typeof o.message === 'string') return o.message;
    return renderObject(t, lang, path, o);
  }
  return renderValue(t, lang, path, item);
}

export function ChangeList({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const [lang] = useLang();
  if (entry.action === 'create' && entry.entity === 'customer') return <span className="muted">{t('history.createdRecord')}</span>;
  const changes = fieldChanges(entry.before, entry.after).filter((c) => !HIDDEN.has(c.path[c.path.length - 1]));
  if (changes.length === 0 && !entry.note && entry.before === null && entry.after === null) return <span className="muted">—</span>;
  return (
    <div className="change-list">
      {changes.length === 0 && !entry.note && <span className="muted">{t('history.noChanges')}</span>}
      {changes.map((c) => (
        <div key={c.path.join('.')} className="change-line" data-testid="change-line">
          <span className="change-field">{fieldLabel(t, c.path.join('.'))}</span>
          {entry.before !== null && (
            <>
              {c.before === null || c.before === '' ? (
                <span className="muted">—</span>
              ) : (
                <span className="change-before">{renderValue(t, lang, c.path, c.before)}</span>
              )}
              <ArrowRightOutlined className="muted" style={{ fontSize: 11 }} />
            </>
          )}
          <span className="change-after">{renderValue(t, lang, c.path, c.after)}</span>
        </div>
      ))}
      {entry.note && (
        <div className="change-line">
          <span className="change-field">{t('history.note')}</span>
          <span>{entry.note}</span>
        </div>
      )}
    </div>
  );
}

export function actionLabel(t: TFunction, action: string): string {
  return t(`history.actions.${action}`, { defaultValue: action });
}
