// Route #/credit/settings — 信用政策: the 6C weights (six whole numbers adding up to 100, the sum
// shown live under them), the grade thresholds (AAA … C, each below the one above; D below C), the
// control rules at invoice entry (maximum days owed, overdue-amount threshold) and operator roles.
// Bad input gets a message under its own field, from the form's rules or from main.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Space, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SIX_C_LABELS_BI } from '@shared/credit-labels';
import type { CreditSettingsOut, SixCKey } from '@shared/types-credit';
import { call } from '../../../api/client';
import { errorText } from '../../../format/errors';
import { moneyText, parseMoneyText } from '../../../format/money';
import { useFormLanguage } from '../../../hooks/useFormLanguage';
import { useAppInfo } from '../../../hooks/queries';
import { currentLang } from '../../../i18n';
import { applyServerErrors } from '../FormErrors';
import { CREDIT_NS } from '../i18n';
import { RolesCard } from './RolesCard';

const SIX: SixCKey[] = ['character', 'capacity', 'capital', 'collateral', 'conditions', 'continuity'];
// two or three fields a row, each with its label beside it
const GRID = { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(250px, 1fr))', columnGap: 16 } as const;
const GRADED = ['AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'CCC', 'CC', 'C'] as const;

interface FormValues {
  weights: Record<SixCKey, number | null>;
  weightsSum?: unknown;
  thresholds: Record<string, number | null>;
  maxDaysOwed: number | null;
  overdueAmountLimit: string;
}

function toForm(s: CreditSettingsOut): FormValues {
  return {
    weights: { ...s.weights },
    thresholds: Object.fromEntries(s.thresholds.map((x) => [x.grade, x.min])),
    maxDaysOwed: s.maxDaysOwed,
    overdueAmountLimit: moneyText(s.overdueAmountLimit),
  };
}

const sumOf = (w: Partial<Record<SixCKey, number | null>> | undefined) =>
  SIX.reduce((a, k) => a + (typeof w?.[k] === 'number' ? (w[k] as number) : 0), 0);

/** A server field path → the form's name path. */
function fieldPath(f: string): (string | number)[] | null {
  if (f === 'weights') return ['weightsSum'];
  if (f.startsWith('weights.')) return ['weights', f.slice(8)];
  if (f === 'thresholds') return ['thresholds', 'AAA'];
  if (f.startsWith('thresholds.')) return ['thresholds', f.slice(11)];
  if (f === 'maxDaysOwed' || f === 'overdueAmountLimit') return [f];
  return null;
}

export function CreditSettingsPage() {
  const { t } = useTranslation(CREDIT_NS);
  const { t: tg } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  useFormLanguage(form);
  const info = useAppInfo();
  const role = info.data?.currentOperator?.role ?? 'admin';
  const mayEdit = role === 'admin' || role === 'credit_manager';
  const settings = useQuery({ queryKey: ['credit', 'settings'], queryFn: () => call('credit:settings', {}) });
  const weights = Form.useWatch('weights', form);
  const lang = currentLang() === 'en' ? 'en' : 'zh';

  useEffect(() => {
    if (settings.data) form.setFieldsValue(toForm(settings.data));
  }, [settings.data, form]);

  const save = useMutation({
    mutationFn: (v: FormValues) => {
      const limit = parseMoneyText(v.overdueAmountLimit);
      return call('credit:update-settings', {
        weights: Object.fromEntries(SIX.map((k) => [k, v.weights[k] ?? NaN])) as Record<SixCKey, number>,
        thresholds: GRADED.map((g) => ({ grade: g, min: v.thresholds[g] ?? NaN })),
        maxDaysOwed: v.maxDaysOwed ?? null,
        overdueAmountLimit: limit.ok ? limit.fen : null,
      });
    },
    onSuccess: (s) => {
      qc.setQueryData(['credit', 'settings'], s);
      void qc.invalidateQueries({ queryKey: ['credit'] });
      void message.success(t('settings.saved'));
    },
    onError: (e) => {
      const left = applyServerErrors(form, tg, e, fieldPath);
      if (left) void message.error(left);
    },
  });

  if (settings.isPending) return <Spin style={{ margin: 48 }} />;
  if (settings.isError) return <div className="page">{errorText(tg, settings.error)}</div>;

  const required = { required: true, message: tg('validation.required') };
  const sum = sumOf(weights ?? settings.data.weights);
  return (
    <div className="page" data-testid="credit-settings">
      <div className="page-title-row">
        <h1>{t('settings.title')}</h1>
        <Link to="/credit">{t('settings.backToOverview')}</Link>
      </div>
      {!mayEdit && <Alert type="info" showIcon title={t('settings.readOnly')} style={{ marginBottom: 16 }} />}
      <Form<FormValues>
        form={form}
        layout="horizontal"
        labelCol={{ flex: lang === 'en' ? '200px' : '150px' }}
        labelWrap
        requiredMark={false}
        initialValues={toForm(settings.data)}
        disabled={!mayEdit}
        onFinish={(v) => save.mutate(v)}
        onValuesChange={(changed: Partial<FormValues>) => {
          // the total's message follows the weights as they are typed
          if (changed.weights) form.validateFields([['weightsSum']]).catch(() => undefined);
        }}
      >
        <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 880 }}>
          <Card size="small" title={t('settings.weights')} data-testid="credit-settings-weights">
            <Typography.Paragraph type="secondary">{t('settings.weightsHint')}</Typography.Paragraph>
            <div style={GRID}>
              {SIX.map((k) => (
                <Form.Item
                  key={k}
                  name={['weights', k]}
                  label={SIX_C_LABELS_BI[k][lang]}
                  labelCol={{ flex: lang === 'en' ? '96px' : '64px' }}
                  rules={[required]}
                  style={{ marginBottom: 12 }}
                >
                  <InputNumber min={0} max={100} precision={0} suffix="%" data-testid={`weight-${k}`} />
                </Form.Item>
              ))}
            </div>
            <Form.Item
              name="weightsSum"
              label={t('settings.weightsSum')}
              dependencies={SIX.map((k) => ['weights', k])}
              rules={[
                {
                  validator: () =>
                    sumOf(form.getFieldValue('weights')) === 100
                      ? Promise.resolve()
                      : Promise.reject(
                          new Error(tg('validation.weights_sum', { sum: sumOf(form.getFieldValue('weights')) })),
                        ),
                },
              ]}
              style={{ marginBottom: 0 }}
            >
              <SumText sum={sum} />
            </Form.Item>
          </Card>
          <Card size="small" title={t('settings.thresholds')} data-testid="credit-settings-thresholds">
            <Typography.Paragraph type="secondary">{t('settings.thresholdsHint')}</Typography.Paragraph>
            <div style={GRID}>
              {GRADED.map((g, i) => (
                <Form.Item
                  key={g}
                  name={['thresholds', g]}
                  label={<b>{g}</b>}
                  labelCol={{ flex: '56px' }}
                  dependencies={i > 0 ? [['thresholds', GRADED[i - 1]]] : []}
                  rules={[
                    required,
                    {
                      validator: (_r, v: number | null) => {
                        const above = i > 0 ? form.getFieldValue(['thresholds', GRADED[i - 1]]) : null;
                        return typeof v === 'number' && typeof above === 'number' && v >= above
                          ? Promise.reject(
                              new Error(
                                tg('validation.threshold_decreasing', { above: GRADED[i - 1], aboveMin: above }),
                              ),
                            )
                          : Promise.resolve();
                      },
                    },
                  ]}
                  style={{ marginBottom: 12 }}
                >
                  <InputNumber min={0} max={100} precision={0} prefix="≥" data-testid={`threshold-${g}`} />
                </Form.Item>
              ))}
              <Form.Item label={<b>D</b>} labelCol={{ flex: '56px' }} style={{ marginBottom: 12 }}>
                <span className="muted">{t('settings.belowC')}</span>
              </Form.Item>
            </div>
          </Card>
          <Card size="small" title={t('settings.control')} data-testid="credit-settings-control">
            <Form.Item name="maxDaysOwed" label={t('settings.maxDaysOwed')} extra={t('settings.maxDaysOwedHint')}>
              <InputNumber
                min={0}
                precision={0}
                suffix={t('settings.days')}
                placeholder={t('settings.off')}
                style={{ width: 160 }}
                data-testid="max-days-owed"
              />
            </Form.Item>
            <Form.Item
              name="overdueAmountLimit"
              label={t('settings.overdueAmountLimit')}
              extra={t('settings.overdueAmountLimitHint')}
              rules={[
                {
                  validator: (_r, v: string) => {
                    const p = parseMoneyText(v);
                    if (!p.ok) return Promise.reject(new Error(tg(`validation.${p.key}`)));
                    if (p.fen !== null && p.fen < 0)
                      return Promise.reject(new Error(tg('validation.must_not_be_negative')));
                    return Promise.resolve();
                  },
                },
              ]}
              style={{ marginBottom: 0 }}
            >
              <Input
                placeholder={t('settings.off')}
                style={{ width: 200, textAlign: 'right' }}
                prefix="¥"
                data-testid="overdue-amount-limit"
              />
            </Form.Item>
          </Card>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="credit-settings-save">
            {t('settings.save')}
          </Button>
        </Space>
      </Form>
      <RolesCard />
    </div>
  );
}

/** The weights' running total, as the value of the sum's form item (which carries its message). */
function SumText({ sum }: { sum: number; value?: unknown; onChange?: unknown }) {
  return (
    <b className="num" data-testid="weights-sum" style={{ color: sum === 100 ? undefined : '#cf1322' }}>
      {sum} / 100
    </b>
  );
}
