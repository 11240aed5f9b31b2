// Route #/receivables — 应收总览: KPI cards, 12-month trend, ageing distribution, top 10 overdue
// customers and the provision lines, for a chosen period.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Segmented, Space, Spin, Table, Tooltip as AntTooltip } from 'antd';
import { DatePicker } from '../../../components/TypedDatePicker';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { niceTicks, trendMonthLabel } from '../../../reports/nice-ticks';
import type { DashboardOut } from '@shared/types-receivables';
import { call } from '../../../api/client';
import { money } from '../../../format/money';
import { useLang } from '../../../hooks/useLang';
import { DEFAULT_BUCKET_COLORS, ageingDistribution, percentText } from '../../../reports/ageing-series';
import {
  axisMoney,
  kpiValues,
  periodRange,
  PERIOD_PRESETS,
  topOverdueSeries,
  trendSeries,
  type KpiValue,
  type PeriodPreset,
} from '../../../reports/dashboard-series';
import { Amount, arErrorText, arKeys, bucketLabel, useToday } from '../common';
import { DATE_FORMAT, day } from '../entry/fields';
import { CollectionsKpis } from './CollectionsKpis';

export function ArDashboardPage() {
  const { t } = useTranslation();
  const [lang] = useLang();
  const today = useToday();
  const [preset, setPreset] = useState<PeriodPreset | 'custom'>('last90');
  const [custom, setCustom] = useState<{ from: string; to: string } | null>(null);
  const range = preset === 'custom' && custom ? custom : periodRange(preset === 'custom' ? 'last90' : preset, today);
  const dash = useQuery({
    queryKey: arKeys.dashboard({ asOf: today, ...range }),
    queryFn: () => call('receivables:dashboard', { asOf: today, from: range.from, to: range.to }),
    placeholderData: keepPreviousData,
  });
  const ageing = useQuery({
    queryKey: arKeys.ageing({ asOf: today, basis: 'due', dashboard: true }),
    queryFn: () => call('ageing:report', { asOf: today, basis: 'due' }),
  });

  return (
    <div className="page" data-testid="ar-dashboard">
      <div className="page-title-row">
        <h1>{t('ar.dashboard.title')}</h1>
        <span className="muted">{t('ar.dashboard.asOf', { date: today })}</span>
        <div className="spacer" />
        <Space size={8} wrap>
          <span className="ar-label muted">{t('ar.dashboard.period')}</span>
          <Segmented<PeriodPreset | 'custom'>
            value={preset}
            onChange={setPreset}
            data-testid="ar-period"
            options={PERIOD_PRESETS.filter((p) => p !== 'last180').map((p) => ({
              value: p,
              label: t(`ar.dashboard.periods.${p}`),
            }))}
          />
          <DatePicker.RangePicker
            value={[day(range.from), day(range.to)]}
            format={DATE_FORMAT}
            allowClear={false}
            style={{ width: 240 }}
            onChange={(v) => {
              if (v?.[0] && v[1]) {
                setCustom({ from: v[0].format(DATE_FORMAT), to: v[1].format(DATE_FORMAT) });
                setPreset('custom');
              }
            }}
          />
        </Space>
      </div>
      {dash.isError && <Alert type="error" showIcon title={arErrorText(t, dash.error)} />}
      {dash.isPending ? (
        <Spin style={{ margin: 48 }} />
      ) : dash.data ? (
        <>
          <Kpis d={dash.data} />
          <CollectionsKpis asOf={today} from={range.from} to={range.to} />
          <div className="ar-charts">
            <Card size="small" title={t('ar.dashboard.trendTitle')}>
              <Trend d={dash.data} lang={lang} />
            </Card>
            <Card size="small" title={t('ar.dashboard.distributionTitle')}>
              {ageing.data ? <Distribution rep={ageing.data} lang={lang} /> : <Spin />}
            </Card>
          </div>
          <div className="ar-charts">
            <Card size="small" title={t('ar.dashboard.topTitle')}>
              <TopOverdue d={dash.data} lang={lang} />
            </Card>
            <Card size="small" title={t('ar.dashboard.provisionTitle')}>
              <Provision d={dash.data} />
            </Card>
          </div>
        </>
      ) : null}
    </div>
  );
}

