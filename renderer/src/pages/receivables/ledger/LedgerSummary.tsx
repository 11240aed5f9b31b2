// Above the ledger tabs: balance, open, unapplied, credit limit, exposure, available, status.
import { ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerLedgerOut, CreditCheckOut } from '@shared/types-receivables';
import { money } from '../../../format/money';
import { Amount, creditReasonText, CreditStatusTag, invalidateAr } from '../common';

/** Balance, open, unapplied and the credit position above the tabs, with the credit warnings. */
export function LedgerSummary({
  ledger: L,
  credit: c,
}: {
  ledger: CustomerLedgerOut;
  credit: CreditCheckOut | undefined;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  return (
    <>
      <div className="ar-toolbar">
        <Descriptions
          size="small"
          column={{ xs: 2, sm: 3, md: 4, lg: 4, xl: 4, xxl: 7 }}
          style={{ flex: 1 }}
          items={[
            { key: 'balance', label: t('ar.ledger.balanceTotal'), children: <Amount fen={L.balance} strong /> },
            { key: 'open', label: t('ar.ledger.openTotal'), children: <Amount fen={L.open} /> },
            {
              key: 'unapplied',
              label: t('ar.ledger.unappliedTotal'),
              children: <Amount fen={L.unapplied === 0 ? 0 : -Math.abs(L.unapplied)} />,
            },
            {
              key: 'limit',
              label: t('ar.credit.limit'),
              children: c ? c.limit === null ? t('ar.credit.noLimit') : <Amount fen={c.limit} /> : '…',
            },
            { key: 'exposure', label: t('ar.credit.exposure'), children: c ? <Amount fen={c.exposure} /> : '…' },
            {
              key: 'available',
              label: t('ar.credit.available'),
              children: c ? (
                <span data-testid="ar-available">
                  <Amount fen={c.available} />
                </span>
              ) : (
                '…'
              ),
            },
            { key: 'status', label: t('ar.credit.status'), children: c ? <CreditStatusTag status={c.status} /> : '…' },
          ]}
        />
        <Button icon={<ReloadOutlined />} onClick={() => invalidateAr(qc)} aria-label={t('ar.ledger.refresh')} />
      </div>
      {c && c.reasons.length > 0 && (
        <Alert
          type={c.status === 'block' ? 'error' : 'warning'}
          showIcon
          title={
            <span>
              {c.reasons.map((r) => creditReasonText(t, r, c)).join('；')}
              {c.unsettledNotes > 0 && ` · ${t('ar.credit.unsettledNotes')} ${money(c.unsettledNotes)}`}
            </span>
          }
        />
      )}
    </>
  );
}
