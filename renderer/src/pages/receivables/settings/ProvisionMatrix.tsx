// The bad-debt provision matrix in the settings form: one row per issue-date bucket with its
// upper day limit (the last row has none) and its rate; add / remove buckets. Main checks the
// edges; its messages (which name the bucket) are shown under the row they are about.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, InputNumber } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AgeingBucketDef } from '@shared/types-receivables';
import { ApiError } from '../../../api/client';
import { issueText } from '../../../format/errors';
import { bucketsFromEdges } from '../../../reports/ageing-series';
import { bucketLabel } from '../common';

export interface ProvisionRow {
  to: number | null;
  rate: string | null;
}

export type MatrixErrors = Record<number, { to?: boolean; rate?: boolean; texts: string[] }>;

const ADD_STEP_DAYS = 365;

/**
 * Main's per-bucket messages (field provisionBuckets.<i>.<part> or provisionRatesBp.<key>) by row;
 * null when the error is about something else.
 */
export function matrixErrors(t: TFunction, e: unknown, sent: AgeingBucketDef[]): MatrixErrors | null {
  if (!(e instanceof ApiError) || !e.rows?.length) return null;
  const out: MatrixErrors = {};
  for (const r of e.rows) {
    const [head, part, sub] = r.field.split('.');
    const row =
      head === 'provisionBuckets'
        ? Number(part)
        : head === 'provisionRatesBp'
          ? sent.findIndex((b) => b.key === part)
          : -1;
    if (!(row >= 0)) return null;
    const cell = (out[row] ??= { texts: [] });
    if (head === 'provisionRatesBp') cell.rate = true;
    else if (sub !== 'from') cell.to = true;
    cell.texts.push(issueText(t, r.message, r.values));
  }
  return out;
}

export function ProvisionMatrix({
  saved,
  errors,
  dim,
}: {
  saved: AgeingBucketDef[];
  errors: MatrixErrors;
  dim: boolean;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const rows = (Form.useWatch('provision', form) as ProvisionRow[] | undefined) ?? [];
  const buckets = bucketsFromEdges(
    rows.map((r) => r?.to ?? null),
    saved,
  );
  return (
    <Form.List name="provision">
      {(fields, { add, remove }) => (
        <div className="ar-matrix" style={{ opacity: dim ? 0.5 : 1 }} data-testid="ar-provision-matrix">
          <div className="ar-matrix-row ar-matrix-head">
            <span>{t('ar.settings.provisionRow')}</span>
            <span>{t('ar.settings.provisionBucket')}</span>
            <span>{t('ar.settings.provisionEdge')}</span>
            <span>{t('ar.settings.provisionRate')}</span>
            <span />
          </div>
          {fields.map((f, i) => {
            const last = i === fields.length - 1;
            const err = errors[i];
            return (
              <div key={f.key} className="ar-matrix-item" data-testid="ar-provision-row" data-row={i + 1}>
                <div className="ar-matrix-row">
                  <span className="num ar-matrix-no">{i + 1}</span>
                  <span className="ar-matrix-label" data-col="label">
                    {buckets[i] ? bucketLabel(t, buckets[i]) : ''}
                  </span>
                  {last ? (
                    <span className="ar-hint">{t('ar.settings.noUpperLimit')}</span>
                  ) : (
                    <Form.Item
                      name={[f.name, 'to']}
                      validateStatus={err?.to ? 'error' : undefined}
                      style={{ marginBottom: 0 }}
                    >
                      <InputNumber
                        precision={0}
                        step={30}
                        suffix={t('ar.settings.days')}
                        style={{ width: 130 }}
                        className="num"
                        data-testid={`ar-edge-${i + 1}`}
                      />
                    </Form.Item>
                  )}
                  <Form.Item
                    name={[f.name, 'rate']}
                    validateStatus={err?.rate ? 'error' : undefined}
                    rules={[{ required: true, message: t('validation.required') }]}
                    style={{ marginBottom: 0 }}
                  >
                    <InputNumber
                      stringMode
                      min={0}
                      max={100}
                      step={1}
                      precision={2}
                      suffix="%"
                      style={{ width: 120 }}
                      className="num"
                      data-testid={`ar-rate-${i + 1}`}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    size="small"
                    icon={<DeleteOutlined />}
                    disabled={fields.length === 1}
                    onClick={() => remove(f.name)}
                    aria-label={t('ar.settings.removeBucket', { n: i + 1 })}
                    title={t('ar.settings.removeBucket', { n: i + 1 })}
                    data-testid={`ar-remove-bucket-${i + 1}`}
                  />
                </div>
                {err && (
                  <div className="ar-matrix-error" role="alert" data-testid={`ar-matrix-error-${i + 1}`}>
                    {err.texts.join('；')}
                  </div>
                )}
              </div>
            );
          })}
          <div className="ar-matrix-foot">
            <Button
              size="small"
              icon={<PlusOutlined />}
              data-testid="ar-add-bucket"
              onClick={() => {
                // the new bucket goes before the open-ended last one, a year after the last limit
                const edges = rows
                  .slice(0, -1)
                  .map((r) => r?.to)
                  .filter((x): x is number => typeof x === 'number');
                add({ to: (edges.length ? Math.max(...edges) : 0) + ADD_STEP_DAYS, rate: null }, fields.length - 1);
              }}
            >
              {t('ar.settings.addBucket')}
            </Button>
            <span className="ar-hint">{t('ar.settings.provisionHint')}</span>
          </div>
        </div>
      )}
    </Form.List>
  );
}
