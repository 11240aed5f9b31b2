// The applications tab: each allocation row (receipt, credit note, write-off, recovery → invoice), unapply.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Table } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AllocationRow, LedgerLine } from '@shared/types-receivables';
import { call } from '../../../api/client';
import { formatDate } from '../../../format/date';
import { money } from '../../../format/money';
import { useLang } from '../../../hooks/useLang';
import { Amount, arErrorText, invalidateAr } from '../common';
import { allocSource } from './LedgerLinesTable';

export function AllocationsTable({ rows, lines }: { rows: AllocationRow[]; lines: LedgerLine[] }) {
  const { t } = useTranslation();
  const [lang] = useLang();
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  const numberOf = useMemo(() => new Map(lines.map((l) => [`${l.kind}:${l.id}`, l.number])), [lines]);
  const unapply = useMutation({
    mutationFn: (a: AllocationRow) =>
      call('allocations:unapply', {
        invoiceId: a.invoiceId,
        amount: a.amount,
        ...(a.receiptId !== null ? { receiptId: a.receiptId } : { creditNoteId: a.creditNoteId as number }),
      }),
    onSuccess: () => {
      invalidateAr(qc);
      void message.success(t('ar.ledger.unapplied_done'));
    },
    onError: (e) => void message.error(arErrorText(t, e)),
  });
  const sorted = [...rows].sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : b.id - a.id));
  return (
    <Table<AllocationRow>
      size="small"
      rowKey="id"
      data-testid="ar-allocations"
      dataSource={sorted}
      pagination={sorted.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      locale={{ emptyText: t('ar.ledger.noAllocations') }}
      columns={[
        { title: t('ar.ledger.date'), dataIndex: 'date', render: (d: string) => formatDate(d, lang) },
        {
          title: t('ar.ledger.invoice'),
          dataIndex: 'invoiceNumber',
          render: (n: string) => <span className="code">{n}</span>,
        },
        {
          title: t('ar.ledger.source'),
          key: 'src',
          render: (_: unknown, a) => {
            const src = allocSource(a);
            const id = a.receiptId ?? a.creditNoteId ?? a.writeOffId;
            const num = id !== null ? numberOf.get(`${src}:${id}`) : undefined;
            return `${t(`ar.ledger.allocKind.${src}`)} ${num ?? ''}`;
          },
        },
        {
          title: t('ar.ledger.amount'),
          dataIndex: 'amount',
          align: 'right',
          render: (v: number) => <Amount fen={v} />,
        },
        {
          title: t('common.actions'),
          key: 'a',
          render: (_: unknown, a) =>
            (a.receiptId !== null || a.creditNoteId !== null) && a.kind !== 'recovery' ? (
              <Button
                size="small"
                type="link"
                data-testid="ar-unapply"
                onClick={() =>
                  modal.confirm({
                    title: t('ar.ledger.unapply'),
                    content: t('ar.ledger.unapplyConfirm', { invoice: a.invoiceNumber, amount: money(a.amount) }),
                    okText: t('ar.ledger.unapply'),
                    cancelText: t('common.cancel'),
                    onOk: () => unapply.mutateAsync(a),
                  })
                }
              >
                {t('ar.ledger.unapply')}
              </Button>
            ) : null,
        },
      ]}
    />
  );
}
