// The customer card's complaint tab (投诉记录卡): this customer's complaints, and a button that
// records a new one for the customer.
import { useQuery } from '@tanstack/react-query';
import { Button, Space } from 'antd';
import { useState } from 'react';
import { call } from '../../api/client';
import { ComplaintDrawer } from './ComplaintDrawer';
import { ComplaintTable } from './ComplaintTable';
import { complaintKeys, useCT } from './common';

export function CustomerComplaintsTab({
  customer,
}: {
  customer: { id: number; code: string; name: string; confidentiality: string };
}) {
  const t = useCT();
  const [page, setPage] = useState({ page: 1, size: 20 });
  const [drawer, setDrawer] = useState<{ open: boolean; id: number | null }>({ open: false, id: null });
  const list = useQuery({
    queryKey: [...complaintKeys.all, 'customer', customer.id, page],
    queryFn: () =>
      call('complaints:list', {
        filter: { customerId: customer.id },
        offset: (page.page - 1) * page.size,
        limit: page.size,
      }),
  });
  return (
    <div data-testid="customer-complaints">
      <Space style={{ marginBottom: 8 }}>
        <Button type="primary" data-testid="customer-complaint-new" onClick={() => setDrawer({ open: true, id: null })}>
          {t('tab.new')}
        </Button>
      </Space>
      <ComplaintTable
        rows={list.data?.rows ?? []}
        total={list.data?.total ?? 0}
        loading={list.isFetching}
        page={page.page}
        pageSize={page.size}
        onPage={(p, size) => setPage({ page: p, size })}
        onOpen={(r) => setDrawer({ open: true, id: r.id })}
        showCustomer={false}
        testId="customer-complaints-table"
      />
      <ComplaintDrawer
        open={drawer.open}
        id={drawer.id}
        customer={customer}
        onClose={() => setDrawer({ open: false, id: null })}
      />
    </div>
  );
}
