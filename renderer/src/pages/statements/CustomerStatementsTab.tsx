// The statements tab of the customer card: confirmation history, statements not yet returned,
// record a slip, and print the five cards (资料卡) or a statement. Mount as
// <CustomerStatementsTab customerId={id} />.
import { useQuery } from '@tanstack/react-query';
import { App, Button, Dropdown, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { call } from '../../api/client';
import { money } from '../../format/money';
import { CARD_KINDS, type CardKind, type ConfirmationRow } from '@shared/types-statements';
import { isSensitive, printHtml, useSensitiveConfirm, useT } from './common';
import { qkStatements, RecordSlipModal } from './ConfirmationsPage';
import './i18n';
import i18n from '../../i18n';
import { errorText } from '../../format/errors';

export function CustomerStatementsTab({
  customerId,
  confidentiality,
}: {
  customerId: number;
  confidentiality?: string;
}) {
  const t = useT();
  const { message } = App.useApp();
  const confirmSensitive = useSensitiveConfirm();
  const history = useQuery({
    queryKey: [...qkStatements, 'confirmations', customerId],
    queryFn: () => call('statements:confirmations', { customerId }),
  });
  const outstanding = useQuery({
    queryKey: [...qkStatements, 'outstanding', customerId],
    queryFn: () => call('statements:outstanding', { customerId }),
  });
  const [recording, setRecording] = useState(false);

  const printCards = async (kinds: CardKind[]) => {
    try {
      const r = await confirmSensitive(isSensitive(confidentiality), (confirmed) =>
        call('cards:html', { customerId, kinds, confirmed: confirmed || undefined }),
      );
      if (r) printHtml(r.html);
    } catch (e) {
      void message.error(errorText(i18n.t, e));
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="customer-statements-tab">
      <Space wrap>
        <Dropdown
          menu={{
            items: [
              { key: 'all', label: t('tab.cards.all') },
              ...CARD_KINDS.map((k) => ({ key: k, label: t(`tab.cards.${k}`) })),
            ],
            onClick: ({ key }) => void printCards(key === 'all' ? [...CARD_KINDS] : [key as CardKind]),
          }}
        >
          <Button data-testid="print-cards">{t('tab.printCards')}</Button>
        </Dropdown>
        <Button onClick={() => setRecording(true)} disabled={!outstanding.data?.length}>
          {t('conf.record')}
        </Button>
      </Space>
      {!!outstanding.data?.length && (
        <Typography.Text type="secondary">
          {t('conf.outstanding')}: {outstanding.data.map((s) => `${s.to} ${money(s.closing)}`).join('；')}
        </Typography.Text>
      )}
      <Typography.Title level={5}>{t('conf.history')}</Typography.Title>
      <Table<ConfirmationRow>
        size="small"
        rowKey="id"
        loading={history.isPending}
        dataSource={history.data ?? []}
        pagination={{ pageSize: 10 }}
        locale={{ emptyText: t('conf.none') }}
        columns={[
          { title: t('to'), dataIndex: 'periodTo' },
          {
            title: t('closing'),
            dataIndex: 'closing',
            align: 'right',
            render: (v: number | null) => (v === null ? '—' : money(v)),
          },
          {
            title: t('conf.result'),
            dataIndex: 'result',
            render: (v: string, r) => (
              <Tag color={v === 'agrees' ? 'green' : r.resolvedAt ? 'default' : 'red'}>{t(`conf.${v}`)}</Tag>
            ),
          },
          {
            title: t('conf.difference'),
            dataIndex: 'statedDifference',
            align: 'right',
            render: (v: number | null) => (v === null ? '' : money(v)),
          },
          { title: t('conf.note'), dataIndex: 'note' },
          { title: t('conf.receivedOn'), dataIndex: 'receivedOn' },
          { title: t('conf.resolution'), dataIndex: 'resolution' },
        ]}
      />
      <RecordSlipModal
        open={recording}
        customerId={customerId}
        sent={outstanding.data?.[0] ?? null}
        onClose={() => setRecording(false)}
      />
    </Space>
  );
}
