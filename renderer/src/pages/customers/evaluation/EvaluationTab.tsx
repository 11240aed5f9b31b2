// The customer card's evaluation tab (综合评价): the comprehensive evaluation sheet (客户综合评价表,
// SPEC §3) — the book's figures for a period beside the user's comment / problem / improvement
// for each of the nine rows, the selling cost and an overall summary; saving adds a sheet to the
// history, and any saved sheet prints on A4 (preview, then print).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Input, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { EVALUATION_LABELS, evaluationFigureText } from '@shared/labels/visits';
import type { Customer } from '@shared/types';
import {
  EVALUATION_ROWS,
  type EvaluationRecord,
  type EvaluationRowInput,
  type EvaluationRowKey,
} from '@shared/types-evaluation';
import { ApiError, call } from '../../../api/client';
import { errorText } from '../../../format/errors';
import { moneyText, parseMoneyText } from '../../../format/money';
import { currentLang } from '../../../i18n';
import { useToday } from '../../collections/common';
import { useVt, visitsErrorText } from '../../visits/common';
import '../../visits/i18n';
import { EvaluationHistory } from './EvaluationHistory';

type Words = Record<EvaluationRowKey, { comment: string; problem: string; improvement: string }>;
const emptyWords = (): Words =>
  Object.fromEntries(EVALUATION_ROWS.map((k) => [k, { comment: '', problem: '', improvement: '' }])) as Words;

export const qkEvaluation = (customerId: number) => ['evaluation', customerId] as const;

