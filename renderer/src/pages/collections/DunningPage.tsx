// 催收级别: customers by ladder level as of a date (SPEC §5; paused for pending promises and
// disputes), batch 催款函 through the print pipeline (progress, cancel), the WeChat/SMS text per
// customer with a copy button, and the ladder settings.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Input,
  InputNumber,
  Modal,
  Progress,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { call } from '../../api/client';
import { errorText } from '../../format/errors';
import { money } from '../../format/money';
import { useTranslation } from 'react-i18next';
import type { LadderStepOut } from '@shared/types-collections';
import type { DunningPageRow } from '@shared/types-dunning-page';
import { qkCollections, useToday, useCt } from './common';
import './i18n';
import { HoldCell } from './DunningHold';
import { LettersFolder, useLettersDir } from './LettersFolder';
import { useRt } from './runs-i18n';
import { useDunningPages } from './useDunningPages';

function MessageButton({ customerId, asOf }: { customerId: number; asOf: string }) {
  const t = useCt();
  const { message } = App.useApp();
  const [text, setText] = useState<string | null>(null);
  return (
    <>
      <Button
        size="small"
        onClick={async () => setText((await call('collections:message', { customerId, asOf })).text)}
      >
        {t('dunning.message')}
      </Button>
      <Modal
        open={text !== null}
        onCancel={() => setText(null)}
        title={t('dunning.message')}
        okText={t('dunning.copy')}
        onOk={async () => {
          await navigator.clipboard?.writeText(text ?? '').catch(() => undefined);
          message.success(t('dunning.copied'));
          setText(null);
        }}
      >
        <Input.TextArea value={text ?? ''} autoSize readOnly data-testid="dunning-message" />
      </Modal>
    </>
  );
}

function LettersCard({ asOf, levels }: { asOf: string; levels: number[] }) {
  const t = useCt();
  const { t: tApp } = useTranslation();
  const { message } = App.useApp();
  const [level, setLevel] = useState<number>(levels[0] ?? 1);
  const [output, setOutput] = useState<'per_customer' | 'combined'>('per_customer');
  const [dir, setDir] = useLettersDir();
  const job = useQuery({
    queryKey: [...qkCollections, 'letters-job'],
    queryFn: () => call('collections:letters-progress', {}),
    refetchInterval: (q) => (q.state.data?.state === 'running' ? 500 : false),
  });
  const qc = useQueryClient();
  const start = useMutation({
    mutationFn: () =>
      call('collections:letters-start', { asOf, level, output, ...(dir.trim() ? { dir: dir.trim() } : {}) }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [...qkCollections, 'letters-job'] }),
    onError: (e) => message.error(errorText(tApp, e)),
  });
  const j = job.data;
  return (
    <Card size="small" title={t('dunning.letters')} style={{ marginBottom: 12 }}>
      <Space wrap>
        {t('dunning.lettersLevel')}
        <Select
          value={level}
          onChange={setLevel}
          options={levels.map((l) => ({ value: l, label: `L${l}` }))}
          style={{ width: 80 }}
          data-testid="letters-level"
        />
        {t('dunning.output')}
        <Select
          value={output}
          onChange={setOutput}
          options={(['per_customer', 'combined'] as const).map((o) => ({ value: o, label: t(`dunning.outputs.${o}`) }))}
          style={{ width: 190 }}
        />
        <LettersFolder value={dir} onChange={setDir} />
        <Button
          type="primary"
          onClick={() => start.mutate()}
          loading={start.isPending}
          disabled={j?.state === 'running'}
          data-testid="letters-start"
        >
          {t('dunning.start')}
        </Button>
        {j?.state === 'running' && (
          <Button onClick={() => void call('collections:letters-cancel', {})}>{t('dunning.cancel')}</Button>
        )}
      </Space>
      {j && (
        <div style={{ marginTop: 8 }} data-testid="letters-progress">
          <Progress
            percent={j.total ? Math.round((j.produced * 100) / j.total) : 100}
            size="small"
            status={j.state === 'failed' ? 'exception' : undefined}
          />
          <Typography.Text type="secondary">
            {t('dunning.progress', { done: j.produced, total: j.total })}
            {j.state !== 'running' && j.files.length > 0 ? ` · ${t('dunning.doneIn', { dir: j.dir })}` : ''}
            {j.error ? ` · ${j.error}` : ''}
          </Typography.Text>
        </div>
      )}
    </Card>
  );
}

