// Route #/visits — 客户拜访计划: plan a month's visits from the tier × role frequencies and the
// prospect grades, see them with their status (planned / done / missed as of today), mark them
// done, and edit the frequencies. The same visits show on the collection calendar.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { VISIT_STATUS_LABELS } from '@shared/labels/visits';
import { VISIT_ROLES, type VisitRole, type VisitStatus } from '@shared/types-visits';
import { call } from '../../api/client';
import { errorText } from '../../format/errors';
import { currentLang } from '../../i18n';
import { useToday } from '../collections/common';
import { qkVisits, roleLabel, useVt, visitsErrorText, VisitsTable } from './common';
import { VisitPlanSettings } from './VisitPlanSettings';

export function VisitPlanPage() {
  const t = useVt();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const today = useToday();
  const [month, setMonth] = useState(today.slice(0, 7));
  const [status, setStatus] = useState<VisitStatus[]>([]);
  const [role, setRole] = useState<VisitRole[]>([]);
  const from = `${month}-01`;
  const to = dayjs(from).endOf('month').format('YYYY-MM-DD');
  const list = useQuery({
    queryKey: [...qkVisits, 'list', from, to, status, role, today],
    queryFn: () =>
      call('visits:list', {
        from,
        to,
        asOf: today,
        ...(status.length ? { status } : {}),
        ...(role.length ? { role } : {}),
        limit: 5000,
      }),
  });
  const settings = useQuery({ queryKey: [...qkVisits, 'settings'], queryFn: () => call('visits:plan-settings', {}) });
  const lastRun = useQuery({
    queryKey: [...qkVisits, 'latest-run', month],
    queryFn: () => call('visits:latest-run', { month }),
  });
  const generate = useMutation({
    mutationFn: () => call('visits:generate', { month }),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: qkVisits });
      void message.success(t('generated', { ...r }));
    },
    onError: (e) => void message.error(visitsErrorText(t, e, errorText(t, e))),
  });
  const c = list.data?.counts;
  const run = lastRun.data;
  return (
    <div className="page" data-testid="visit-plan-page">
      <div className="page-title-row">
        <h1>{t('title')}</h1>
      </div>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 900 }}>
        {t('intro')}
      </Typography.Paragraph>
      <Space wrap size={[12, 8]} style={{ marginBottom: 12 }}>
        <span>{t('month')}</span>
        <DatePicker
          picker="month"
          allowClear={false}
          value={dayjs(from)}
          onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
          data-testid="visit-month"
        />
        <Button
          type="primary"
          loading={generate.isPending}
          onClick={() => generate.mutate()}
          data-testid="visit-generate"
        >
          {month === today.slice(0, 7) ? t('generate') : t('generateMonth', { month })}
        </Button>
        <Typography.Text type="secondary" data-testid="visit-last-run">
          {run
            ? t('lastRun', {
                month: run.month,
                at: run.runAt.slice(0, 16).replace('T', ' '),
                who: run.operatorName ?? '—',
              })
            : t('neverRun')}
        </Typography.Text>
      </Space>
      <Space wrap size={[12, 8]} style={{ marginBottom: 8, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap size={[8, 8]}>
          <Select<VisitStatus[]>
            mode="multiple"
            allowClear
            placeholder={t('filterStatus')}
            style={{ minWidth: 160 }}
            value={status}
            onChange={setStatus}
            options={(['planned', 'done', 'missed'] as const).map((s) => ({
              value: s,
              label: VISIT_STATUS_LABELS[currentLang()][s],
            }))}
            data-testid="visit-filter-status"
          />
          <Select<VisitRole[]>
            mode="multiple"
            allowClear
            placeholder={t('filterRole')}
            style={{ minWidth: 180 }}
            value={role}
            onChange={setRole}
            options={VISIT_ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
          />
        </Space>
        {c && (
          <Typography.Text data-testid="visit-counts">
            {t('asOf', { date: today })}
            {t('counts', c)}
          </Typography.Text>
        )}
      </Space>
      {list.isError && <Alert type="error" showIcon title={errorText(t, list.error)} />}
      <VisitsTable rows={list.data?.rows ?? []} loading={list.isPending} />
      <div style={{ marginTop: 16 }}>{settings.data && <VisitPlanSettings settings={settings.data} />}</div>
    </div>
  );
}

export default VisitPlanPage;
