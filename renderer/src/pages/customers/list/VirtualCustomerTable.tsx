// The customer list: a virtualised grid over `total` rows that fetches pages as they scroll
// into view. Scrolls 100,000 customers smoothly (only the visible rows exist in the DOM).
import { CaretDownOutlined, CaretUpOutlined } from '@ant-design/icons';
import { Alert, Empty, Spin } from 'antd';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CustomerListRow, Region } from '@shared/types';
import { errorText } from '../../../format/errors';
import { groupDigits } from '../../../format/digits';
import { money } from '../../../format/money';
import { useLang } from '../../../hooks/useLang';
import type { CustomerFilter, CustomerSortKey, SortState } from './types';
import { PAGE_SIZE, useCustomerPages } from './useCustomerPages';
import { RowTagStyles, rowConfidentiality, rowLifecycleTag, rowTierTag, useRowTagClass } from './RowTags';
import { useOverscanAfterFirstRows } from './virtual-no-forced-layout';
import { useFixedRowWindow } from './fixed-row-window';
import { cachedT } from './cached-t';

const ROW_HEIGHT = 36;
const HEAD_HEIGHT = 38;
// Column widths per language (Chinese labels are narrower); each set sums to about MIN_WIDTH.
const MIN_WIDTH = 1256;
const WIDTHS: Record<'zh-CN' | 'en', Record<string, string>> = {
  'zh-CN': {
    code: '104px',
    name: 'minmax(180px, 1fr)',
    kind: '64px',
    nature: '100px',
    lifecycle: '96px',
    region: '108px',
    routeSeq: '72px',
    valueTier: '56px',
    creditRating: '60px',
    creditClass: '76px',
    confidentiality: '76px',
    phone: '128px',
    creditLimit: '136px',
  },
  en: {
    code: '96px',
    name: 'minmax(150px, 1fr)',
    kind: '76px',
    nature: '112px',
    lifecycle: '104px',
    region: '88px',
    routeSeq: '72px',
    valueTier: '52px',
    creditRating: '76px',
    creditClass: '64px',
    confidentiality: '104px',
    phone: '120px',
    creditLimit: '136px',
  },
};

// The credit limit (and the rating and class beside it) stay in view: below 1600 px (a 1440×900
// screen) route order and kind step aside; below 1400 px (a 1280×720 laptop) nature too.
const NARROW_BELOW = 1400;
const NARROW_HIDDEN = new Set(['routeSeq', 'kind', 'nature']);
const NARROW_MIN_WIDTH = 980;
const MEDIUM_BELOW = 1600;
const MEDIUM_HIDDEN = new Set(['routeSeq', 'kind']);
const MEDIUM_MIN_WIDTH = 1120;

type Layout = 'wide' | 'medium' | 'narrow';
const layoutOf = (w: number): Layout => (w < NARROW_BELOW ? 'narrow' : w < MEDIUM_BELOW ? 'medium' : 'wide');

