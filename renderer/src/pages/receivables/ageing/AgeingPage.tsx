// Route #/receivables/ageing — 账龄分析: as-of date, basis, bucket presets, due/issue side by
// side, the virtualised customer table with totals, drill-down, chart, tie-out, export, print.
import { DeleteOutlined, DownloadOutlined, PrinterOutlined, SaveOutlined, StarOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Radio, Select, Space, Switch, Tag } from 'antd';
import { ReportBusy } from '../../../components/ReportBusy';
import { DatePicker } from '../../../components/TypedDatePicker';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { AgeingBucketDef, AgeingPreset, AgeingReportOut } from '@shared/types-receivables';
import { call } from '../../../api/client';
import { downloadBase64 } from '../../../format/files';
import { useLang } from '../../../hooks/useLang';
import {
  mergeAgeingRows,
  sortAgeingRows,
  type AgeingSortKey,
  type MergedAgeingRow,
} from '../../../reports/ageing-series';
import { arErrorText, arKeys, presetLabel, useToday } from '../common';
import { DATE_FORMAT, day } from '../entry/fields';
import { AgeingChart } from './AgeingChart';
import { AgeingGrid, gridHeightFor, type GridGroup } from './AgeingGrid';
import { AgeingPrintTable } from './AgeingPrint';
import { DrilldownDrawer, type DrillTarget } from './DrilldownDrawer';
import { PresetModal } from './PresetModal';
import { TieOutPanel } from './TieOutPanel';
import { useSensitiveExport, type SensitiveFlags } from '../../../components/sensitive-export/useSensitiveExport';

function defaultPreset(presets: AgeingPreset[], basis: 'due' | 'issue'): AgeingPreset | undefined {
  return (
    presets.find((p) => p.basis === basis && p.isDefault) ??
    presets.find((p) => p.basis === basis && p.builtIn) ??
    presets.find((p) => p.basis === basis)
  );
}

