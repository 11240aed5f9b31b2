// The ageing table: one row per customer, virtualised (react-virtual), sticky header, sticky
// code/name columns and a sticky totals row. Click an amount to drill down.
import { CaretDownOutlined, CaretUpOutlined } from '@ant-design/icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Empty } from 'antd';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgeingBucketDef } from '@shared/types-receivables';
import { moneyText } from '../../../format/money';
import { percentText, type AgeingSortKey, type MergedAgeingRow } from '../../../reports/ageing-series';
import { bucketLabel } from '../common';

const ROW = 34;

/** Height the grid needs for `rows` rows (header, total row, a horizontal scrollbar), so a short report does not leave a screen of empty rows. */
export function gridHeightFor(rows: number, showGroups: boolean): number {
  return (showGroups ? 26 : 0) + 38 + Math.max(rows, 3) * ROW + 38 + 18;
}
// Least widths: with the default seven buckets every column fits 1440 px beside the menu
// (1140 px); below 1400 px the compact widths (smaller type, 972 px) fit 1280 px. Wider
// windows share the extra room in proportion, the customer name twice its share (names
// clipped to a few characters were the first thing cut at 1280 px).
const W_NORMAL = { code: 72, name: 112, bucket: 84, unapplied: 88, total: 104, limit: 96, used: 80 };
const W_COMPACT = { code: 64, name: 86, bucket: 71, unapplied: 76, total: 92, limit: 80, used: 76 };
const COMPACT_BELOW = 1400;

