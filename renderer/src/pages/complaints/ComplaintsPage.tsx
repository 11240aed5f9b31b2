// 客户投诉与索赔: the four principles on screen, the complaint list with filters (status, type,
// responsibility, overdue reply), the record-card drawer, and 留档分析.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Checkbox, Col, Row, Select, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { call } from '../../api/client';
import { COMPLAINT_STATUSES, COMPLAINT_TYPES, RESPONSIBILITIES, type ComplaintFilter } from '@shared/types-complaints';
import { AnalysisPanel } from './AnalysisPanel';
import { ComplaintDrawer } from './ComplaintDrawer';
import { ComplaintTable } from './ComplaintTable';
import { complaintKeys, useCT } from './common';

const PRINCIPLES = ['rules', 'prompt', 'responsibility', 'archive'] as const;

export function Principles() {
  const t = useCT();
  return (
    <Row gutter={[12, 12]} data-testid="complaint-principles">
      {PRINCIPLES.map((p) => (
        <Col key={p} xs={12} xl={6}>
          <Card size="small" className="principle">
            <Typography.Text strong>{t(`principles.${p}.title`)}</Typography.Text>
            <div className="muted" style={{ fontSize: 12, marginTop: 2 }}>
              {t(`principles.${p}.text`)}
            </div>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

export function ComplaintsPage() {
  const t = useCT();
  const [filter, setFilter] = useState<ComplaintFilter>({});
  const [page, setPage] = useState({ page: 1, size: 50 });
  const [drawer, setDrawer] = useState<{ open: boolean; id: number | null }>({ open: false, id: null });
  const list = useQuery({
    queryKey: [...complaintKeys.all, 'list', filter, page],
    queryFn: () => call('complaints:list', { filter, offset: (page.page - 1) * page.size, limit: page.size }),
    placeholderData: keepPreviousData,
  });
  const set = (patch: Partial<ComplaintFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPage((p) => ({ ...p, page: 1 }));
  };
  const opt = (group: string, values: readonly string[]) =>
    values.map((v) => ({ value: v, label: t(`${group}.${v}`) }));
  return (
    <div className="page" data-testid="complaints-page">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Button type="primary" data-testid="complaint-new" onClick={() => setDrawer({ open: true, id: null })}>
          {t('new')}
        </Button>
      </Space>
      <Principles />
      <Tabs
        style={{ marginTop: 8 }}
        items={[
          {
            key: 'list',
            label: t('tabs.list'),
            children: (
              <>
                <Space wrap style={{ marginBottom: 12 }}>
                  <Select
                    mode="multiple"
                    allowClear
                    placeholder={t('filters.status')}
                    style={{ minWidth: 180 }}
                    options={opt('status', COMPLAINT_STATUSES)}
                    onChange={(v) => set({ status: v.length ? v : undefined })}
                    data-testid="filter-status"
                  />
                  <Select
                    mode="multiple"
                    allowClear
                    placeholder={t('filters.type')}
                    style={{ minWidth: 180 }}
                    options={opt('type', COMPLAINT_TYPES)}
                    onChange={(v) => set({ type: v.length ? v : undefined })}
                    data-testid="filter-type"
                  />
                  <Select
                    mode="multiple"
                    allowClear
                    placeholder={t('filters.responsibility')}
                    style={{ minWidth: 180 }}
                    options={opt('responsibility', RESPONSIBILITIES)}
                    onChange={(v) => set({ responsibility: v.length ? v : undefined })}
                    data-testid="filter-responsibility"
                  />
                  <Checkbox
                    data-testid="filter-overdue"
                    onChange={(e) => set({ overdueReply: e.target.checked || undefined })}
                  >
                    {t('filters.overdue')}
                  </Checkbox>
                </Space>
                <ComplaintTable
                  rows={list.data?.rows ?? []}
                  total={list.data?.total ?? 0}
                  loading={list.isFetching}
                  page={page.page}
                  pageSize={page.size}
                  onPage={(p, size) => setPage({ page: p, size })}
                  onOpen={(r) => setDrawer({ open: true, id: r.id })}
                />
              </>
            ),
          },
          { key: 'analysis', label: t('tabs.analysis'), children: <AnalysisPanel /> },
        ]}
      />
      <ComplaintDrawer open={drawer.open} id={drawer.id} onClose={() => setDrawer({ open: false, id: null })} />
    </div>
  );
}
