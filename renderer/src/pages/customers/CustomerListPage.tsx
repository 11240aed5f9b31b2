// 客户档案: search + filters + virtual list of every customer + import/export.
import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useDebounced } from '../../hooks/useDebounced';
import { useRegions } from '../../hooks/queries';
import { CustomerFilters, EMPTY_FILTERS, toContractFilter, type FilterState } from './list/CustomerFilters';
import { ExportButtons } from './list/ExportButtons';
import { ImportButton } from './list/ImportButton';
import type { SortState } from './list/types';
import { VirtualCustomerTable } from './list/VirtualCustomerTable';

// Filters and sort survive a visit to a customer card and back.
let remembered: { filters: FilterState; sort: SortState } = {
  filters: EMPTY_FILTERS,
  sort: { sort: 'code', order: 'asc' },
};

function filtersFromParams(p: URLSearchParams): FilterState | null {
  const tier = p
    .getAll('tier')
    .filter((v): v is FilterState['valueTier'][number] => ['A', 'B', 'C', 'none'].includes(v));
  const rating = p.getAll('rating');
  if (!tier.length && !rating.length) return null;
  return { ...EMPTY_FILTERS, valueTier: tier, creditRating: rating };
}

export function CustomerListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const regions = useRegions();
  const [params] = useSearchParams();
  // The analysis page's tier × rating matrix opens the list as /customers?tier=A&rating=AAA.
  const [filters, setFilters] = useState<FilterState>(() => filtersFromParams(params) ?? remembered.filters);
  const [sort, setSort] = useState<SortState>(remembered.sort);
  const query = useDebounced(filters.query, 150);
  const filter = useMemo(() => toContractFilter(filters, query), [filters, query]);
  remembered = { filters, sort };

  return (
    <div className="page page-fill">
      <div className="page-title-row">
        <h1>{t('customers.title')}</h1>
        <div className="spacer" />
        <ExportButtons filter={filter} />
        <ImportButton />
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => navigate('/customers/new')}
          data-testid="new-customer"
        >
          {t('customers.newCustomer')}
        </Button>
      </div>
      <CustomerFilters value={filters} onChange={setFilters} regions={regions.data ?? []} />
      <VirtualCustomerTable filter={filter} sort={sort} onSort={setSort} regions={regions.data ?? []} />
    </div>
  );
}