function useCompact(): boolean {
  const [compact, setCompact] = useState(() => typeof window !== 'undefined' && window.innerWidth < COMPACT_BELOW);
  useEffect(() => {
    const on = () => setCompact(window.innerWidth < COMPACT_BELOW);
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return compact;
}

export interface GridGroup {
  basis: 'due' | 'issue';
  buckets: AgeingBucketDef[];
  totals: Record<string, number>;
}

interface Col {
  key: AgeingSortKey | 'none';
  title: ReactNode;
  width: number;
  num?: boolean;
  cell: (r: MergedAgeingRow) => ReactNode;
  foot: ReactNode;
  click?: (r: MergedAgeingRow) => void;
  sticky?: number;
  stickyRight?: boolean;
  group?: 'due' | 'issue';
}

export function AgeingGrid({
  rows,
  groups,
  totals,
  sort,
  onSort,
  onDrill,
  showGroups,
}: {
  rows: MergedAgeingRow[];
  groups: GridGroup[];
  totals: { unapplied: number; total: number; creditLimit: number };
  sort: { key: AgeingSortKey; order: 'asc' | 'desc' };
  onSort: (s: { key: AgeingSortKey; order: 'asc' | 'desc' }) => void;
  onDrill: (r: MergedAgeingRow, basis: 'due' | 'issue', bucket: string | null) => void;
  showGroups: boolean;
}) {
  const { t } = useTranslation();
  const scroll = useRef<HTMLDivElement>(null);
  const compact = useCompact();
  const W = compact ? W_COMPACT : W_NORMAL;
  const amt = (fen: number | undefined, cls = '') =>
    !fen ? (
      <span className="ar-zero">—</span>
    ) : (
      <span className={`${fen < 0 ? 'ar-neg' : ''} ${cls}`} title={moneyText(fen)}>
        {moneyText(fen)}
      </span>
    );

  const cols = useMemo<Col[]>(() => {
    const c: Col[] = [
      {
        key: 'code',
        title: t('ar.ageing.code'),
        width: W.code,
        cell: (r) => <span className="code">{r.customerCode}</span>,
        foot: '',
        sticky: 0,
      },
      {
        key: 'name',
        title: t('ar.ageing.name'),
        width: W.name,
        cell: (r) => <span title={r.customerName}>{r.customerName}</span>,
        foot: t('ar.ageing.totals', { n: rows.length, count: rows.length }),
        sticky: W.code,
        click: (r) => onDrill(r, groups[0]?.basis ?? 'due', null),
      },
    ];
    for (const g of groups) {
      for (const b of g.buckets) {
        c.push({
          key: `${g.basis}:${b.key}`,
          title: bucketLabel(t, b),
          width: W.bucket,
          num: true,
          group: g.basis,
          cell: (r) => amt(r[g.basis][b.key]),
          foot: amt(g.totals[b.key]),
          click: (r) => (r[g.basis][b.key] ? onDrill(r, g.basis, b.key) : undefined),
        });
      }
    }
    c.push(
      {
        key: 'unapplied',
        title: t('ar.ageing.unapplied'),
        width: W.unapplied,
        num: true,
        cell: (r) => amt(r.unapplied),
        foot: amt(totals.unapplied),
      },
      {
        key: 'total',
        title: t('ar.ageing.total'),
        width: W.total,
        num: true,
        stickyRight: true,
        cell: (r) => amt(r.total, 'ar-strong'),
        foot: amt(totals.total),
        click: (r) => onDrill(r, groups[0]?.basis ?? 'due', null),
      },
      {
        key: 'creditLimit',
        title: t('ar.ageing.creditLimit'),
        width: W.limit,
        num: true,
        cell: (r) => amt(r.creditLimit),
        foot: amt(totals.creditLimit),
      },
      {
        key: 'limitUsed',
        title: t('ar.ageing.limitUsed'),
        width: W.used,
        num: true,
        cell: (r) => <Used bp={r.limitUsedBp} />,
        foot: totals.creditLimit > 0 ? percentText(Math.round((totals.total * 10_000) / totals.creditLimit)) : '',
      },
    );
    return c;
  }, [groups, onDrill, rows.length, t, totals, compact]);

  const template = cols.map((c) => `minmax(${c.width}px, ${c.key === 'name' ? c.width * 2 : c.width}fr)`).join(' ');
  const width = cols.reduce((s, c) => s + c.width, 0);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroll.current,
    estimateSize: () => ROW,
    overscan: 16,
  });
  const headH = showGroups ? 26 : 0;

  const stickyStyle = (c: Col) =>
    c.sticky !== undefined
      ? { position: 'sticky' as const, left: c.sticky, zIndex: 2, background: 'inherit' }
      : c.stickyRight
        ? { position: 'sticky' as const, right: 0, zIndex: 2, background: 'inherit', boxShadow: '-2px 0 0 #e3e7ee' }
        : undefined;

  return (
    <div className={`ar-grid-wrap${compact ? ' ar-grid-compact' : ''}`} data-testid="ageing-grid">
      <div className="ar-grid-scroll" ref={scroll}>
        <div style={{ width, minWidth: '100%', position: 'relative' }}>
          {showGroups && (
            <div className="ar-grid-row ar-grid-group" style={{ gridTemplateColumns: template, height: headH }}>
              <div
                className="ar-cell"
                style={{ gridColumn: 'span 2', ...stickyStyle(cols[0]), background: '#eef2f8' }}
              />
              {groups.map((g) => (
                <div
                  key={g.basis}
                  className="ar-cell"
                  style={{
                    gridColumn: `span ${g.buckets.length}`,
                    textAlign: 'center',
                    borderLeft: '1px solid #dfe4ec',
                  }}
                >
                  {g.basis === 'due' ? t('ar.ageing.groupDue') : t('ar.ageing.groupIssue')}
                </div>
              ))}
              <div className="ar-cell" style={{ gridColumn: 'span 4' }} />
            </div>
          )}
          <div className="ar-grid-row ar-grid-head" style={{ gridTemplateColumns: template, height: 38, top: headH }}>
            {cols.map((c) => (
              <div
                key={c.key}
                className={`ar-cell${c.num ? ' num' : ''}${c.key !== 'none' ? ' sortable' : ''}${stickyStyle(c) ? ' ar-sticky' : ''}`}
                style={stickyStyle(c)}
                onClick={() =>
                  c.key !== 'none' &&
                  onSort({
                    key: c.key,
                    order:
                      sort.key === c.key && sort.order === 'desc'
                        ? 'asc'
                        : sort.key === c.key
                          ? 'desc'
                          : c.num
                            ? 'desc'
                            : 'asc',
                  })
                }
                title={typeof c.title === 'string' ? c.title : undefined}
              >
                {c.title}
                {sort.key === c.key &&
                  (sort.order === 'asc' ? (
                    <CaretUpOutlined style={{ marginLeft: 2 }} />
                  ) : (
                    <CaretDownOutlined style={{ marginLeft: 2 }} />
                  ))}
              </div>
            ))}
          </div>
          {rows.length === 0 ? (
            <Empty style={{ padding: 48 }} description={t('ar.ageing.empty')} />
          ) : (
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((v) => {
                const r = rows[v.index];
                return (
                  <div
                    key={r.customerId}
                    className="ar-grid-row ar-grid-body"
                    data-testid="ageing-row"
                    data-code={r.customerCode}
                    style={{ gridTemplateColumns: template, height: ROW, top: v.start, width: '100%' }}
                  >
                    {cols.map((c) => (
                      <div
                        key={c.key}
                        className={`ar-cell${c.num ? ' num' : ''}${c.click ? ' clickable' : ''}${stickyStyle(c) ? ' ar-sticky' : ''}`}
                        style={stickyStyle(c)}
                        data-col={c.key}
                        onClick={c.click ? () => c.click!(r) : undefined}
                      >
                        {c.cell(r)}
                      </div>
                    ))}
                  </div>
                );
              })}
            </div>
          )}
          {rows.length > 0 && (
            <div
              className="ar-grid-row ar-grid-foot"
              style={{ gridTemplateColumns: template, height: 38 }}
              data-testid="ageing-total"
            >
              {cols.map((c) => (
                <div
                  key={c.key}
                  className={`ar-cell${c.num ? ' num' : ''}${stickyStyle(c) ? ' ar-sticky' : ''}`}
                  style={stickyStyle(c)}
                  data-col={c.key}
                >
                  {c.foot}
                </div>
              ))}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}

function Used({ bp }: { bp: number | null }) {
  if (bp === null) return <span className="ar-zero">—</span>;
  const color = bp > 10_000 ? '#c41d1d' : bp >= 9_000 ? '#d48806' : '#389e0d';
  return (
    <span style={{ color: bp > 10_000 ? '#c41d1d' : undefined }}>
      {percentText(bp)}
      <span className="ar-used-bar">
        <span style={{ width: `${Math.min(100, Math.max(0, bp / 100))}%`, background: color }} />
      </span>
    </span>
  );
}
