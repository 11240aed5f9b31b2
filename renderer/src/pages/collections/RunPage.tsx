// One collection run (路线单): the printable run sheet (preview, print, A4 PDF) and, after the
// trip, the outcome of each stop — signed statement, written promise (a promise to pay), payment
// received (a receipt), not met — each recorded once as a collection record (channel visit).
import { PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { VISIT_OUTCOMES, type RunStopOut, type VisitOutcome } from '@shared/types-collection-runs';
import { RECEIPT_METHODS } from '@shared/types-receivables';
import type { PrintLang } from '@shared/types-statements';
import { ApiError, call } from '../../api/client';
import { errorText, issueText } from '../../format/errors';
import { downloadBase64 } from '../../format/files';
import { money, parseMoneyText } from '../../format/money';
import { currentLang } from '../../i18n';
import { qkRuns } from './RunsPage';
import { qkCollections } from './common';
import { useRt } from './runs-i18n';
import './i18n';

interface OutcomeValues {
  outcome: VisitOutcome;
  date: Dayjs;
  contactName?: string;
  note?: string;
  amount?: string;
  promisedOn?: Dayjs;
  method?: string;
  reference?: string;
}

const FIELD_OF: Record<string, keyof OutcomeValues> = {
  'promise.amount': 'amount',
  'payment.amount': 'amount',
  'promise.promisedOn': 'promisedOn',
  'payment.method': 'method',
  'payment.reference': 'reference',
};

function OutcomeModal({ stop, runDate, onClose }: { stop: RunStopOut | null; runDate: string; onClose: () => void }) {
  const t = useRt();
  const { t: tApp } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<OutcomeValues>();
  const outcome = Form.useWatch('outcome', form);
  const save = useMutation({
    mutationFn: (v: OutcomeValues) => {
      const amount = parseMoneyText(v.amount);
      const needsAmount = v.outcome === 'written_promise' || v.outcome === 'payment';
      if (needsAmount && (!amount.ok || amount.fen === null)) {
        const key = amount.ok ? 'required' : amount.key;
        throw new ApiError({
          code: 'VALIDATION',
          message: key,
          field: 'amount',
          rows: [{ row: 0, field: 'amount', message: key }],
        });
      }
      const fen = amount.ok ? (amount.fen ?? 0) : 0;
      return call('collections:run-outcome', {
        stopId: stop!.stopId,
        outcome: v.outcome,
        date: v.date.format('YYYY-MM-DD'),
        contactName: v.contactName || null,
        note: v.note || null,
        promise:
          v.outcome === 'written_promise'
            ? { promisedOn: v.promisedOn?.format('YYYY-MM-DD') ?? '', amount: fen, promisedBy: v.contactName || null }
            : null,
        payment:
          v.outcome === 'payment'
            ? { amount: fen, method: (v.method ?? 'cash') as never, reference: v.reference || null }
            : null,
      });
    },
    onSuccess: (s) => {
      message.success(t('run.savedStop', { seq: s.seq }));
      void qc.invalidateQueries({ queryKey: qkCollections });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.rows?.length)
        form.setFields(
          e.rows.map((r) => ({
            name: FIELD_OF[r.field] ?? (r.field as keyof OutcomeValues),
            errors: [issueText(tApp, r.message, r.values)],
          })),
        );
      else message.error(errorText(tApp, e));
    },
  });
  return (
    <Modal
      open={!!stop}
      destroyOnHidden
      title={stop ? `${t('run.outcome')} · ${stop.seq}. ${stop.customerCode} ${stop.customerName}` : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('run.save')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'outcome-save' } as never}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          outcome: 'signed_statement',
          date: dayjs(runDate),
          method: 'cash',
          contactName: stop?.contactName ?? '',
        }}
        onFinish={(v) => save.mutate(v)}
        data-testid="outcome-form"
      >
        <Form.Item name="outcome" label={t('run.outcome')}>
          <Segmented
            block
            data-testid="outcome-kind"
            options={VISIT_OUTCOMES.map((o) => ({ value: o, label: t(`run.outcomeKinds.${o}`) }))}
          />
        </Form.Item>
        <Space size={12} wrap>
          <Form.Item name="date" label={t('run.date')}>
            <DatePicker allowClear={false} />
          </Form.Item>
          <Form.Item name="contactName" label={t('run.metWith')}>
            <Input maxLength={60} style={{ width: 200 }} />
          </Form.Item>
        </Space>
        {(outcome === 'written_promise' || outcome === 'payment') && (
          <Space size={12} wrap>
            <Form.Item name="amount" label={t('run.amount')} required>
              <Input inputMode="decimal" style={{ width: 160, textAlign: 'right' }} data-testid="outcome-amount" />
            </Form.Item>
            {outcome === 'written_promise' ? (
              <Form.Item name="promisedOn" label={t('run.promisedOn')} required>
                <DatePicker data-testid="outcome-promised-on" />
              </Form.Item>
            ) : (
              <>
                <Form.Item name="method" label={t('run.method')}>
                  <Select
                    style={{ width: 160 }}
                    options={RECEIPT_METHODS.map((m) => ({ value: m, label: tApp(`ar.method.${m}`) }))}
                  />
                </Form.Item>
                <Form.Item name="reference" label={t('run.reference')}>
                  <Input maxLength={60} style={{ width: 140 }} />
                </Form.Item>
              </>
            )}
          </Space>
        )}
        <Form.Item name="note" label={t('runs.note')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function RunPage() {
  const t = useRt();
  const { t: tApp } = useTranslation();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const [lang, setLang] = useState<PrintLang>(currentLang() === 'en' ? 'en' : 'zh-CN');
  const [editing, setEditing] = useState<RunStopOut | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const run = useQuery({ queryKey: [...qkRuns, 'one', id], queryFn: () => call('collections:run', { id }) });
  const sheet = useQuery({
    queryKey: [...qkRuns, 'html', id, lang],
    queryFn: () => call('collections:run-html', { id, lang }),
  });
  const pdf = useMutation({
    mutationFn: () => call('collections:run-pdf', { id, lang }),
    onSuccess: (r) => {
      downloadBase64(r.fileName, r.mime, r.base64);
      void message.success(t('run.saved', { file: r.fileName }));
    },
    onError: (e) => void message.error(errorText(tApp, e)),
  });
  const r = run.data;
  const num = { align: 'right' as const, width: 120 };
  return (
    <div className="page" data-testid="run-page">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('run.title', { date: r?.runDate ?? '' })}
          {r?.regionCode ? ` · ${r.regionName ?? ''} (${r.regionCode})` : ''}
        </Typography.Title>
        <Link to="/collections/runs">{t('run.back')}</Link>
      </Space>
      {run.isError && <Typography.Text type="danger">{errorText(tApp, run.error)}</Typography.Text>}
      <Card size="small" title={t('run.outcomes')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('run.outcomesIntro')}</Typography.Paragraph>
        <Table<RunStopOut>
          size="small"
          rowKey="stopId"
          pagination={false}
          dataSource={r?.stops ?? []}
          loading={run.isFetching}
          data-testid="run-stops"
          columns={[
            { title: t('runs.seq'), dataIndex: 'seq', width: 60, align: 'right' },
            {
              title: t('runs.customer'),
              render: (_, s) => (
                <Link to={`/customers/${s.customerId}`}>
                  {s.customerCode} {s.customerName}
                </Link>
              ),
            },
            { title: t('runs.contact'), render: (_, s) => [s.contactName, s.contactPhone].filter(Boolean).join(' ') },
            { title: t('runs.balance'), dataIndex: 'balance', ...num, render: (v: number) => money(v) },
            { title: t('runs.overdue'), dataIndex: 'overdue', ...num, render: (v: number) => (v ? money(v) : '') },
            {
              title: t('run.outcome'),
              width: 200,
              render: (_, s) =>
                s.outcome ? (
                  <Tag color="green" data-testid={`stop-outcome-${s.seq}`}>
                    {t(`run.outcomeKinds.${s.outcome}`)}
                  </Tag>
                ) : (
                  <Button size="small" onClick={() => setEditing(s)} data-testid={`stop-record-${s.seq}`}>
                    {t('run.save')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('run.sheet')}
        extra={
          <Space>
            <Segmented<PrintLang>
              value={lang}
              onChange={setLang}
              options={(['zh-CN', 'en'] as const).map((l) => ({ value: l, label: t(`run.lang.${l}`) }))}
            />
            <Button
              icon={<PrinterOutlined />}
              disabled={!sheet.data}
              onClick={() => frame.current?.contentWindow?.print()}
            >
              {t('run.print')}
            </Button>
            <Button onClick={() => pdf.mutate()} loading={pdf.isPending} data-testid="run-pdf">
              {t('run.pdf')}
            </Button>
          </Space>
        }
      >
        <iframe
          ref={frame}
          title={t('run.sheet')}
          data-testid="run-sheet"
          srcDoc={sheet.data?.html ?? ''}
          sandbox="allow-same-origin allow-modals"
          onLoad={(ev) => {
            const doc = (ev.target as HTMLIFrameElement).contentDocument;
            const h = doc?.documentElement?.scrollHeight ?? 0;
            if (h > 0) (ev.target as HTMLIFrameElement).style.height = `${h + 4}px`;
          }}
          style={{ width: '100%', height: '70vh', border: '1px solid #d9d9d9', background: '#e9ecef' }}
        />
      </Card>
      <OutcomeModal
        stop={editing}
        runDate={r?.runDate ?? dayjs().format('YYYY-MM-DD')}
        onClose={() => setEditing(null)}
      />
    </div>
  );
}