function kpiText(
  t: (k: string, o?: Record<string, unknown>) => string,
  format: KpiValue['format'],
  v: number | null,
): string {
  if (v === null) return '—';
  if (format === 'money') return money(v);
  if (format === 'percent') return percentText(v);
  return t('ar.dashboard.days', { n: v });
}

function Kpis({ d }: { d: DashboardOut }) {
  const { t } = useTranslation();
  const costHint = t('ar.dashboard.costHint', {
    rate: percentText(d.cost.costOfCapitalBp, 2),
    standard: t(`ar.settings.standards.${d.cost.standard}`),
  });
  return (
    <div className="ar-kpis" data-testid="ar-kpis">
      {kpiValues(d).map((k) => (
        <div key={k.key} className={`ar-kpi ${k.tone}`} data-testid={`kpi-${k.key}`}>
          <AntTooltip title={k.key === 'cost' ? costHint : undefined}>
            <div className="ar-kpi-label">{t(`ar.dashboard.kpi.${k.key}`)}</div>
          </AntTooltip>
          <div className="ar-kpi-value">{kpiText(t, k.format, k.value)}</div>
          {k.sub?.map((s) => (
            <div className="ar-kpi-sub" key={s.key}>
              <span>{t(`ar.dashboard.kpi.${s.key}`)}</span>
              <span>{kpiText(t, s.format, s.value)}</span>
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}

function Trend({ d, lang }: { d: DashboardOut; lang: 'zh-CN' | 'en' }) {
  const { t } = useTranslation();
  const data = useMemo(() => trendSeries(d.trend), [d.trend]);
  if (data.every((p) => p.balance === 0)) return <Empty description={t('ar.dashboard.noData')} />;
  return (
    <div style={{ height: 240 }} data-testid="ar-trend">
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 8 }}>
          <defs>
            <linearGradient id="arTrendFill" x1="0" y1="0" x2="0" y2="1">
              <stop offset="0%" stopColor="#1f5fbf" stopOpacity={0.35} />
              <stop offset="100%" stopColor="#1f5fbf" stopOpacity={0.03} />
            </linearGradient>
          </defs>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#eef1f5" />
          <XAxis
            dataKey="month"
            tick={{ fontSize: 11 }}
            interval={0}
            tickFormatter={(m: string, i: number) => trendMonthLabel(m, i, lang)}
          />
          <YAxis
            tick={{ fontSize: 12 }}
            tickFormatter={(v: number) => axisMoney(v, lang)}
            width={64}
            {...niceAxis(data.map((p) => p.balance))}
          />
          <Tooltip
            formatter={(_v, _n, item) => [
              money((item.payload as (typeof data)[number]).balance),
              t('ar.dashboard.balance'),
            ]}
            labelFormatter={(l) => String(l)}
          />
          <Area
            type="monotone"
            dataKey="balance"
            stroke="#1f5fbf"
            strokeWidth={2}
            fill="url(#arTrendFill)"
            isAnimationActive={false}
            dot={{ r: 3 }}
          />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}

function Distribution({
  rep,
  lang,
}: {
  rep: import('@shared/types-receivables').AgeingReportOut;
  lang: 'zh-CN' | 'en';
}) {
  const { t } = useTranslation();
  const data = useMemo(() => {
    const defs = new Map(rep.buckets.map((b) => [b.key, b]));
    return ageingDistribution(rep).map((s, i) => ({
      ...s,
      label: bucketLabel(t, defs.get(s.key)!),
      color: DEFAULT_BUCKET_COLORS[Math.min(i, DEFAULT_BUCKET_COLORS.length - 1)],
      shareText: s.amount ? percentText(s.shareBp) : '',
    }));
  }, [rep, t]);
  if (data.every((s) => s.amount === 0)) return <Empty description={t('ar.dashboard.noData')} />;
  return (
    <div style={{ height: 240 }} data-testid="ar-distribution">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 22, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#eef1f5" />
          <XAxis
            dataKey="label"
            tick={{ fontSize: 11 }}
            interval={0}
            angle={-30}
            textAnchor="end"
            height={lang === 'en' ? 62 : 48}
          />
          <YAxis
            tick={{ fontSize: 12 }}
            tickFormatter={(v: number) => axisMoney(v, lang)}
            width={56}
            {...niceAxis(data.map((s) => s.amount))}
          />
          <Tooltip
            formatter={(_v, _n, item) => {
              const p = item.payload as (typeof data)[number];
              return [`${money(p.amount)}（${percentText(p.shareBp)}）`, t('ar.dashboard.balance')];
            }}
          />
          <Bar dataKey="amount" maxBarSize={56} isAnimationActive={false}>
            <LabelList dataKey="shareText" position="top" style={{ fontSize: 11, fill: '#56627a' }} />
            {data.map((s) => (
              <Cell key={s.key} fill={s.color} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

function TopOverdue({ d, lang }: { d: DashboardOut; lang: 'zh-CN' | 'en' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const data = useMemo(() => topOverdueSeries(d.topOverdue, 8), [d.topOverdue]);
  if (data.length === 0) return <Empty description={t('ar.dashboard.noOverdue')} />;
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: 12 }}>
      <div style={{ height: Math.max(120, 34 * data.length + 40) }} data-testid="ar-top-chart">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 0, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#eef1f5" />
            <XAxis
              type="number"
              tick={{ fontSize: 11 }}
              tickFormatter={(v: number) => axisMoney(v, lang)}
              {...niceAxis(
                data.map((r) => r.overdue),
                3,
              )}
            />
            <YAxis type="category" dataKey="code" tick={{ fontSize: 11 }} width={70} />
            <Tooltip
              formatter={(_v, _n, item) => [
                money((item.payload as (typeof data)[number]).overdue),
                t('ar.dashboard.overdue'),
              ]}
              labelFormatter={(_l, items) => (items?.[0]?.payload as (typeof data)[number] | undefined)?.label ?? ''}
            />
            <Bar
              dataKey="overdue"
              fill="#c41d1d"
              maxBarSize={26}
              isAnimationActive={false}
              cursor="pointer"
              onClick={(p) => navigate(`/customers/${(p.payload as (typeof data)[number]).customerId}`)}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ol className="ar-top-list" data-testid="ar-top-list">
        {data.map((r, i) => (
          <li key={r.customerId} onClick={() => navigate(`/customers/${r.customerId}`)} data-code={r.code}>
            <span className="ar-rank">{i + 1}</span>
            <span
              style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
              title={`${r.code} ${r.name}`}
            >
              <span className="code ar-opt-code">{r.code}</span>
              {r.name}
            </span>
            <span className="num">
              <Amount fen={r.overdue} />
              <span className="ar-hint" style={{ display: 'inline-block', width: 52 }}>
                {percentText(r.shareBp)}
              </span>
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

function Provision({ d }: { d: DashboardOut }) {
  const { t } = useTranslation();
  if (d.cost.standard === 'small_enterprise')
    return <Alert type="info" showIcon title={t('ar.dashboard.directWriteOff')} />;
  return (
    <Table
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={d.cost.provisionLines}
      columns={[
        { title: t('ar.dashboard.provisionBucket'), dataIndex: 'key', render: (_k: string, l) => bucketLabel(t, l) },
        {
          title: t('ar.dashboard.provisionAmount'),
          dataIndex: 'amount',
          align: 'right',
          render: (v: number) => <Amount fen={v} zeroDash />,
        },
        {
          title: t('ar.dashboard.provisionRate'),
          dataIndex: 'rateBp',
          align: 'right',
          render: (v: number) => <span className="num">{percentText(v, 0)}</span>,
        },
        {
          title: t('ar.dashboard.provisionValue'),
          dataIndex: 'provision',
          align: 'right',
          render: (v: number) => <Amount fen={v} zeroDash />,
        },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>
            <b>{t('ar.ageing.total')}</b>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            <Amount fen={d.cost.provisionLines.reduce((s, l) => s + l.amount, 0)} strong />
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} />
          <Table.Summary.Cell index={3} align="right">
            <Amount fen={d.cost.provision} strong />
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}

/** recharts axis props for nice 1/2/5 steps over these amounts (fen). */
function niceAxis(values: number[], count = 4): { ticks: number[]; domain: [number, number]; interval: 0 } {
  const ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values), count);
  return { ticks, domain: [ticks[0], ticks[ticks.length - 1]], interval: 0 };
}
