// Search box (debounced by the page) + multi-select filters + "show terminated".
import { SearchOutlined } from '@ant-design/icons';
import { Input, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  CONFIDENTIALITY,
  LIFECYCLES,
  NATURES,
  type Confidentiality,
  type Lifecycle,
  type Nature,
} from '@shared/customer-fields';
import type { Region } from '@shared/types';
import '../../analysis/i18n';
import '../../credit/i18n';
import { FilterSelect } from './FilterSelect';

/** The credit grades best first (SPEC §4), for the rating filter. */
const GRADES = ['AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'CCC', 'CC', 'C', 'D'];
import '../../visits/i18n';

export interface FilterState {
  query: string;
  nature: Nature[];
  lifecycle: Lifecycle[];
  region: string[];
  confidentiality: Confidentiality[];
  includeTerminated: boolean;
  /** value tier A/B/C or 'none' (not computed) */
  valueTier: ('A' | 'B' | 'C' | 'none')[];
  /** credit rating AAA…D or 'none'; also set from the analysis page's tier × rating matrix */
  creditRating: string[];
  /** credit report class A/B/C or 'none' (not set) */
  creditClass: ('A' | 'B' | 'C' | 'none')[];
  /** prospect grade A–D or 'none' */
  prospectGrade: ('A' | 'B' | 'C' | 'D' | 'none')[];
}

export const EMPTY_FILTERS: FilterState = {
  query: '',
  nature: [],
  lifecycle: [],
  region: [],
  confidentiality: [],
  includeTerminated: false,
  valueTier: [],
  creditRating: [],
  creditClass: [],
  prospectGrade: [],
};

export function CustomerFilters({
  value,
  onChange,
  regions,
}: {
  value: FilterState;
  onChange: (v: FilterState) => void;
  regions: Region[];
}) {
  const { t } = useTranslation();
  const set = <K extends keyof FilterState>(k: K, v: FilterState[K]) => onChange({ ...value, [k]: v });
  const multi = {
    mode: 'multiple' as const,
    allowClear: true,
    maxTagCount: 'responsive' as const,
    style: { width: 150 },
  };
  return (
    <Space wrap size={[8, 8]}>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('customers.searchPlaceholder')}
        value={value.query}
        onChange={(e) => set('query', e.target.value)}
        style={{ width: 340 }}
        data-testid="customer-search"
        maxLength={100}
      />
      <FilterSelect<Nature[]>
        {...multi}
        placeholder={t('customers.filterNature')}
        value={value.nature}
        onChange={(v) => set('nature', v)}
        options={NATURES.map((n) => ({ value: n, label: t(`enums.nature.${n}`) }))}
        data-testid="filter-nature"
      />
      <FilterSelect<Lifecycle[]>
        {...multi}
        placeholder={t('customers.filterLifecycle')}
        value={value.lifecycle}
        onChange={(v) => set('lifecycle', v)}
        options={LIFECYCLES.map((n) => ({ value: n, label: t(`enums.lifecycle.${n}`) }))}
        data-testid="filter-lifecycle"
      />
      <FilterSelect<string[]>
        {...multi}
        placeholder={t('customers.filterRegion')}
        value={value.region}
        onChange={(v) => set('region', v)}
        optionFilterProp="label"
        options={regions.map((r) => ({ value: r.code, label: `${r.code} ${r.name}` }))}
        data-testid="filter-region"
      />
      <FilterSelect<Confidentiality[]>
        {...multi}
        placeholder={t('customers.filterConfidentiality')}
        value={value.confidentiality}
        onChange={(v) => set('confidentiality', v)}
        options={CONFIDENTIALITY.map((n) => ({ value: n, label: t(`enums.confidentiality.${n}`) }))}
        data-testid="filter-confidentiality"
      />
      <FilterSelect<FilterState['valueTier']>
        {...multi}
        style={{ width: 130 }}
        placeholder={t('customers.filterValueTier', { ns: 'analysis' })}
        value={value.valueTier}
        onChange={(v) => set('valueTier', v)}
        options={(['A', 'B', 'C', 'none'] as const).map((n) => ({
          value: n,
          label: t(`tierOption.${n}`, { ns: 'analysis' }),
        }))}
        data-testid="filter-value-tier"
      />
      <FilterSelect<string[]>
        {...multi}
        style={{ width: 136 }}
        placeholder={t('customers.filterCreditRating')}
        value={value.creditRating}
        onChange={(v) => set('creditRating', v)}
        options={[...GRADES, 'none'].map((n) => ({
          value: n,
          label: n === 'none' ? t('notRated', { ns: 'analysis' }) : n,
        }))}
        data-testid="filter-credit-rating"
      />
      <FilterSelect<FilterState['creditClass']>
        {...multi}
        style={{ width: 136 }}
        placeholder={t('customers.filterCreditClass')}
        value={value.creditClass}
        onChange={(v) => set('creditClass', v)}
        options={(['A', 'B', 'C', 'none'] as const).map((n) => ({
          value: n,
          label: n === 'none' ? t('customers.noCreditClass') : t('customers.creditClassOption', { c: n }),
        }))}
        data-testid="filter-credit-class"
      />
      <FilterSelect<FilterState['prospectGrade']>
        {...multi}
        style={{ width: 164 }}
        placeholder={t('prospectFilter', { ns: 'visits' })}
        value={value.prospectGrade}
        onChange={(v) => set('prospectGrade', v)}
        options={(['A', 'B', 'C', 'D', 'none'] as const).map((n) => ({
          value: n,
          label: t(`prospectOption.${n}`, { ns: 'visits' }),
        }))}
        data-testid="filter-prospect-grade"
      />
      <Space size={6}>
        <Switch
          size="small"
          checked={value.includeTerminated}
          onChange={(v) => set('includeTerminated', v)}
          data-testid="show-terminated"
        />
        <span style={{ whiteSpace: 'nowrap' }}>{t('customers.showTerminated')}</span>
      </Space>
    </Space>
  );
}

/** Filter state → the contract's filter (empty parts left out, so cache keys stay stable). */
export function toContractFilter(f: FilterState, query: string) {
  return {
    ...(query.trim() ? { query: query.trim() } : {}),
    ...(f.nature.length ? { nature: f.nature } : {}),
    ...(f.lifecycle.length ? { lifecycle: f.lifecycle } : {}),
    ...(f.region.length ? { region: f.region } : {}),
    ...(f.confidentiality.length ? { confidentiality: f.confidentiality } : {}),
    ...(f.includeTerminated ? { includeTerminated: true } : {}),
    ...(f.valueTier.length ? { valueTier: f.valueTier } : {}),
    ...(f.creditRating.length ? { creditRating: f.creditRating } : {}),
    ...(f.creditClass.length ? { creditClass: f.creditClass } : {}),
    ...(f.prospectGrade.length ? { prospectGrade: f.prospectGrade } : {}),
  };
}
