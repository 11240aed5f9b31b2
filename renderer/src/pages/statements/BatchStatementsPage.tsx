// 批量打印对账单: period, style, language, filters (regions, value tiers, overdue only, explicit
// codes), target folder, one PDF per customer or one combined PDF; progress bar (polls
// statements:batch-progress) with cancel; the run log table.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  Progress,
  Radio,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { DatePicker } from '../../components/TypedDatePicker';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { call } from '../../api/client';
import { errorText } from '../../format/errors';
import i18n, { currentLang } from '../../i18n';
import { isServerMessageKey, renderServerMessage } from '@shared/messages/server-messages';
import { money } from '../../format/money';
import type { BatchLogEntry, PrintLang, StatementBatchJob, StatementStyle } from '@shared/types-statements';
import { useT } from './common';
import './i18n';
import { TierFilterNote } from '../analysis/TierFilterNote';

const qkProgress = ['statements', 'batch-progress'] as const;
const split = (s: string) =>
  s
    .split(/[\s,，;；]+/)
    .map((x) => x.trim())
    .filter(Boolean);

export function BatchStatementsPage() {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [from, setFrom] = useState<Dayjs | null>(dayjs().startOf('month').subtract(1, 'month'));
  const [to, setTo] = useState<Dayjs | null>(dayjs().startOf('month').subtract(1, 'day'));
  const [style, setStyle] = useState<StatementStyle>('balance_forward');
  const [lang, setLang] = useState<PrintLang>('zh-CN');
  const [regions, setRegions] = useState('');
  const [tiers, setTiers] = useState<('A' | 'B' | 'C')[]>([]);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [codes, setCodes] = useState('');
  const [includeZero, setIncludeZero] = useState(false);
  const [dir, setDir] = useState('');
  const [output, setOutput] = useState<'per_customer' | 'combined'>('per_customer');
  const [confirmed, setConfirmed] = useState(false);

  const progress = useQuery({
    queryKey: qkProgress,
    queryFn: () => call('statements:batch-progress', {}),
    refetchInterval: (q) => ((q.state.data as StatementBatchJob | null | undefined)?.state === 'running' ? 300 : false),
  });
  const job = progress.data ?? null;
  const running = job?.state === 'running';

  const start = useMutation({
    mutationFn: () =>
      call('statements:batch-start', {
        from: from!.format('YYYY-MM-DD'),
        to: to!.format('YYYY-MM-DD'),
        style,
        lang,
        output,
        dir: dir.trim(),
        confirmed: confirmed || undefined,
        filter: {
          regions: split(regions).length ? split(regions) : undefined,
          valueTiers: tiers.length ? tiers : undefined,
          overdueOnly: overdueOnly || undefined,
          codes: split(codes).length ? split(codes) : undefined,
          includeZero: includeZero || undefined,
        },
      }),
    onSuccess: (j) => qc.setQueryData(qkProgress, j),
    onError: (e) => void message.error(errorText(i18n.t, e)),
  });
  const cancel = useMutation({
    mutationFn: () => call('statements:batch-cancel', {}),
    onSuccess: (j) => qc.setQueryData(qkProgress, j),
  });

  const summary =
    job && job.state !== 'running'
      ? t(job.state === 'cancelled' ? 'batch.cancelled' : 'batch.done', {
          produced: job.produced,
          skipped: job.skipped,
          failed: job.failed,
        })
      : null;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('batch.title')}
      </Typography.Title>
      <Card size="small">
        <Form layout="vertical" disabled={running}>
          <Space wrap size="large" align="start">
            <Form.Item label={t('period')}>
              <Space>
                <DatePicker value={from} onChange={setFrom} allowClear={false} />–
                <DatePicker value={to} onChange={setTo} allowClear={false} />
              </Space>
            </Form.Item>
            <Form.Item label={t('style')}>
              <Segmented<StatementStyle>
                value={style}
                onChange={setStyle}
                options={[
                  { value: 'balance_forward', label: t('styles.balance_forward') },
                  { value: 'open_item', label: t('styles.open_item') },
                ]}
              />
            </Form.Item>
            <Form.Item label={t('lang')}>
              <Segmented<PrintLang>
                value={lang}
                onChange={setLang}
                options={[
                  { value: 'zh-CN', label: t('langs.zh-CN') },
                  { value: 'en', label: t('langs.en') },
                ]}
              />
            </Form.Item>
          </Space>
          <Space wrap size="large" align="start">
            <Form.Item label={t('batch.regions')}>
              <Input value={regions} onChange={(e) => setRegions(e.target.value)} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item label={t('batch.tiers')}>
              <Select
                mode="multiple"
                value={tiers}
                onChange={setTiers}
                style={{ width: 160 }}
                options={['A', 'B', 'C'].map((v) => ({ value: v, label: v }))}
                data-testid="batch-tiers"
              />
            </Form.Item>
            <Form.Item label={t('batch.codes')}>
              <Input.TextArea
                value={codes}
                onChange={(e) => setCodes(e.target.value)}
                rows={2}
                style={{ width: 280 }}
              />
            </Form.Item>
            <Form.Item label=" ">
              <Space orientation="vertical">
                <Checkbox checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)}>
                  {t('batch.overdueOnly')}
                </Checkbox>
                <Checkbox checked={includeZero} onChange={(e) => setIncludeZero(e.target.checked)}>
                  {t('batch.includeZero')}
                </Checkbox>
                <Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)}>
                  {t('batch.confirmed')}
                </Checkbox>
              </Space>
            </Form.Item>
          </Space>
          <TierFilterNote tiers={tiers} />
          <Space wrap size="large" align="end">
            <Form.Item label={t('batch.dir')} required>
              <Input
                data-testid="batch-dir"
                value={dir}
                onChange={(e) => setDir(e.target.value)}
                placeholder={t('batch.dirPlaceholder')}
                style={{ width: 420 }}
              />
            </Form.Item>
            <Form.Item label={t('batch.output')}>
              <Radio.Group value={output} onChange={(e) => setOutput(e.target.value)}>
                <Radio value="per_customer">{t('batch.perCustomer')}</Radio>
                <Radio value="combined">{t('batch.combined')}</Radio>
              </Radio.Group>
            </Form.Item>
            <Form.Item>
              <Button
                type="primary"
                data-testid="batch-start"
                disabled={!dir.trim() || !from || !to}
                loading={start.isPending}
                onClick={() => start.mutate()}
              >
                {t('batch.start')}
              </Button>
            </Form.Item>
          </Space>
        </Form>
      </Card>
      {job && (
        <Card size="small" data-testid="batch-progress">
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Space>
              <Typography.Text>
                {running ? t('batch.running', { done: job.processed, total: job.total }) : summary}
              </Typography.Text>
              {running && (
                <Button danger size="small" onClick={() => cancel.mutate()} loading={cancel.isPending}>
                  {t('batch.cancel')}
                </Button>
              )}
            </Space>
            <Progress
              percent={job.percent}
              status={
                running
                  ? 'active'
                  : job.state === 'failed'
                    ? 'exception'
                    : job.state === 'cancelled'
                      ? 'normal'
                      : 'success'
              }
            />
            {job.state === 'failed' && <Alert type="error" title={t('batch.failed')} description={job.message} />}
            {job.combinedFile && (
              <Typography.Text copyable={{ text: job.combinedFile }}>
                {t('batch.combinedFile')}: {job.combinedFile}
              </Typography.Text>
            )}
            <Typography.Title level={5}>{t('batch.log')}</Typography.Title>
            <Table<BatchLogEntry>
              size="small"
              rowKey={(r) => `${r.customerCode}-${r.status}`}
              dataSource={job.log}
              pagination={{ pageSize: 50 }}
              columns={[
                { title: t('customer'), render: (_v, r) => `${r.customerCode} ${r.customerName}` },
                {
                  title: '',
                  dataIndex: 'status',
                  render: (s: BatchLogEntry['status']) => (
                    <Tag color={s === 'produced' ? 'green' : s === 'skipped' ? 'gold' : 'red'}>
                      {t(`batch.status.${s}`)}
                    </Tag>
                  ),
                },
                {
                  title: t('closing'),
                  dataIndex: 'closing',
                  align: 'right',
                  render: (v: number | null) => (v === null ? '' : money(v)),
                },
                { title: t('batch.file'), dataIndex: 'file', ellipsis: true },
                {
                  title: t('batch.message'),
                  dataIndex: 'message',
                  render: (m: string | null, r) =>
                    isServerMessageKey(r.messageKey) ? renderServerMessage(currentLang(), r.messageKey) : m,
                },
              ]}
            />
          </Space>
        </Card>
      )}
    </Space>
  );
}