export function AgeingPage() {
  const { t } = useTranslation();
  const [lang] = useLang();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const today = useToday();
  const [asOf, setAsOf] = useState<string | null>(null);
  const date = asOf ?? today;
  const [basis, setBasis] = useState<'due' | 'issue'>('due');
  const [presetName, setPresetName] = useState<string | null>(null);
  const [sideBySide, setSideBySide] = useState(false);
  const [sort, setSort] = useState<{ key: AgeingSortKey; order: 'asc' | 'desc' }>({ key: 'code', order: 'asc' });
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const [saving, setSaving] = useState(false);
  const [printing, setPrinting] = useState<false | 'button' | 'system'>(false);

  const presets = useQuery({ queryKey: arKeys.presets, queryFn: () => call('ageing:presets', {}), staleTime: 60_000 });
  const list = presets.data ?? [];
  const current = (presetName ? list.find((p) => p.name === presetName) : undefined) ?? defaultPreset(list, basis);
  const buckets: AgeingBucketDef[] | undefined = current?.buckets;
  const otherBasis = basis === 'due' ? 'issue' : 'due';
  const otherBuckets = defaultPreset(list, otherBasis)?.buckets;

  const main = useQuery({
    queryKey: arKeys.ageing({ asOf: date, basis, buckets }),
    queryFn: () => call('ageing:report', { asOf: date, basis, buckets }),
    enabled: !!buckets,
    placeholderData: keepPreviousData,
  });
  const other = useQuery({
    queryKey: arKeys.ageing({ asOf: date, basis: otherBasis, buckets: otherBuckets }),
    queryFn: () => call('ageing:report', { asOf: date, basis: otherBasis, buckets: otherBuckets }),
    enabled: sideBySide && !!otherBuckets,
    placeholderData: keepPreviousData,
  });

  const due: AgeingReportOut | undefined = basis === 'due' ? main.data : sideBySide ? other.data : undefined;
  const issue: AgeingReportOut | undefined = basis === 'issue' ? main.data : sideBySide ? other.data : undefined;
  const groups: GridGroup[] = useMemo(() => {
    const g: GridGroup[] = [];
    if (due) g.push({ basis: 'due', buckets: due.buckets, totals: due.totals.buckets });
    if (issue) g.push({ basis: 'issue', buckets: issue.buckets, totals: issue.totals.buckets });
    return basis === 'issue' ? g.reverse() : g;
  }, [due, issue, basis]);
  const rows = useMemo(() => {
    if (!main.data) return [];
    const merged =
      basis === 'due'
        ? mergeAgeingRows(main.data.rows, sideBySide ? (other.data?.rows ?? null) : null)
        : mergeAgeingRows(sideBySide ? (other.data?.rows ?? []) : [], main.data.rows);
    return sortAgeingRows(merged, sort.key, sort.order);
  }, [main.data, other.data, sideBySide, basis, sort]);
  const totals = useMemo(
    () => ({
      unapplied: main.data?.totals.unapplied ?? 0,
      total: main.data?.totals.total ?? 0,
      creditLimit: rows.reduce((s, r) => s + r.creditLimit, 0),
    }),
    [main.data, rows],
  );

  const onDrill = useCallback(
    (r: MergedAgeingRow, b: 'due' | 'issue', bucket: string | null) => {
      const rep = b === 'due' ? due : issue;
      if (!rep) return;
      setDrill({
        customerId: r.customerId,
        customerCode: r.customerCode,
        customerName: r.customerName,
        basis: b,
        buckets: rep.buckets,
        bucket,
      });
    },
    [due, issue],
  );

  const sensitive = useSensitiveExport('ageing');
  const exportRun = useMutation({
    mutationFn: (v: { format: 'csv' | 'xlsx'; flags: SensitiveFlags }) =>
      call('ageing:export', { asOf: date, basis, buckets, format: v.format, locale: lang, ...v.flags }),
    onSuccess: (f) => {
      downloadBase64(f.fileName, f.mime, f.base64);
      const note = sensitive.maskedNote(f.masked);
      void message.success(t('ar.ageing.exported', { rows: f.rows }) + (note ? `; ${note}` : ''));
    },
    onError: (e) => void message.error(arErrorText(t, e)),
  });
  const presetRun = useMutation({
    mutationFn: (v: { op: 'default' | 'delete'; p: AgeingPreset }) =>
      v.op === 'delete'
        ? call('ageing:delete-preset', { name: v.p.name })
        : call('ageing:save-preset', { name: v.p.name, basis: v.p.basis, buckets: v.p.buckets, isDefault: true }),
    onSuccess: (l, v) => {
      qc.setQueryData(arKeys.presets, l);
      if (v.op === 'delete') setPresetName(null);
    },
    onError: (e) => void message.error(arErrorText(t, e)),
  });

  // The print button renders the full table, then opens the print dialog; printing any other way
  // (Ctrl+P, the app menu) renders it synchronously on beforeprint, so no print comes out blank.
  useEffect(() => {
    if (printing !== 'button') return;
    const id = setTimeout(() => window.print(), 50);
    return () => clearTimeout(id);
  }, [printing]);
  useEffect(() => {
    const before = () => flushSync(() => setPrinting((p) => p || 'system'));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);

  return (
    <div className="page" data-testid="ageing-page">
      <div className="page-title-row ar-no-print">
        <h1>{t('ar.ageing.title')}</h1>
        <div className="spacer" />
        <Space size={8} wrap>
          {sensitive.checkbox}
          <Button
            icon={<DownloadOutlined />}
            loading={exportRun.isPending && exportRun.variables?.format === 'csv'}
            onClick={() => sensitive.run((flags) => exportRun.mutate({ format: 'csv', flags }))}
            data-testid="ageing-export-csv"
          >
            {t('ar.ageing.exportCsv')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            loading={exportRun.isPending && exportRun.variables?.format === 'xlsx'}
            onClick={() => sensitive.run((flags) => exportRun.mutate({ format: 'xlsx', flags }))}
            data-testid="ageing-export-xlsx"
          >
            {t('ar.ageing.exportXlsx')}
          </Button>
          <Button
            icon={<PrinterOutlined />}
            onClick={() => setPrinting('button')}
            disabled={!main.data}
            data-testid="ageing-print"
          >
            {t('ar.ageing.print')}
          </Button>
        </Space>
      </div>
      <div className="ar-toolbar ar-no-print">
        <span className="ar-label">{t('ar.ageing.asOf')}</span>
        <DatePicker
          value={day(date)}
          format={DATE_FORMAT}
          allowClear={false}
          needConfirm={false}
          onChange={(d) => d && d.isValid() && setAsOf(d.format(DATE_FORMAT))}
          data-testid="ageing-asof"
          style={{ width: 140 }}
        />
        <Radio.Group
          value={basis}
          optionType="button"
          onChange={(e) => {
            setBasis(e.target.value);
            setPresetName(null);
            setSort((s) => (s.key.includes(':') ? { key: 'code', order: 'asc' } : s));
          }}
          data-testid="ageing-basis"
        >
          <Radio value="due">{t('ar.ageing.basisDue')}</Radio>
          <Radio value="issue">{t('ar.ageing.basisIssue')}</Radio>
        </Radio.Group>
        <span className="ar-label">{t('ar.ageing.preset')}</span>
        <Select
          style={{ width: 240 }}
          value={current?.name}
          onChange={(n) => setPresetName(n)}
          // the closed select shows the name alone (the "default" tag made English names clip)
          labelRender={(o) => {
            const p = list.find((x) => x.name === o.value);
            return p ? presetLabel(t, p) : o.label;
          }}
          title={current ? presetLabel(t, current) : undefined}
          popupMatchSelectWidth={false}
          data-testid="ageing-preset"
          options={list
            .filter((p) => p.basis === basis)
            .map((p) => ({
              value: p.name,
              label: (
                <span>
                  {presetLabel(t, p)} {p.isDefault && <Tag color="blue">{t('ar.ageing.defaultTag')}</Tag>}
                </span>
              ),
            }))}
        />
        <Button
          icon={<SaveOutlined />}
          onClick={() => setSaving(true)}
          disabled={!current}
          data-testid="ageing-save-preset"
        >
          {t('ar.ageing.savePreset')}
        </Button>
        {current && !current.builtIn && !current.isDefault && (
          <Button icon={<StarOutlined />} onClick={() => presetRun.mutate({ op: 'default', p: current })}>
            {t('ar.ageing.makeDefault')}
          </Button>
        )}
        {current && !current.builtIn && (
          <Button
            icon={<DeleteOutlined />}
            danger
            aria-label={t('ar.ageing.deletePreset')}
            title={t('ar.ageing.deletePreset')}
            onClick={() =>
              modal.confirm({
                title: t('ar.ageing.deleteConfirm', { name: presetLabel(t, current) }),
                okButtonProps: { danger: true },
                onOk: () => presetRun.mutateAsync({ op: 'delete', p: current }),
              })
            }
          />
        )}
        <Space size={6}>
          <Switch checked={sideBySide} onChange={setSideBySide} data-testid="ageing-side-by-side" />
          <span className="ar-label">{t('ar.ageing.sideBySide')}</span>
        </Space>
        <div className="spacer" />
        <span className="ar-hint" data-testid="ageing-meta">
          {main.isFetching
            ? t('ar.ageing.computing')
            : main.data
              ? `${t('ar.ageing.computedIn', { n: main.data.rows.length, count: main.data.rows.length, ms: main.data.ms })} · ${t('ar.ageing.unit')}`
              : ''}
        </span>
      </div>
      {(main.isError || presets.isError) && (
        <Alert type="error" showIcon title={arErrorText(t, main.error ?? presets.error)} />
      )}
      <div
        className="ar-grid-host ar-screen-only"
        style={{
          height: `min(max(420px, calc(100vh - 250px)), ${gridHeightFor(rows.length, sideBySide)}px)`,
          display: 'flex',
          flexDirection: 'column',
          position: 'relative',
        }}
      >
        {main.isFetching && <ReportBusy label={t('ar.ageing.computing')} />}
        <AgeingGrid
          rows={rows}
          groups={groups}
          totals={totals}
          sort={sort}
          onSort={setSort}
          onDrill={onDrill}
          showGroups={sideBySide}
        />
      </div>
      <div className="ar-charts ar-no-print">
        <Card size="small" title={`${t('ar.ageing.chartTitle')} · ${t(`ar.ageing.basisShort.${basis}`)}`}>
          {main.data && <AgeingChart report={main.data} height={320} />}
        </Card>
        <Card size="small" title={t('ar.tieOut.title')}>
          <TieOutPanel asOf={date} />
        </Card>
      </div>
      {printing && main.data && (
        <AgeingPrintTable report={main.data} rows={rows} groups={groups} totals={totals} lang={lang} />
      )}
      <DrilldownDrawer target={drill} asOf={date} onClose={() => setDrill(null)} />
      {saving && current && (
        <PresetModal
          initial={{ basis, buckets: current.buckets }}
          onClose={() => setSaving(false)}
          onSaved={(p) => (p.basis === basis ? setPresetName(p.name) : undefined)}
        />
      )}
    </div>
  );
}
