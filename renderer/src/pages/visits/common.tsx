// Pieces shared by the visit plan page and the card's visits tab: the visits table with its
// status tags and the "mark done" dialog.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, Modal, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { VISIT_ROLE_LABELS, VISIT_STATUS_LABELS } from '@shared/labels/visits';
import type { VisitRole, VisitRow, VisitStatus } from '@shared/types-visits';
import { ApiError, call } from '../../api/client';
import { errorText } from '../../format/errors';
import { currentLang } from '../../i18n';
import { useToday } from '../collections/common';
import { VISITS_NS } from './i18n';

export const qkVisits = ['visits'] as const;

export function useVt() {
  return useTranslation(VISITS_NS).t;
}

/** A server message key (visits.error.x, evaluation.error.x) in the page's language. */
export function visitsErrorText(t: (k: string, o?: Record<string, unknown>) => string, e: unknown, fallback: string) {
  if (e instanceof ApiError && /^(visits|evaluation)\./.test(e.message))
    return t(e.message.replace(/^visits\./, ''), { defaultValue: fallback });
  return fallback;
}

export const roleLabel = (r: string) => VISIT_ROLE_LABELS[currentLang()][r as VisitRole] ?? r;

const STATUS_COLOUR: Record<VisitStatus, string> = { planned: 'blue', done: 'green', missed: 'red' };

export function VisitStatusTag({ status }: { status: VisitStatus }) {
  return (
    <Tag color={STATUS_COLOUR[status]} data-testid={`visit-status-${status}`}>
      {VISIT_STATUS_LABELS[currentLang()][status]}
    </Tag>
  );
}

export function VisitsTable({
  rows,
  showCustomer = true,
  readOnly = false,
  loading,
}: {
  rows: VisitRow[];
  showCustomer?: boolean;
  readOnly?: boolean;
  loading?: boolean;
}) {
  const t = useVt();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [marking, setMarking] = useState<VisitRow | null>(null);
  const undo = useMutation({
    mutationFn: (id: number) => call('visits:undo-done', { id }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: qkVisits }),
    onError: (e) => void message.error(errorText(t, e)),
  });
  return (
    <>
      <Table<VisitRow>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        data-testid="visits-table"
        columns={[
          { title: t('col.plannedOn'), dataIndex: 'plannedOn', width: 110, className: 'num-date' },
          ...(showCustomer
            ? [
                {
                  title: t('col.customer'),
                  key: 'customer',
                  width: 190,
                  render: (_: unknown, r: VisitRow) => (
                    <Link to={`/customers/${r.customerId}`}>
                      <span className="code">{r.customerCode}</span> {r.customerName}
                    </Link>
                  ),
                },
              ]
            : []),
          { title: t('col.role'), dataIndex: 'role', width: 100, render: (r: string) => roleLabel(r) },
          {
            title: t('col.basis'),
            key: 'basis',
            width: 120,
            render: (_: unknown, r: VisitRow) => t(`basis.${r.source}`, { v: r.basis ?? '' }),
          },
          {
            title: t('col.status'),
            dataIndex: 'status',
            width: 90,
            render: (s: VisitStatus) => <VisitStatusTag status={s} />,
          },
          { title: t('col.doneOn'), dataIndex: 'doneOn', width: 110, render: (d: string | null) => d ?? '' },
          { title: t('col.visitedBy'), dataIndex: 'visitedBy', width: 100, render: (d: string | null) => d ?? '' },
          {
            title: t('col.note'),
            dataIndex: 'note',
            ellipsis: true,
            render: (d: string | null) => d ?? '',
          },
          ...(readOnly
            ? []
            : [
                {
                  title: t('col.action'),
                  key: 'action',
                  width: 110,
                  render: (_: unknown, r: VisitRow) =>
                    r.status === 'done' ? (
                      <Button size="small" type="link" onClick={() => undo.mutate(r.id)}>
                        {t('undo')}
                      </Button>
                    ) : (
                      <Button size="small" onClick={() => setMarking(r)} data-testid={`mark-done-${r.id}`}>
                        {t('markDone')}
                      </Button>
                    ),
                },
              ]),
        ]}
      />
      {marking && <DoneModal visit={marking} onClose={() => setMarking(null)} />}
    </>
  );
}

function DoneModal({ visit, onClose }: { visit: VisitRow; onClose: () => void }) {
  const t = useVt();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const today = useToday();
  const [doneOn, setDoneOn] = useState(visit.plannedOn < today ? visit.plannedOn : today);
  const [visitedBy, setVisitedBy] = useState('');
  const [note, setNote] = useState(visit.note ?? '');
  const [err, setErr] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () =>
      call('visits:mark-done', { id: visit.id, doneOn, visitedBy: visitedBy || null, note: note || null }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: qkVisits });
      void message.success(t('saved'));
      onClose();
    },
    onError: (e) => setErr(visitsErrorText(t, e, errorText(t, e))),
  });
  return (
    <Modal
      open
      title={`${t('doneTitle')} · ${visit.customerName} · ${roleLabel(visit.role)}`}
      okText={t('save')}
      cancelText={t('cancel')}
      onOk={() => save.mutate()}
      confirmLoading={save.isPending}
      onCancel={onClose}
    >
      <Form layout="vertical">
        <Form.Item label={t('doneOn')} validateStatus={err ? 'error' : undefined} help={err}>
          <DatePicker
            value={dayjs(doneOn)}
            allowClear={false}
            onChange={(d) => d && setDoneOn(d.format('YYYY-MM-DD'))}
            data-testid="visit-done-on"
          />
        </Form.Item>
        <Space style={{ width: '100%' }} direction="vertical">
          <Form.Item label={t('visitedBy')} style={{ marginBottom: 8 }}>
            <Input
              value={visitedBy}
              maxLength={40}
              onChange={(e) => setVisitedBy(e.target.value)}
              data-testid="visit-visited-by"
            />
          </Form.Item>
          <Form.Item label={t('note')}>
            <Input.TextArea value={note} maxLength={500} rows={2} onChange={(e) => setNote(e.target.value)} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
