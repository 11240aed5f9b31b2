// The grade back-test card of the credit overview: the run goes to the main process's report
// worker (credit:backtest-start), its progress is polled while it runs and shown as a bar,
// Cancel stops it; the table shows the last finished run.
import { Button, Card, Progress, Space, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { errorText } from '../../format/errors';
import { backtestRows } from '../../reports/credit-series';
import { CREDIT_NS } from './i18n';

const JOB_KEY = ['credit', 'backtest-job'];

export function BacktestCard() {
  const { t } = useTranslation(CREDIT_NS);
  const qc = useQueryClient();
  const job = useQuery({
    queryKey: JOB_KEY,
    queryFn: () => call('credit:backtest-progress', {}),
    refetchInterval: (q) => (q.state.data?.state === 'running' ? 250 : false),
  });
  const start = useMutation({
    mutationFn: () => call('credit:backtest-start', {}),
    onSuccess: (j) => qc.setQueryData(JOB_KEY, j),
  });
  const cancel = useMutation({
    mutationFn: () => call('credit:backtest-cancel', {}),
    onSuccess: (j) => qc.setQueryData(JOB_KEY, j),
  });
  const j = job.data;
  const running = j?.state === 'running';
  const percent = j && j.total ? Math.floor((j.done * 100) / j.total) : 0;
  return (
    <Card
      title={t('overview.backtest')}
      size="small"
      extra={
        <Space>
          {running && (
            <Button onClick={() => cancel.mutate()} data-testid="credit-backtest-cancel">
              {t('overview.cancelBacktest')}
            </Button>
          )}
          <Button onClick={() => start.mutate()} loading={start.isPending || running} data-testid="credit-backtest-run">
            {t('overview.runBacktest')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('overview.backtestIntro')}</Typography.Paragraph>
      {j && (
        <div data-testid="credit-backtest-progress" data-state={j.state} style={{ maxWidth: 520, marginBottom: 12 }}>
          <Progress
            percent={j.state === 'done' ? 100 : percent}
            size="small"
            status={j.state === 'failed' ? 'exception' : j.state === 'running' ? 'active' : undefined}
          />
          <Typography.Text type="secondary">
            {j.state === 'cancelled'
              ? t('overview.backtestCancelled')
              : j.state === 'failed'
                ? t('overview.backtestFailed', { error: j.error ?? '' })
                : t('overview.backtestProgress', {
                    customers: j.customers.toLocaleString(),
                    percent: j.state === 'done' ? 100 : percent,
                  })}
          </Typography.Text>
        </div>
      )}
      {j?.result && (
        <Table
          size="small"
          rowKey="grade"
          pagination={false}
          dataSource={backtestRows(j.result.rows)}
          data-testid="credit-backtest"
          footer={() => t('overview.took', { ms: j.result!.ms })}
          columns={[
            { title: t('col.grade'), dataIndex: 'grade', width: 100 },
            { title: t('col.customers'), dataIndex: 'customers', align: 'right' as const, width: 120 },
            { title: t('col.bad'), dataIndex: 'bad', align: 'right' as const, width: 140 },
            { title: t('col.share'), dataIndex: 'share', align: 'right' as const, width: 120 },
          ]}
        />
      )}
      {(start.isError || cancel.isError) && (
        <Typography.Text type="danger">{errorText(t, start.error ?? cancel.error)}</Typography.Text>
      )}
    </Card>
  );
}