function LadderCard() {
  const t = useCt();
  const { t: tApp } = useTranslation();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: [...qkCollections, 'ladder'], queryFn: () => call('collections:ladder', {}) });
  const [steps, setSteps] = useState<LadderStepOut[]>([]);
  useEffect(() => setSteps(q.data ?? []), [q.data]);
  const save = useMutation({
    mutationFn: () => call('collections:ladder-update', { steps }),
    onSuccess: () => {
      message.success(t('dunning.ladderSaved'));
      void qc.invalidateQueries({ queryKey: qkCollections });
    },
    onError: (e) => message.error(errorText(tApp, e)),
  });
  const patch = (i: number, p: Partial<LadderStepOut>) =>
    setSteps((s) => s.map((x, k) => (k === i ? { ...x, ...p } : x)));
  const onSave = () => {
    if (steps.some((s) => s.action === 'credit_hold'))
      modal.confirm({ title: t('dunning.confirmHold'), onOk: () => save.mutate() });
    else save.mutate();
  };
  return (
    <Card size="small" title={t('dunning.ladder')} extra={<Button onClick={onSave}>{tApp('common.save')}</Button>}>
      <Table<LadderStepOut>
        rowKey="level"
        size="small"
        pagination={false}
        dataSource={steps}
        columns={[
          { title: t('dunning.level'), dataIndex: 'level', width: 60 },
          {
            title: t('dunning.ladderDays'),
            dataIndex: 'days',
            width: 130,
            render: (v: number, _r, i) => (
              <InputNumber min={1} value={v} onChange={(n) => patch(i, { days: Number(n) })} />
            ),
          },
          {
            title: t('dunning.ladderName'),
            dataIndex: 'name',
            render: (v: string, _r, i) => <Input value={v} onChange={(e) => patch(i, { name: e.target.value })} />,
          },
          { title: t('dunning.ladderTemplate'), dataIndex: 'letterTemplate', width: 150 },
          {
            title: t('dunning.ladderAction'),
            dataIndex: 'action',
            width: 220,
            render: (v: string, _r, i) => (
              <Select
                value={v}
                style={{ width: '100%' }}
                onChange={(a) => patch(i, { action: a as LadderStepOut['action'] })}
                options={['none', 'credit_hold', 'stop_supply', 'legal'].map((a) => ({
                  value: a,
                  label: t(`actions.${a}`),
                }))}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}

export function DunningPage() {
  const t = useCt();
  const appToday = useToday();
  const [picked, setAsOf] = useState<string | null>(null);
  const asOf = picked ?? appToday;
  const [level, setLevel] = useState<string>('all');
  // one page at a time, the level filter applied in main (useDunningPages.ts)
  const q = useDunningPages(asOf, level);
  const ladder = useQuery({ queryKey: [...qkCollections, 'ladder'], queryFn: () => call('collections:ladder', {}) });
  const rows = q.rows;
  const levels = (ladder.data ?? []).map((s) => s.level);
  const tr = useRt();
  const count = (l: number | null) => q.counts[l === null ? 'none' : String(l)] ?? 0;
  return (
    <div className="page" data-testid="dunning-page">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('dunning.title')}
        </Typography.Title>
        <Space>
          {t('dunning.asOf')}
          <DatePicker
            value={dayjs(asOf)}
            allowClear={false}
            onChange={(d) => d && setAsOf(d.format('YYYY-MM-DD'))}
            data-testid="dunning-asof"
          />
        </Space>
      </Space>
      <Segmented
        value={level}
        onChange={(v) => setLevel(String(v))}
        style={{ marginBottom: 12 }}
        options={[
          { value: 'all', label: `${t('dunning.all')} (${q.counts.all ?? 0})` },
          ...(ladder.data ?? []).map((s) => ({
            value: String(s.level),
            label: `L${s.level} ${s.name} (${count(s.level)})`,
          })),
          { value: 'none', label: `${t('dunning.noLevel')} (${count(null)})` },
        ]}
      />
      <LettersCard asOf={asOf} levels={levels} />
      <Table<DunningPageRow>
        rowKey="customerId"
        size="small"
        loading={q.isLoading}
        dataSource={rows}
        onScroll={q.onScroll}
        virtual
        scroll={{ y: 420 }}
        pagination={false}
        style={{ marginBottom: 12 }}
        columns={[
          {
            title: t('dunning.customer'),
            key: 'c',
            render: (_, r) => (
              <Link to={`/customers/${r.customerId}`}>
                {r.customerCode} {r.customerName}
              </Link>
            ),
          },
          { title: t('dunning.days'), dataIndex: 'daysOverdue', width: 110, align: 'right' },
          {
            title: t('dunning.overdue'),
            dataIndex: 'overdue',
            width: 150,
            align: 'right',
            render: (v: number) => money(v),
          },
          {
            title: t('dunning.level'),
            dataIndex: 'level',
            width: 80,
            align: 'right',
            render: (v: number | null) => (v === null ? '—' : `L${v}`),
          },
          {
            title: t('dunning.paused'),
            key: 'p',
            width: 200,
            render: (_, r) =>
              r.pausedBy.map((p) => (
                <Tag key={p} color="gold">
                  {t(`dunning.pausedBy.${p}`)}
                </Tag>
              )),
          },
          {
            title: tr('hold.column'),
            key: 'h',
            width: 130,
            render: (_, r) => (
              <HoldCell
                row={r}
                action={r.action && r.level !== null ? { ...r, level: r.level, action: r.action } : undefined}
                asOf={asOf}
              />
            ),
          },
          {
            title: '',
            key: 'm',
            width: 150,
            render: (_, r) => <MessageButton customerId={r.customerId} asOf={asOf} />,
          },
        ]}
      />
      <LadderCard />
    </div>
  );
}
