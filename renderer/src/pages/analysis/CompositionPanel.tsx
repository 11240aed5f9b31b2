// Customer composition by nature, region, industry and value tier: a bar chart of the sales
// share and a table of customers and sales per group.
import { Segmented, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { AfterPaint } from '../../components/AfterPaint';
import type { CompositionWindow, TierAnalysis } from '@shared/types-analysis';
import { money } from '../../format/money';
import { useRegions } from '../../hooks/queries';
import { compositionSlices } from '../../reports/pareto-series';
import { ANALYSIS_NS } from './i18n';
import { TIER_COLOURS } from './TierTag';

type Dim = keyof TierAnalysis['composition'];

export function CompositionPanel({
  composition,
  salesWindow,
  tiersAsOf,
}: {
  composition: TierAnalysis['composition'];
  /** the whole months the sales cover (current figures, as of today) */
  salesWindow: CompositionWindow;
  /** when the stored tiers (the "by value tier" grouping) were computed; null: never */
  tiersAsOf: string | null;
}) {
  const { t } = useTranslation(ANALYSIS_NS);
  const { t: tc } = useTranslation();
  const regions = useRegions();
  const [dim, setDim] = useState<Dim>('nature');
  const regionName = useMemo(() => new Map((regions.data ?? []).map((r) => [r.code, r.name])), [regions.data]);
  const label = (key: string | null): string => {
    if (key === '…') return '…';
    if (key === null || key === '') return t('composition.unknown');
    if (dim === 'nature') return tc(`enums.nature.${key}`, { defaultValue: key });
    if (dim === 'region') return regionName.get(key) ?? key;
    if (dim === 'tier') return t(`tierOption.${key}`, { defaultValue: key });
    return key;
  };
  const rows = compositionSlices(composition[dim]).map((r) => ({ ...r, label: label(r.key) }));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="composition">
      <Space wrap>
        <Segmented<Dim>
          value={dim}
          onChange={setDim}
          options={(['nature', 'region', 'industry', 'tier'] as const).map((d) => ({
            value: d,
            label: t(`composition.${d}`),
          }))}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="composition-window">
          {t('composition.window', { from: salesWindow.from, to: salesWindow.to, months: salesWindow.months })}
          {dim === 'tier' &&
            ` · ${tiersAsOf ? t('composition.tiersAsOf', { asOf: tiersAsOf }) : t('composition.tiersNever')}`}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('composition.note')}
        </Typography.Text>
      </Space>
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: 16 }}>
        <div style={{ width: '100%', height: 260 }}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#eef1f5" />
              <XAxis type="number" domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} tick={{ fontSize: 12 }} />
              <YAxis type="category" dataKey="label" width={110} tick={{ fontSize: 12 }} interval={0} />
              <Tooltip formatter={(v) => [`${Number(v).toFixed(1)}%`, t('composition.share')]} />
              <Bar dataKey="salesShare" fill="#1d5fd1" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
        <AfterPaint>
          <Table
            size="small"
            rowKey={(r) => String(r.key)}
            dataSource={rows}
            pagination={false}
            scroll={{ y: 220 }}
            columns={[
              {
                title: t('composition.key'),
                dataIndex: 'label',
                ellipsis: true,
                render: (v: string, r) =>
                  dim === 'tier' && r.key && TIER_COLOURS[r.key] ? (
                    <span style={{ color: TIER_COLOURS[r.key] }}>{v}</span>
                  ) : (
                    v
                  ),
              },
              { title: t('composition.customers'), dataIndex: 'customers', align: 'right', width: 90 },
              {
                title: t('composition.sales'),
                dataIndex: 'sales',
                align: 'right',
                width: 150,
                render: (v: number) => money(v),
              },
              {
                title: t('composition.share'),
                dataIndex: 'salesShare',
                align: 'right',
                width: 90,
                render: (v: number) => `${v.toFixed(1)}%`,
              },
            ]}
          />
        </AfterPaint>
      </div>
    </Space>
  );
}
