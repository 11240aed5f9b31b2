// 对账回执: statements sent and not yet returned, open disagreements (resolve), and recording a
// returned slip (agrees / disagrees by a stated difference, note, received date, scanned file).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Radio, Space, Table, Typography, Upload } from 'antd';
import { DatePicker } from '../../components/TypedDatePicker';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { call } from '../../api/client';
import { readAsBase64 } from '../../format/files';
import { money, parseMoneyText } from '../../format/money';
import type { ConfirmationRow, StatementSentRow } from '@shared/types-statements';
import { useT } from './common';
import './i18n';
import i18n from '../../i18n';
import { errorText } from '../../format/errors';

/** A problem already shown under its field. */
class FieldProblem extends Error {}

export const qkStatements = ['statements'] as const;

export function RecordSlipModal({
  sent,
  customerId,
  open,
  onClose,
}: {
  sent?: StatementSentRow | null;
  customerId?: number;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [result, setResult] = useState<'agrees' | 'disagrees'>('agrees');
  const [diff, setDiff] = useState('');
  const [note, setNote] = useState('');
  const [received, setReceived] = useState<Dayjs | null>(dayjs());
  const [file, setFile] = useState<File | null>(null);
  // field errors under the inputs (a bad amount is not a toast naming a label)
  const [diffError, setDiffError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: async () => {
      const d = parseMoneyText(diff);
      if (result === 'disagrees' && !d.ok) {
        const msg = i18n.t(`validation.${d.key}`);
        setDiffError(msg);
        throw new FieldProblem(msg);
      }
      if (!received) throw new FieldProblem(i18n.t('validation.required'));
      const fen = d.ok ? d.fen : null;
      return call('statements:confirm', {
        statementId: sent?.id,
        customerId: sent ? undefined : customerId,
        result,
        statedDifference: result === 'disagrees' ? fen : null,
        note: note || null,
        receivedOn: received.format('YYYY-MM-DD'),
        scan: file
          ? { fileName: file.name, mime: file.type || 'application/pdf', base64: await readAsBase64(file) }
          : null,
      });
    },
    onSuccess: () => {
      void message.success(t('conf.recorded'));
      void qc.invalidateQueries({ queryKey: qkStatements });
      onClose();
    },
    onError: (e) => {
      if (!(e instanceof FieldProblem)) void message.error(errorText(i18n.t, e));
    },
  });
  return (
    <Modal
      open={open}
      title={t('conf.record')}
      onCancel={onClose}
      onOk={() => save.mutate()}
      okText={t('conf.save')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {sent && (
        <Typography.Paragraph>
          {sent.customerCode} {sent.customerName} · {sent.to} · {money(sent.closing)}
        </Typography.Paragraph>
      )}
      <Form layout="vertical">
        <Form.Item label={t('conf.result')}>
          <Radio.Group value={result} onChange={(e) => setResult(e.target.value)}>
            <Radio value="agrees">{t('conf.agrees')}</Radio>
            <Radio value="disagrees">{t('conf.disagrees')}</Radio>
          </Radio.Group>
        </Form.Item>
        {result === 'disagrees' && (
          <Form.Item
            label={t('conf.difference')}
            validateStatus={diffError ? 'error' : undefined}
            help={diffError ?? undefined}
          >
            <Input
              value={diff}
              data-testid="conf-difference"
              onChange={(e) => {
                setDiff(e.target.value);
                setDiffError(null);
              }}
              placeholder="-123.45"
            />
          </Form.Item>
        )}
        <Form.Item label={t('conf.note')}>
          <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item
          label={t('conf.receivedOn')}
          validateStatus={received ? undefined : 'error'}
          help={received ? undefined : i18n.t('validation.required')}
        >
          <DatePicker value={received} onChange={setReceived} allowClear={false} />
        </Form.Item>
        <Form.Item label={t('conf.scan')}>
          <Upload
            accept="image/*,application/pdf"
            maxCount={1}
            beforeUpload={(f) => (setFile(f), false)}
            onRemove={() => setFile(null)}
          >
            <Button>{t('conf.scanPick')}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ConfirmationsPage() {
  const t = useT();
  const qc = useQueryClient();
  const outstanding = useQuery({
    queryKey: [...qkStatements, 'outstanding'],
    queryFn: () => call('statements:outstanding', {}),
  });
  const disagreements = useQuery({
    queryKey: [...qkStatements, 'disagreements'],
    queryFn: () => call('statements:confirmations', { openDisagreements: true }),
  });
  const [slipFor, setSlipFor] = useState<StatementSentRow | null>(null);
  const [resolving, setResolving] = useState<ConfirmationRow | null>(null);
  const [resolution, setResolution] = useState('');
  const resolve = useMutation({
    mutationFn: () => call('statements:resolve', { id: resolving!.id, resolution }),
    onSuccess: () => {
      setResolving(null);
      setResolution('');
      void qc.invalidateQueries({ queryKey: qkStatements });
    },
  });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('conf.title')}
      </Typography.Title>
      <Card size="small" title={t('conf.outstanding')}>
        <Table<StatementSentRow>
          size="small"
          rowKey="id"
          loading={outstanding.isPending}
          dataSource={outstanding.data ?? []}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: t('customer'), render: (_v, r) => `${r.customerCode} ${r.customerName}` },
            { title: t('period'), render: (_v, r) => `${r.from} ~ ${r.to}` },
            { title: t('closing'), dataIndex: 'closing', align: 'right', render: (v: number) => money(v) },
            {
              title: t('conf.sentAt'),
              dataIndex: 'sentAt',
              render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
            },
            { title: t('conf.daysOut'), dataIndex: 'daysOut', align: 'right' },
            {
              title: '',
              render: (_v, r) => (
                <Button size="small" onClick={() => setSlipFor(r)}>
                  {t('conf.record')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('conf.disagreements')}>
        <Table<ConfirmationRow>
          size="small"
          rowKey="id"
          loading={disagreements.isPending}
          dataSource={disagreements.data ?? []}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: t('customer'), render: (_v, r) => `${r.customerCode} ${r.customerName}` },
            { title: t('to'), dataIndex: 'periodTo' },
            {
              title: t('closing'),
              dataIndex: 'closing',
              align: 'right',
              render: (v: number | null) => (v === null ? '—' : money(v)),
            },
            {
              title: t('conf.difference'),
              dataIndex: 'statedDifference',
              align: 'right',
              render: (v: number | null) => (v === null ? '—' : money(v)),
            },
            { title: t('conf.note'), dataIndex: 'note' },
            { title: t('conf.receivedOn'), dataIndex: 'receivedOn' },
            {
              title: '',
              render: (_v, r) => (
                <Button size="small" onClick={() => setResolving(r)}>
                  {t('conf.resolve')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <RecordSlipModal open={!!slipFor} sent={slipFor} onClose={() => setSlipFor(null)} />
      <Modal
        open={!!resolving}
        title={t('conf.resolution')}
        onCancel={() => setResolving(null)}
        onOk={() => resolve.mutate()}
        okButtonProps={{ disabled: !resolution.trim() }}
        confirmLoading={resolve.isPending}
      >
        <Input.TextArea value={resolution} onChange={(e) => setResolution(e.target.value)} rows={3} maxLength={1000} />
      </Modal>
    </Space>
  );
}
