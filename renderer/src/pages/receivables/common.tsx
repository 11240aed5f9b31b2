// Shared bits of the receivables screens: query keys, labels, money cells, error text with
// receivables field names, the debounced customer picker (code + name, pinyin search).
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { Select, Tag } from 'antd';
import type { TFunction } from 'i18next';
import { forwardRef, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgeingBucketDef, AgeingPreset, CreditCheckOut, CreditReasonOut } from '@shared/types-receivables';
import { ApiError, call } from '../../api/client';
import { errorText, fieldLabel, issueText, serverKeyText } from '../../format/errors';
import { money } from '../../format/money';
import { useAppInfo } from '../../hooks/queries';
import { useDebounced } from '../../hooks/useDebounced';
import { bucketLabelSpec, percentText } from '../../reports/ageing-series';
import './ar.css';

export const arKeys = {
  all: ['ar'] as const,
  ledger: (customerId: number) => ['ar', 'ledger', customerId] as const,
  credit: (customerId: number) => ['ar', 'credit', customerId] as const,
  openInvoices: (customerId: number) => ['ar', 'open-invoices', customerId] as const,
  ageing: (q: unknown) => ['ar', 'ageing', q] as const,
  drilldown: (q: unknown) => ['ar', 'drilldown', q] as const,
  tieOut: (asOf: string) => ['ar', 'tie-out', asOf] as const,
  presets: ['ar', 'presets'] as const,
  settings: ['ar', 'settings'] as const,
  dashboard: (q: unknown) => ['ar', 'dashboard', q] as const,
  notes: (customerId: number) => ['ar', 'notes', customerId] as const,
};

/** After any receivables write: every ar query is stale (ledger, ageing, dashboard, credit). */
export function invalidateAr(qc: QueryClient): void {
  void qc.invalidateQueries({ queryKey: arKeys.all });
}

/** Today as the book sees it (app:info), falling back to the PC's date. */
export function useToday(): string {
  const info = useAppInfo();
  return info.data?.today ?? new Date().toISOString().slice(0, 10);
}

export function useOpenInvoices(customerId: number | null) {
  return useQuery({
    queryKey: arKeys.openInvoices(customerId ?? 0),
    queryFn: () => call('invoices:list', { customerId: customerId as number, openOnly: true, limit: 1000 }),
    enabled: !!customerId,
  });
}

export function bucketLabel(t: TFunction, def: AgeingBucketDef): string {
  const s = bucketLabelSpec(def);
  switch (s.kind) {
    case 'known':
      return t(`ar.bucket.${s.key}`);
    case 'upTo':
      return s.to === 0 ? t('ar.bucket.not_due') : t('ar.bucketRange.upTo', { to: s.to });
    case 'over':
      return t('ar.bucketRange.over', { from: s.from });
    case 'range':
      return t('ar.bucketRange.range', { from: s.from, to: s.to });
    case 'all':
      return t('ar.bucketRange.all');
  }
}

/** A right-aligned tabular amount; negative in red, zero muted. */
export function Amount({
  fen,
  zeroDash,
  strong,
}: {
  fen: number | null | undefined;
  zeroDash?: boolean;
  strong?: boolean;
}) {
  if (fen === null || fen === undefined) return <span className="num muted">—</span>;
  if (fen === 0 && zeroDash) return <span className="num ar-zero">—</span>;
  return <span className={`num${fen < 0 ? ' ar-neg' : ''}${strong ? ' ar-strong' : ''}`}>{money(fen)}</span>;
}

/** Label of a receivables field path, then the customer archive's labels. */
export function arFieldLabel(t: TFunction, field: string): string {
  const key =
    field
      .split('.')
      .filter((s) => !/^\d+$/.test(s))
      .pop() ?? field;
  const own = t(`ar.field.${key}`, { defaultValue: '' });
  return own || fieldLabel(t, field);
}

