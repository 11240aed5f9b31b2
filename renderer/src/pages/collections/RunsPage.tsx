// 上门催收: plan a collection run — pick a date and region, list the customers owing as of that day
// in route order (SPEC §6), tick the ones to visit, make the run sheet — and the list of run
// sheets (open one to print it and record the visits).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Input, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { RunCustomer, RunListRow } from '@shared/types-collection-runs';
import { call } from '../../api/client';
import { errorText } from '../../format/errors';
import { money } from '../../format/money';
import { qkCollections, useToday } from './common';
import { useRt } from './runs-i18n';
import './i18n';

export const qkRuns = [...qkCollections, 'runs'] as const;

export function useRegions() {
  return useQuery({ queryKey: ['regions'], queryFn: () => call('regions:list', {}) });
}

function PlanCard() {
  const t = useRt();
  const { t: tApp } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const today = useToday();
  const regions = useRegions();
  const [date, setDate] = useState<Dayjs | null>(null);
  const [region, setRegion] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [asked, setAsked] = useState<{ asOf: string; regionCode: string | null } | null>(null);
  const [picked, setPicked] = useState<number[]>([]);
  const runDate = (date ?? dayjs(today)).format('YYYY-MM-DD');
  const list = useQuery({
    enabled: !!asked,
    queryKey: [...qkRuns, 'candidates', asked],
    queryFn: async () => {
      const rows = await call('collections:run-candidates', asked!);
      setPicked(rows.map((r) => r.customerId));
      return rows;
    },
  });
  const create = useMutation({
    mutationFn: () =>
      call('collections:run-create', { runDate, regionCode: region, customerIds: picked, note: note || null }),
    onSuccess: (run) => {
      message.success(t('runs.created'));
      void qc.invalidateQueries({ queryKey: qkRuns });
      void navigate(`/collections/runs/${run.id}`);
    },
    onError: (e) => message.error(errorText(tApp, e)),
  });
  const num = { align: 'right' as const, width: 120 };
  return (
    <Card size="small" title={t('runs.plan')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('runs.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        {t('runs.runDate')}
        <DatePicker value={date ?? dayjs(today)} onChange={setDate} allowClear={false} data-testid="run-date" />
        {t('runs.region')}
        <Select
          style={{ width: 180 }}
          value={region ?? ''}
          onChange={(v) => setRegion(v || null)}
          data-testid="run-region"
          options={[
            { value: '', label: t('runs.allRegions') },
            ...(regions.data ?? []).map((r) => ({ value: r.code, label: `${r.name} (${r.code})` })),
          ]}
        />
        <Button onClick={() => setAsked({ asOf: runDate, regionCode: region })} data-testid="run-load">
          {t('runs.load')}
        </Button>
      </Space>
      {asked && (
        <>
          <Table<RunCustomer>
            size="small"
            rowKey="customerId"
            loading={list.isFetching}
            dataSource={list.data ?? []}
            pagination={false}
            scroll={{ y: 360 }}
            data-testid="run-candidates"
            locale={{ emptyText: t('runs.noCandidates') }}
            rowSelection={{ selectedRowKeys: picked, onChange: (keys) => setPicked(keys as number[]) }}
            columns={[
              { title: t('runs.route'), dataIndex: 'routeSeq', width: 70, align: 'right' },
              {
                title: t('runs.customer'),
                render: (_, r) => (
                  <Link to={`/customers/${r.customerId}`}>
                    {r.customerCode} {r.customerName}
                  </Link>
                ),
              },
              { title: t('runs.region'), dataIndex: 'regionCode', width: 80 },
              { title: t('runs.address'), dataIndex: 'address', ellipsis: true },
              { title: t('runs.balance'), dataIndex: 'balance', ...num, render: (v: number) => money(v) },
              { title: t('runs.overdue'), dataIndex: 'overdue', ...num, render: (v: number) => (v ? money(v) : '') },
              {
                title: t('runs.promises'),
                dataIndex: 'openPromiseAmount',
                ...num,
                render: (v: number) => (v ? money(v) : ''),
              },
            ]}
          />
          <Space style={{ marginTop: 12 }} wrap>
            <Input
              style={{ width: 320 }}
              placeholder={t('runs.note')}
              value={note}
              maxLength={300}
              onChange={(e) => setNote(e.target.value)}
            />
            <Button
              type="primary"
              disabled={picked.length === 0}
              loading={create.isPending}
              onClick={() => create.mutate()}
              data-testid="run-create"
            >
              {t('runs.create', { count: picked.length })}
            </Button>
          </Space>
        </>
      )}
    </Card>
  );
}

function RunList() {
  const t = useRt();
  const q = useQuery({ queryKey: [...qkRuns, 'list'], queryFn: () => call('collections:runs', {}) });
  return (
    <Card size="small" title={t('runs.list')}>
      <Table<RunListRow>
        size="small"
        rowKey="id"
        dataSource={q.data ?? []}
        loading={q.isFetching}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('runs.none') }}
        data-testid="run-list"
        columns={[
          { title: t('runs.runDate'), dataIndex: 'runDate', width: 130 },
          {
            title: t('runs.region'),
            render: (_, r) => (r.regionCode ? `${r.regionName ?? ''} (${r.regionCode})` : t('runs.allRegions')),
          },
          { title: t('runs.stops'), dataIndex: 'stops', width: 90, align: 'right' },
          { title: t('runs.recorded'), dataIndex: 'recorded', width: 90, align: 'right' },
          {
            title: '',
            width: 90,
            render: (_, r) => <Link to={`/collections/runs/${r.id}`}>{t('runs.open')}</Link>,
          },
        ]}
      />
    </Card>
  );
}

export function RunsPage() {
  const t = useRt();
  return (
    <div className="page" data-testid="runs-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('runs.title')}
      </Typography.Title>
      <PlanCard />
      <RunList />
    </div>
  );
}
