// The customer card's credit tab (信用): position and evidence from the book, the downgrade
// suggestion (recent warning signs sit in the card's header), then rating, class and reports, the limit worksheet and
// decisions, investigations, countermeasures and cash-discount terms.
import { Alert, Card, Descriptions, Space, Spin, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../format/errors';
import { money } from '../../format/money';
import { bpText } from '../../reports/credit-series';
import { CREDIT_NS } from './i18n';
import { ClassSection, RatingSection } from './RatingSection';
import { LimitSection } from './LimitSection';
import { RecordsSection } from './RecordsSection';
import { useCreditProfile } from './useCreditProfile';
import { useAppInfo } from '../../hooks/queries';

export function CreditTab({ customerId, readOnly }: { customerId: number; readOnly: boolean }) {
  const { t } = useTranslation(CREDIT_NS);
  const { t: tg } = useTranslation();
  const q = useCreditProfile(customerId);
  const info = useAppInfo();
  // viewers (只读) see the file without the forms; main refuses their writes anyway
  readOnly = readOnly || info.data?.currentOperator?.role === 'viewer';
  if (q.isPending) return <Spin />;
  if (q.isError) return <Alert type="error" title={errorText(tg, q.error)} />;
  const p = q.data;
  if (!p) return null;
  const pos = p.position;
  return (
    <div className="credit-tab" data-testid="credit-tab">
      {p.suggestion && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="credit-suggestion"
          title={t(p.suggestion.key === 'broken_promises' ? 'tab.suggestionPromises' : 'tab.suggestion', {
            ...p.suggestion.values,
            grade: p.suggestion.grade,
          })}
        />
      )}
      <Space direction="vertical" style={{ width: '100%' }} size={12}>
        <Card size="small" title={t('tab.position')}>
          <Descriptions size="small" column={{ xs: 1, sm: 2, xxl: 4 }} data-testid="credit-position">
            <Descriptions.Item label={t('col.rating')}>{pos.rating ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('col.creditClass')}>{pos.creditClass ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('col.limit')}>
              <span className="num">{money(pos.creditLimit)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('col.exposure')}>
              <span className="num">{money(pos.exposure)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('col.available')}>
              <span className="num">{money(pos.available)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('col.utilisation')}>{bpText(pos.utilisationBp)}</Descriptions.Item>
            <Descriptions.Item label={t('col.nextReview')}>{pos.nextReviewDue ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('tab.onHold')}>
              {pos.onHold ? <Tag color="red">{t('tab.onHold')}</Tag> : '—'}
            </Descriptions.Item>
          </Descriptions>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, xxl: 4 }}
            title={t('tab.evidence')}
            data-testid="credit-evidence"
            style={{ marginTop: 12 }}
          >
            <Descriptions.Item label={t('tab.avgDaysLate')}>{p.evidence.avgDaysLate ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('tab.largestOverdue')}>
              <span className="num">{money(p.evidence.largestOverdue)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('tab.ledgerMonths')}>{p.evidence.ledgerMonths}</Descriptions.Item>
            <Descriptions.Item label={t('tab.invoices')}>{p.evidence.invoices}</Descriptions.Item>
            <Descriptions.Item label={t('tab.brokenPromiseRate')}>
              <span data-testid="credit-broken-promises">
                {p.evidence.brokenPromiseRateBp === null
                  ? t('tab.noPromisesDecided')
                  : t('tab.brokenPromiseValue', {
                      rate: bpText(p.evidence.brokenPromiseRateBp),
                      broken: p.evidence.brokenPromises,
                      decided: p.evidence.decidedPromises,
                    })}
              </span>
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <RatingSection customerId={customerId} profile={p} readOnly={readOnly} />
        <ClassSection customerId={customerId} profile={p} readOnly={readOnly} />
        <LimitSection customerId={customerId} profile={p} readOnly={readOnly} />
        <RecordsSection customerId={customerId} profile={p} readOnly={readOnly} />
      </Space>
    </div>
  );
}
