// The customer card's collections tab: promise-kept rate and a timeline of collection records
// and promises (with status as of today), newest first; "log contact" opens the record form.
import { useQuery } from '@tanstack/react-query';
import { Button, Empty, Space, Statistic, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { call } from '../../api/client';
import { money } from '../../format/money';
import { STATUS_COLOURS, qkCollections, useCt, useToday } from './common';
import { RecordModal } from './RecordModal';
import './i18n';

export function CustomerCollectionsTab({ customer }: { customer: { id: number; code: string; name: string } }) {
  const t = useCt();
  const asOf = useToday();
  const [open, setOpen] = useState(false);
  const q = useQuery({
    queryKey: [...qkCollections, 'customer', customer.id, asOf],
    queryFn: () => call('collections:customer', { customerId: customer.id, asOf }),
  });
  const d = q.data;
  const items = [
    ...(d?.records ?? []).map((r) => ({
      date: r.date,
      key: `r${r.id}`,
      color: 'blue',
      children: (
        <div>
          <b>{r.date}</b> {t('tab.record')} · {t(`channels.${r.channel}`)}
          {r.contactName ? ` · ${r.contactName}` : ''}
          {r.method ? ` · ${t(`methods.${r.method}`)}` : ''}
          {r.tactic ? ` · ${t(`tactics.${r.tactic}`)}` : ''}
          {r.outcome && <div>{r.outcome}</div>}
          {r.nextStep && (
            <Typography.Text type="secondary">
              {t('tab.next')}: {t(`channels.${r.nextStep}`)} {r.nextDate}
            </Typography.Text>
          )}
        </div>
      ),
    })),
    ...(d?.promises ?? []).map((p) => ({
      date: p.madeOn,
      key: `p${p.id}`,
      color: 'green',
      children: (
        <div>
          <b>{p.madeOn}</b> {t('tab.promise')} {money(p.amount)} → {p.promisedOn}{' '}
          <Tag color={STATUS_COLOURS[p.status]}>{t(`status.${p.status}`)}</Tag>
          <Typography.Text type="secondary">{money(p.received)}</Typography.Text>
        </div>
      ),
    })),
  ].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  return (
    <div data-testid="customer-collections">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Statistic
          title={t('tab.keptRate')}
          value={
            d?.keptRate.rate == null
              ? t('tab.none')
              : `${Math.round(d.keptRate.rate * 100)}% (${d.keptRate.kept}/${d.keptRate.decided})`
          }
        />
        <Button type="primary" onClick={() => setOpen(true)}>
          {t('tab.log')}
        </Button>
      </Space>
      {items.length ? (
        <Timeline items={items.map(({ key, color, children }) => ({ key, color, children }))} />
      ) : (
        <Empty />
      )}
      <RecordModal customer={customer} open={open} onClose={() => setOpen(false)} defaultDate={asOf} />
    </div>
  );
}
