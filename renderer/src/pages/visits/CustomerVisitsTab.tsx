// The customer card's visits tab (拜访): the customer's prospect grade with its readiness,
// expected purchase and visit frequency, or its value tier's visit plan by role; its visits of the
// last three months and the next two with status; mark done; add a visit by hand.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Descriptions, Form, Input, Modal, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { frequencyText, PROSPECT_GRADE_LABELS } from '@shared/labels/visits';
import type { TierKey } from '@shared/types-analysis';
import type { Customer } from '@shared/types';
import { VISIT_ROLES, type ProspectGradeKey, type VisitRole } from '@shared/types-visits';
import { call } from '../../api/client';
import { errorText } from '../../format/errors';
import { currentLang } from '../../i18n';
import { useToday } from '../collections/common';
import { qkVisits, roleLabel, useVt, visitsErrorText, VisitsTable } from './common';
import './i18n';

export function CustomerVisitsTab({ customer: c }: { customer: Customer }) {
  const t = useVt();
  const lang = currentLang();
  const today = useToday();
  const [adding, setAdding] = useState(false);
  const from = dayjs(today).subtract(3, 'month').startOf('month').format('YYYY-MM-DD');
  const to = dayjs(today).add(2, 'month').endOf('month').format('YYYY-MM-DD');
  const settings = useQuery({ queryKey: [...qkVisits, 'settings'], queryFn: () => call('visits:plan-settings', {}) });
  const list = useQuery({
    queryKey: [...qkVisits, 'customer', c.id, from, to, today],
    queryFn: () => call('visits:list', { from, to, asOf: today, customerId: c.id, limit: 5000 }),
  });
  const s = settings.data;
  const grade = c.lifecycle === 'prospect' ? (c.prospectGrade as ProspectGradeKey | null) : null;
  const tier = c.lifecycle !== 'prospect' ? (c.valueTier as TierKey | null) : null;
  return (
    <div data-testid="customer-visits">
      {s && grade && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="prospect-visit-plan"
          title={t('card.prospect', {
            grade,
            readiness: PROSPECT_GRADE_LABELS[lang][grade].readiness,
            purchase: PROSPECT_GRADE_LABELS[lang][grade].purchase,
            frequency: frequencyText(s.prospects[grade], lang),
          })}
        />
      )}
      {s && tier && (
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 3, xl: 5 }}
          title={t('card.tierPlan', { tier })}
          style={{ marginBottom: 12 }}
          items={VISIT_ROLES.map((r) => ({
            key: r,
            label: roleLabel(r),
            children: frequencyText(s.tiers[tier][r], lang),
          }))}
        />
      )}
      {s && !grade && !tier && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('card.noPlan')} />}
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Text type="secondary">
          {t('card.range', { from, to })}
          {list.data && t('counts', list.data.counts)}
        </Typography.Text>
        {!c.readOnly && (
          <Button onClick={() => setAdding(true)} data-testid="visit-add">
            {t('card.add')}
          </Button>
        )}
      </Space>
      <VisitsTable rows={list.data?.rows ?? []} showCustomer={false} readOnly={c.readOnly} loading={list.isPending} />
      {adding && <AddVisitModal customerId={c.id} onClose={() => setAdding(false)} />}
    </div>
  );
}

function AddVisitModal({ customerId, onClose }: { customerId: number; onClose: () => void }) {
  const t = useVt();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const today = useToday();
  const [plannedOn, setPlannedOn] = useState(today);
  const [role, setRole] = useState<VisitRole>('rep');
  const [note, setNote] = useState('');
  const [err, setErr] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => call('visits:add', { customerId, role, plannedOn, note: note || null }),
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
      title={t('card.addTitle')}
      okText={t('save')}
      cancelText={t('cancel')}
      onOk={() => save.mutate()}
      confirmLoading={save.isPending}
      onCancel={onClose}
    >
      <Form layout="vertical">
        <Form.Item label={t('card.plannedOn')} validateStatus={err ? 'error' : undefined} help={err}>
          <DatePicker
            allowClear={false}
            value={dayjs(plannedOn)}
            onChange={(d) => d && setPlannedOn(d.format('YYYY-MM-DD'))}
          />
        </Form.Item>
        <Form.Item label={t('card.role')}>
          <Select<VisitRole>
            value={role}
            onChange={setRole}
            style={{ width: 200 }}
            options={VISIT_ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
          />
        </Form.Item>
        <Form.Item label={t('note')}>
          <Input.TextArea value={note} maxLength={500} rows={2} onChange={(e) => setNote(e.target.value)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
