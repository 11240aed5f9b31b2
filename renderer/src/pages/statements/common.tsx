// Pieces shared by the statement pages: the customer picker (customers:list search), the
// confidential-customer confirmation, printing an HTML document through a hidden iframe.
import { App, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call } from '../../api/client';
import { useDebounced } from '../../hooks/useDebounced';
import { STATEMENTS_NS } from './i18n';

export function useT() {
  return useTranslation(STATEMENTS_NS).t;
}

export interface PickedCustomer {
  id: number;
  code: string;
  name: string;
  confidentiality: string;
}

export function CustomerPicker({
  value,
  onChange,
  testId,
}: {
  value: PickedCustomer | null;
  onChange: (c: PickedCustomer | null) => void;
  testId?: string;
}) {
  const t = useT();
  const [query, setQuery] = useState('');
  const q = useDebounced(query, 200);
  const list = useQuery({
    queryKey: ['customers', 'list', 'statement-picker', q],
    queryFn: () => call('customers:list', { filter: { query: q || undefined, includeTerminated: true }, limit: 30 }),
  });
  const rows = list.data?.rows ?? [];
  return (
    <Select
      data-testid={testId}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      allowClear
      style={{ minWidth: 280 }}
      placeholder={t('customerPlaceholder')}
      value={value?.id}
      loading={list.isFetching}
      options={[...(value && !rows.some((r) => r.id === value.id) ? [value] : []), ...rows].map((r) => ({
        value: r.id,
        label: `${r.code} ${r.name}`,
      }))}
      onChange={(id) => {
        const r = rows.find((x) => x.id === id) ?? (value?.id === id ? value : null);
        onChange(r ? { id: r.id, code: r.code, name: r.name, confidentiality: r.confidentiality } : null);
      }}
    />
  );
}

export const isSensitive = (level: string | undefined) => level === 'confidential' || level === 'top_secret';

/** Runs `fn(confirmed)`; for a confidential customer asks first (CONFIRMATION_REQUIRED). */
export function useSensitiveConfirm() {
  const { modal } = App.useApp();
  const t = useT();
  return async <T,>(sensitive: boolean, fn: (confirmed: boolean) => Promise<T>): Promise<T | null> => {
    const ask = () =>
      new Promise<boolean>((resolve) =>
        modal.confirm({
          title: t('confidentialTitle'),
          content: t('confidentialText'),
          okText: t('confirm'),
          cancelText: t('cancel'),
          onOk: () => resolve(true),
          onCancel: () => resolve(false),
        }),
      );
    if (sensitive && !(await ask())) return null;
    try {
      return await fn(sensitive);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CONFIRMATION_REQUIRED' && !sensitive && (await ask())) return fn(true);
      throw e;
    }
  };
}

/** Prints an HTML document through a temporary hidden iframe. */
export function printHtml(html: string): void {
  const frame = document.createElement('iframe');
  frame.style.position = 'fixed';
  frame.style.width = '0';
  frame.style.height = '0';
  frame.style.border = '0';
  frame.srcdoc = html;
  frame.onload = () => {
    frame.contentWindow?.focus();
    frame.contentWindow?.print();
    setTimeout(() => frame.remove(), 60_000);
  };
  document.body.appendChild(frame);
}