function useLayout(): Layout {
  const [layout, setLayout] = useState<Layout>(() =>
    typeof window !== 'undefined' ? layoutOf(window.innerWidth) : 'wide',
  );
  useEffect(() => {
    const on = () => setLayout(layoutOf(window.innerWidth));
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return layout;
}

interface Column {
  key: string;
  sort?: CustomerSortKey;
  num?: boolean;
  render: (r: CustomerListRow) => ReactNode;
  title?: (r: CustomerListRow) => string | undefined;
}

export function VirtualCustomerTable({
  filter,
  sort,
  onSort,
  regions,
}: {
  filter: CustomerFilter;
  sort: SortState;
  onSort: (s: SortState) => void;
  regions: Region[];
}) {
  const { t } = useTranslation();
  const [lang] = useLang();
  const navigate = useNavigate();
  const scrollRef = useRef<HTMLDivElement>(null);
  const scrolled = useRef(false); // the box has scrolled at least once (else it is at the top)
  const [range, setRange] = useState({ first: 0, last: PAGE_SIZE - 1 });
  const { total, rowAt, isLoading, isStale, error } = useCustomerPages(filter, sort, range);
  const regionName = useMemo(() => new Map(regions.map((r) => [r.code, r.name])), [regions]);

  const rows = useFixedRowWindow({
    count: total,
    rowHeight: ROW_HEIGHT,
    overscan: useOverscanAfterFirstRows(total > 0),
    scrollRef,
  });
  const items = Array.from({ length: Math.max(rows.last - rows.first + 1, 0) }, (_, i) => rows.first + i);
  const firstIndex = items[0] ?? 0;
  const lastIndex = items[items.length - 1] ?? 0;

  // Track the visible window at page granularity, so state changes only when a page boundary passes.
  useEffect(() => {
    const first = Math.floor(firstIndex / PAGE_SIZE) * PAGE_SIZE;
    const last = (Math.floor(lastIndex / PAGE_SIZE) + 1) * PAGE_SIZE - 1;
    setRange((r) => (r.first === first && r.last === last ? r : { first, last }));
  }, [firstIndex, lastIndex]);

  // A new filter or sort starts at the top.
  const filterKey = JSON.stringify([filter, sort]);
  useEffect(() => {
    if (scrolled.current) scrollRef.current?.scrollTo({ top: 0 });
  }, [filterKey]);

  const tag = useRowTagClass();
  const label = useMemo(() => cachedT(t), [t]); // the rows' labels, each translated once
  const layout = useLayout();
  const narrow = layout === 'narrow';
  const allColumns = useMemo<Column[]>(
    () => [
      { key: 'code', sort: 'code', render: (r) => <span className="code">{r.code}</span> },
      { key: 'name', sort: 'name', render: (r) => r.name, title: (r) => r.name },
      { key: 'kind', render: (r) => label(`enums.kindShort.${r.kind}`) },
      {
        key: 'nature',
        render: (r) => label(`enums.natureShort.${r.nature}`),
        title: (r) => label(`enums.nature.${r.nature}`),
      },
      { key: 'lifecycle', sort: 'lifecycle', render: (r) => rowLifecycleTag(tag, label, r.lifecycle) },
      {
        key: 'region',
        sort: 'region',
        render: (r) => (r.regionCode ? `${regionName.get(r.regionCode) ?? r.regionCode}` : '—'),
        title: (r) => (r.regionCode ? `${r.regionCode} ${regionName.get(r.regionCode) ?? ''}` : undefined),
      },
      { key: 'routeSeq', num: true, render: (r) => r.routeSeq ?? '—' },
      { key: 'valueTier', sort: 'valueTier', render: (r) => rowTierTag(tag, r.valueTier) },
      { key: 'creditRating', sort: 'creditRating', render: (r) => r.creditRating ?? '—' },
      { key: 'creditClass', sort: 'creditClass', render: (r) => r.creditClass ?? '—' },
      { key: 'confidentiality', render: (r) => rowConfidentiality(tag, label, r.confidentiality) },
      { key: 'phone', render: (r) => <span className="code">{r.phone ?? '—'}</span> },
      { key: 'creditLimit', sort: 'creditLimit', num: true, render: (r) => money(r.creditLimit) },
    ],
    [label, regionName, tag],
  );
  const columns = useMemo(
    () =>
      layout === 'wide'
        ? allColumns
        : allColumns.filter((c) => !(layout === 'narrow' ? NARROW_HIDDEN : MEDIUM_HIDDEN).has(c.key)),
    [allColumns, layout],
  );
  const grid = columns.map((c) => (narrow && c.key === 'name' ? 'minmax(130px, 1fr)' : WIDTHS[lang][c.key])).join(' ');
  const minWidth = narrow ? NARROW_MIN_WIDTH : layout === 'medium' ? MEDIUM_MIN_WIDTH : MIN_WIDTH;
  const open = useCallback((id: number) => navigate(`/customers/${id}`), [navigate]);

  const clickSort = (key: CustomerSortKey) => {
    if (sort.sort !== key) onSort({ sort: key, order: 'asc' });
    else onSort({ sort: key, order: sort.order === 'asc' ? 'desc' : 'asc' });
  };

  return (
    <div className="vt" data-testid="customer-table" data-total={total} aria-busy={isLoading || isStale}>
      <RowTagStyles tag={tag} />
      {error && <Alert type="error" banner title={errorText(t, error)} />}
      <div className="vt-scroll" ref={scrollRef} onScroll={() => (scrolled.current = true)}>
        <div style={{ minWidth, height: rows.totalSize + HEAD_HEIGHT, position: 'relative' }}>
          <div className="vt-row vt-head" style={{ gridTemplateColumns: grid, height: HEAD_HEIGHT }} role="row">
            {columns.map((c) => (
              <div key={c.key} className={`vt-cell${c.num ? ' num' : ''}`} role="columnheader">
                {c.sort ? (
                  <span
                    className={`vt-sort${c.num ? ' num' : ''}`}
                    onClick={() => clickSort(c.sort!)}
                    data-testid={`sort-${c.sort}`}
                    aria-sort={sort.sort === c.sort ? (sort.order === 'asc' ? 'ascending' : 'descending') : 'none'}
                  >
                    {t(`customers.col.${c.key}`)}
                    <SortMark active={sort.sort === c.sort} order={sort.order} />
                  </span>
                ) : (
                  t(`customers.col.${c.key}`)
                )}
              </div>
            ))}
          </div>
          {items.map((index) => {
            const row = rowAt(index);
            const top = HEAD_HEIGHT + index * ROW_HEIGHT;
            const style = { gridTemplateColumns: grid, height: ROW_HEIGHT, top, width: '100%' };
            if (!row) {
              return (
                <div key={index} className="vt-row vt-body-row vt-placeholder" style={style}>
                  <div className="vt-cell">{t('customers.loadingRow')}</div>
                </div>
              );
            }
            return <BodyRow key={index} row={row} top={top} grid={grid} columns={columns} onOpen={open} />;
          })}
        </div>
        {!isLoading && total === 0 && (
          <div style={{ position: 'absolute', top: HEAD_HEIGHT + 40, left: 0, right: 0 }}>
            <Empty description={t('customers.empty')} />
          </div>
        )}
        {isLoading && (
          <div style={{ position: 'absolute', top: HEAD_HEIGHT + 40, left: 0, right: 0, textAlign: 'center' }}>
            <Spin />
          </div>
        )}
      </div>
      <div className="vt-footer">
        {/* grouped by hand: the first Number.toLocaleString sets up ICU's number formatting, tens
            of ms of the first screen's script */}
        <span data-testid="customer-total">{t('common.total', { n: groupDigits(String(total)) })}</span>
        {/* a new order or filter over a big book can take a moment: the old rows stay, marked */}
        {isStale && <Spin size="small" style={{ marginLeft: 8 }} data-testid="customer-list-updating" />}
      </div>
    </div>
  );
}

function SortMark({ active, order }: { active: boolean; order: 'asc' | 'desc' }) {
  if (!active) return <CaretUpOutlined style={{ fontSize: 10, color: '#c3cad6' }} />;
  return order === 'asc' ? (
    <CaretUpOutlined style={{ fontSize: 10, color: '#1f5fbf' }} />
  ) : (
    <CaretDownOutlined style={{ fontSize: 10, color: '#1f5fbf' }} />
  );
}

/** One customer row; memoised so scrolling re-renders only rows that enter the window. */
const BodyRow = memo(function BodyRow({
  row,
  top,
  grid,
  columns,
  onOpen,
}: {
  row: CustomerListRow;
  top: number;
  grid: string;
  columns: Column[];
  onOpen: (id: number) => void;
}) {
  return (
    <div
      className="vt-row vt-body-row"
      style={{ gridTemplateColumns: grid, height: ROW_HEIGHT, top, width: '100%' }}
      role="row"
      tabIndex={0}
      data-testid="customer-row"
      data-code={row.code}
      onClick={() => onOpen(row.id)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onOpen(row.id);
      }}
    >
      {columns.map((c) => (
        <div key={c.key} className={`vt-cell${c.num ? ' num' : ''}`} title={c.title?.(row)}>
          {c.render(row)}
        </div>
      ))}
    </div>
  );
});