/** An error as a sentence; a field-named VALIDATION shows the field's label. */
export function arErrorText(t: TFunction, e: unknown): string {
  const keyed = serverKeyText(e);
  if (keyed && e instanceof ApiError) return `${t(`errors.${e.code}`, { defaultValue: e.code })}：${keyed}`;
  if (e instanceof ApiError && e.field && !(e.rows && e.rows.length)) {
    const title = t(`errors.${e.code}`, { defaultValue: e.code });
    const msg = e.message.replace(new RegExp(`^${e.field}:\\s*`), '');
    return `${title}：${arFieldLabel(t, e.field)} ${issueText(t, msg)}`;
  }
  if (e instanceof ApiError && e.rows?.length && e.rows.every((r) => r.row === 0)) {
    const title = t(`errors.${e.code}`, { defaultValue: e.code });
    return `${title}：${e.rows.map((r) => `${arFieldLabel(t, r.field)} ${issueText(t, r.message, r.values)}`).join('；')}`;
  }
  return errorText(t, e);
}

/** The field an ApiError names (for putting the message under the right input). */
export function errorField(e: unknown): string | null {
  if (e instanceof ApiError) return e.field ?? e.rows?.[0]?.field ?? null;
  return null;
}

export function creditReasonText(t: TFunction, r: CreditReasonOut, c: CreditCheckOut): string {
  const pct = c.limit ? percentText(Math.round((c.projected * 10_000) / c.limit)) : '—';
  return t(`ar.credit.reason.${r.code}`, {
    projected: money(c.projected),
    limit: money(c.limit),
    over: c.limit === null ? '—' : money(c.projected - c.limit),
    pct,
    days: c.oldestOverdueDays,
    defaultValue: r.message,
  });
}

export function CreditStatusTag({ status }: { status: CreditCheckOut['status'] }) {
  const { t } = useTranslation();
  const color = status === 'ok' ? 'green' : status === 'warn' ? 'gold' : 'red';
  return <Tag color={color}>{t(`ar.credit.${status}`)}</Tag>;
}

export interface CustomerOption {
  id: number;
  code: string;
  name: string;
  /** known when picked from the list: prospects are marked (no invoices before the opening review) */
  lifecycle?: string;
}

/**
 * Customer picker: type a code, a name or pinyin initials; the list (customers:list with
 * filter.query) follows the typing after a short pause. Shows "code name".
 */
export const CustomerPicker = forwardRef<
  { focus: () => void; blur: () => void },
  {
    value: CustomerOption | null;
    onChange: (c: CustomerOption | null) => void;
    testid?: string;
    autoFocus?: boolean;
    status?: 'error';
  }
>(function CustomerPicker({ value, onChange, testid, autoFocus, status }, ref) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), 200);
  const list = useQuery({
    queryKey: ['customers', 'list', 'ar-picker', query],
    queryFn: () => call('customers:list', { filter: query ? { query } : {}, sort: 'code', order: 'asc', limit: 30 }),
    staleTime: 30_000,
  });
  const options = useMemo(() => {
    const rows = list.data?.rows ?? [];
    const opts = rows.map((r) => ({
      value: r.id,
      label: `${r.code} ${r.name}`,
      row: { id: r.id, code: r.code, name: r.name, lifecycle: r.lifecycle } as CustomerOption,
    }));
    if (value && !opts.some((o) => o.value === value.id))
      opts.unshift({ value: value.id, label: `${value.code} ${value.name}`, row: value });
    return opts;
  }, [list.data, value]);

  return (
    <Select<number>
      ref={ref as never}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      autoFocus={autoFocus}
      status={status}
      allowClear
      value={value?.id}
      placeholder={t('ar.entry.customerPlaceholder')}
      loading={list.isFetching}
      notFoundContent={list.isFetching ? t('customers.loadingRow') : t('customers.empty')}
      options={options}
      optionRender={(o) => (
        <span>
          <span className="code ar-opt-code">{o.data.row.code}</span> {o.data.row.name}
          {o.data.row.lifecycle === 'prospect' && (
            <Tag color="orange" style={{ marginLeft: 6 }} data-testid="ar-opt-prospect">
              {t('enums.lifecycle.prospect')}
            </Tag>
          )}
        </span>
      )}
      onChange={(id) => {
        const o = options.find((x) => x.value === id);
        onChange(o ? o.row : null);
        setText('');
      }}
      style={{ width: '100%' }}
      data-testid={testid}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { minWidth: 360 } } }}
    />
  );
});

/** A preset's shown name: built-in presets are named in the interface language. */
export function presetLabel(t: TFunction, p: AgeingPreset): string {
  return p.builtIn ? t(`ar.ageing.builtInName.${p.basis}`) : p.name;
}
