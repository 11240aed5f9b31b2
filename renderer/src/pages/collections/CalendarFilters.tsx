// Filters of the collection calendar: region, the operator who last worked the customer, value
// tier. Empty means all; main applies them to the calendar query (and the .ics export).
import { useQuery } from '@tanstack/react-query';
import { Select, Space } from 'antd';
import { call } from '../../api/client';
import { useRegions } from './RunsPage';
import { useRt } from './runs-i18n';

export interface CalendarFilterValue {
  regionCode?: string;
  operator?: string;
  tier?: 'A' | 'B' | 'C';
}

export function CalendarFilters({
  value,
  onChange,
}: {
  value: CalendarFilterValue;
  onChange: (v: CalendarFilterValue) => void;
}) {
  const t = useRt();
  const regions = useRegions();
  const operators = useQuery({ queryKey: ['operators'], queryFn: () => call('operators:list', {}) });
  const any = { value: '', label: t('filters.any') };
  const set = (patch: Partial<Record<keyof CalendarFilterValue, string>>) => {
    const next = { ...value, ...patch };
    for (const k of Object.keys(next) as (keyof CalendarFilterValue)[]) if (!next[k]) delete next[k];
    onChange(next as CalendarFilterValue);
  };
  return (
    <Space wrap data-testid="calendar-filters">
      {t('filters.region')}
      <Select
        style={{ width: 150 }}
        value={value.regionCode ?? ''}
        onChange={(v) => set({ regionCode: v })}
        data-testid="calendar-filter-region"
        options={[any, ...(regions.data ?? []).map((r) => ({ value: r.code, label: `${r.name} (${r.code})` }))]}
      />
      {t('filters.operator')}
      <Select
        style={{ width: 140 }}
        value={value.operator ?? ''}
        onChange={(v) => set({ operator: v })}
        data-testid="calendar-filter-operator"
        options={[any, ...(operators.data ?? []).map((o) => ({ value: o.name, label: o.name }))]}
      />
      {t('filters.tier')}
      <Select
        style={{ width: 100 }}
        value={value.tier ?? ''}
        onChange={(v) => set({ tier: v })}
        data-testid="calendar-filter-tier"
        options={[
          any,
          ...(['A', 'B', 'C'] as const).map((x) => ({ value: x, label: t('filters.tierOption', { tier: x }) })),
        ]}
      />
    </Space>
  );
}
