// The customer ledger's write-offs (坏账核销): amount, what has been recovered, what is still
// written off, and "Recover" (坏账收回) in a dialog that reuses the entry page's recovery form.
import { Button, Modal, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerLedgerOut, WriteOffRow } from '@shared/types-receivables';
import { formatDate } from '../../../format/date';
import { useLang } from '../../../hooks/useLang';
import { Amount, useToday } from '../common';
import { recoverable, RecoveryForm } from '../entry/RecoveryForm';

export function WriteOffsTable({ rows, onRecover }: { rows: WriteOffRow[]; onRecover: (w: WriteOffRow) => void }) {
  const { t } = useTranslation();
  const [lang] = useLang();
  return (
    <Table<WriteOffRow>
      size="small"
      rowKey="id"
      data-testid="ar-write-offs"
      dataSource={rows}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      locale={{ emptyText: t('ar.ledger.noWriteOffs') }}
      rowClassName={(w) => (w.voidedAt ? 'muted' : '')}
      onRow={(w) => ({ 'data-invoice': w.invoiceNumber }) as object}
      columns={[
        {
          title: t('ar.ledger.writeOffDate'),
          dataIndex: 'date',
          width: 110,
          render: (d: string) => formatDate(d, lang),
        },
        {
          title: t('ar.ledger.invoice'),
          dataIndex: 'invoiceNumber',
          width: 150,
          render: (n: string, w) => (
            <Space size={4}>
              <span className="code">{n}</span>
              {w.voidedAt && <Tag>{t('ar.ledger.voided')}</Tag>}
            </Space>
          ),
        },
        {
          title: t('ar.ledger.writtenOff'),
          dataIndex: 'amount',
          width: 130,
          align: 'right',
          render: (v: number) => <Amount fen={v} />,
        },
        {
          title: t('ar.ledger.recovered'),
          dataIndex: 'recovered',
          width: 130,
          align: 'right',
          render: (v: number) => (
            <span data-col="recovered">
              <Amount fen={v} zeroDash />
            </span>
          ),
        },
        {
          title: t('ar.ledger.stillWrittenOff'),
          key: 'left',
          width: 130,
          align: 'right',
          render: (_: unknown, w) => (
            <span data-col="left">
              <Amount fen={recoverable(w)} strong zeroDash />
            </span>
          ),
        },
        { title: t('ar.entry.approvedBy'), dataIndex: 'approvedBy', width: 120, ellipsis: true },
        { title: t('ar.entry.reason'), dataIndex: 'reason', ellipsis: true },
        {
          title: t('common.actions'),
          key: 'a',
          width: 110,
          render: (_: unknown, w) =>
            recoverable(w) > 0 ? (
              <Button size="small" type="link" onClick={() => onRecover(w)} data-testid="ar-recover">
                {t('ar.recovery.recover')}
              </Button>
            ) : w.voidedAt ? null : (
              <span className="ar-hint">{t('ar.ledger.fullyRecovered')}</span>
            ),
        },
      ]}
    />
  );
}

/** The recovery form for one write-off of the ledger's customer; closes once saved. */
export function RecoveryModal({
  writeOff,
  ledger,
  onClose,
}: {
  writeOff: WriteOffRow;
  ledger: CustomerLedgerOut;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const today = useToday();
  return (
    <Modal
      open
      width={760}
      title={t('ar.recovery.title', { number: writeOff.invoiceNumber })}
      footer={null}
      onCancel={onClose}
      destroyOnHidden
    >
      <div data-testid="ar-recovery-modal">
        <RecoveryForm
          today={today}
          customer={{ id: ledger.customerId, code: ledger.customerCode, name: ledger.customerName }}
          writeOffId={writeOff.id}
          onSaved={onClose}
        />
      </div>
    </Modal>
  );
}
