// Ageing total vs the ledger balance on the same date, each difference class explained.
import { CheckCircleFilled, WarningFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Spin, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { money } from '../../../format/money';
import { Amount, arErrorText, arKeys } from '../common';

export function TieOutPanel({ asOf }: { asOf: string }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: arKeys.tieOut(asOf), queryFn: () => call('ageing:tie-out', { asOf }) });
  if (q.isPending) return <Spin />;
  if (q.isError) return <Alert type="error" title={arErrorText(t, q.error)} />;
  const d = q.data;
  const a = d.documentsAfter;
  const line = (label: string, help: string, fen: number, opts: { strong?: boolean; testid?: string } = {}) => (
    <div className="ar-tie-line" data-testid={opts.testid}>
      <div>
        <div style={{ fontWeight: opts.strong ? 700 : 400 }}>{label}</div>
        <div className="ar-hint">{help}</div>
      </div>
      <Amount fen={fen} strong={opts.strong} />
    </div>
  );
  return (
    <div data-testid="ageing-tieout" className="ar-tie">
      {line(t('ar.tieOut.agedInvoices'), t('ar.tieOut.agedInvoicesHelp'), d.agedInvoices)}
      {line(t('ar.tieOut.unapplied'), t('ar.tieOut.unappliedHelp'), d.unapplied)}
      {line(t('ar.tieOut.ageingTotal'), t('ar.tieOut.ageingTotalHelp'), d.ageingTotal, { strong: true })}
      {line(t('ar.tieOut.ledgerBalance'), t('ar.tieOut.ledgerBalanceHelp'), d.ledgerBalance, { strong: true })}
      <div className="ar-tie-line" data-testid="ageing-tieout-diff">
        <div style={{ fontWeight: 700 }}>
          {d.difference === 0 ? (
            <CheckCircleFilled style={{ color: '#389e0d' }} />
          ) : (
            <WarningFilled style={{ color: '#c41d1d' }} />
          )}{' '}
          {t('ar.tieOut.difference')}
          <div className="ar-hint" style={{ fontWeight: 400 }}>
            {d.difference === 0 ? t('ar.tieOut.agrees') : t('ar.tieOut.differs', { amount: money(d.difference) })}
          </div>
        </div>
        <Amount fen={d.difference} strong />
      </div>
      {line(
        t('ar.tieOut.notes'),
        t('ar.tieOut.notesHelp', { count: d.notesReceivable.count }),
        d.notesReceivable.amount,
      )}
      <div className="ar-tie-line">
        <div>
          <Tooltip title={d.explanation.join('\n')}>
            <div>{t('ar.tieOut.after')}</div>
          </Tooltip>
          <div className="ar-hint">
            {t('ar.tieOut.afterHelp', {
              invoices: a.invoices,
              invoiced: money(a.invoiced),
              receipts: a.receipts,
              received: money(a.received),
              credited: money(a.credited),
              writtenOff: money(a.writtenOff),
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