export function EvaluationTab({ customer: c }: { customer: Customer }) {
  const t = useVt();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const today = useToday();
  const lang = currentLang();
  const [period, setPeriod] = useState({
    from: dayjs(today).subtract(12, 'month').add(1, 'day').format('YYYY-MM-DD'),
    to: today,
  });
  const [words, setWords] = useState<Words>(emptyWords);
  const [sellingCost, setSellingCost] = useState('');
  const [summary, setSummary] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const draft = useQuery({
    queryKey: [...qkEvaluation(c.id), 'draft', period.from, period.to],
    queryFn: () => call('evaluation:draft', { customerId: c.id, from: period.from, to: period.to }),
  });
  const history = useQuery({
    queryKey: [...qkEvaluation(c.id), 'history'],
    queryFn: () => call('evaluation:history', { customerId: c.id }),
  });
  // the form starts from the latest saved sheet (its words; the figures are the book's today)
  const started = useRef(false);
  useEffect(() => {
    if (started.current || !history.data) return;
    started.current = true;
    if (history.data[0]) load(history.data[0], false);
  });
  const cost = parseMoneyText(sellingCost);
  const save = useMutation({
    mutationFn: () => {
      if (!cost.ok)
        throw Object.assign(new Error('local'), { local: { sellingCost: t('evaluation.error.invalidMoney') } });
      const rows: EvaluationRowInput[] = EVALUATION_ROWS.map((key) => ({
        key,
        comment: words[key].comment || null,
        problem: words[key].problem || null,
        improvement: words[key].improvement || null,
      })).filter((r) => r.comment || r.problem || r.improvement);
      return call('evaluation:save', {
        customerId: c.id,
        from: period.from,
        to: period.to,
        sellingCost: cost.fen,
        rows,
        summary: summary || null,
      });
    },
    onSuccess: () => {
      setErrors({});
      void qc.invalidateQueries({ queryKey: qkEvaluation(c.id) });
      void message.success(t('evaluation.saved'));
    },
    onError: (e) => {
      const local = (e as { local?: Record<string, string> }).local;
      if (local) return setErrors(local);
      if (e instanceof ApiError && e.field) return setErrors({ [e.field]: visitsErrorText(t, e, errorText(t, e)) });
      void message.error(errorText(t, e));
    },
  });
  const load = (e: EvaluationRecord, withPeriod = true) => {
    const w = emptyWords();
    for (const r of e.rows)
      w[r.key] = { comment: r.comment ?? '', problem: r.problem ?? '', improvement: r.improvement ?? '' };
    setWords(w);
    setSellingCost(moneyText(e.sellingCost));
    setSummary(e.summary ?? '');
    if (withPeriod) setPeriod({ from: e.from, to: e.to });
  };
  const cell = (key: EvaluationRowKey, part: 'comment' | 'problem' | 'improvement') => (
    <Input.TextArea
      autoSize={{ minRows: 1, maxRows: 4 }}
      maxLength={1000}
      value={words[key][part]}
      disabled={c.readOnly}
      onChange={(e) => setWords((w) => ({ ...w, [key]: { ...w[key], [part]: e.target.value } }))}
      data-testid={`eval-${key}-${part}`}
    />
  );
  const f = draft.data;
  return (
    <div data-testid="evaluation-tab">
      <Space wrap size={[12, 8]} style={{ marginBottom: 12 }}>
        <Typography.Text strong>{t('evaluation.title')}</Typography.Text>
        <span>{t('evaluation.period')}</span>
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(period.from), dayjs(period.to)]}
          onChange={(v) =>
            v?.[0] && v[1] && setPeriod({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') })
          }
          data-testid="eval-period"
        />
      </Space>
      {c.readOnly && <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('evaluation.readOnly')} />}
      {draft.isError && (
        <Alert type="error" showIcon title={visitsErrorText(t, draft.error, errorText(t, draft.error))} />
      )}
      <Table<{ key: EvaluationRowKey }>
        size="small"
        bordered
        pagination={false}
        loading={draft.isPending}
        rowKey="key"
        dataSource={EVALUATION_ROWS.map((key) => ({ key }))}
        data-testid="evaluation-sheet"
        columns={[
          {
            title: t('evaluation.item'),
            key: 'item',
            width: 150,
            render: (_: unknown, r) => <Typography.Text strong>{EVALUATION_LABELS[lang][r.key]}</Typography.Text>,
          },
          {
            title: t('evaluation.figures'),
            key: 'figures',
            width: '28%',
            render: (_: unknown, r) =>
              r.key === 'selling_cost' ? (
                <Space direction="vertical" size={2} style={{ width: '100%' }}>
                  <Input
                    value={sellingCost}
                    placeholder={t('evaluation.sellingCost')}
                    disabled={c.readOnly}
                    status={errors.sellingCost ? 'error' : undefined}
                    onChange={(e) => setSellingCost(e.target.value)}
                    style={{ textAlign: 'right' }}
                    data-testid="eval-selling-cost"
                  />
                  {errors.sellingCost && <Typography.Text type="danger">{errors.sellingCost}</Typography.Text>}
                </Space>
              ) : (
                <span className="eval-figure">{f ? evaluationFigureText(r.key, f, null, lang) : ''}</span>
              ),
          },
          { title: t('evaluation.comment'), key: 'comment', render: (_: unknown, r) => cell(r.key, 'comment') },
          { title: t('evaluation.problem'), key: 'problem', render: (_: unknown, r) => cell(r.key, 'problem') },
          {
            title: t('evaluation.improvement'),
            key: 'improvement',
            render: (_: unknown, r) => cell(r.key, 'improvement'),
          },
        ]}
      />
      <div style={{ marginTop: 12 }}>
        <Typography.Text strong>{t('evaluation.summary')}</Typography.Text>
        <Input.TextArea
          rows={3}
          maxLength={2000}
          value={summary}
          disabled={c.readOnly}
          onChange={(e) => setSummary(e.target.value)}
          style={{ marginTop: 4 }}
          data-testid="eval-summary"
        />
        {errors.to && <Typography.Text type="danger">{errors.to}</Typography.Text>}
      </div>
      {!c.readOnly && (
        <Button
          type="primary"
          style={{ marginTop: 8 }}
          loading={save.isPending}
          onClick={() => save.mutate()}
          data-testid="eval-save"
        >
          {t('evaluation.save')}
        </Button>
      )}
      <EvaluationHistory customer={c} onLoad={load} />
    </div>
  );
}
