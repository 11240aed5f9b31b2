// Tier settings: window months (3–6), method (Pareto % or threshold amounts). Main checks every
// field; a refused change shows its message at the field and nothing is saved.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Segmented, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TierSettings } from '@shared/types-analysis';
import { ApiError, call } from '../../api/client';
import { moneyText, parseMoneyText } from '../../format/money';
import { ANALYSIS_NS } from './i18n';

type Field = 'months' | 'aPercent' | 'bPercent' | 'aMin' | 'bMin';

export function TierSettingsForm({ settings }: { settings: TierSettings }) {
  const { t } = useTranslation(ANALYSIS_NS);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [draft, setDraft] = useState({
    ...settings,
    aMinText: moneyText(settings.aMin),
    bMinText: moneyText(settings.bMin),
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  useEffect(
    () => setDraft({ ...settings, aMinText: moneyText(settings.aMin), bMinText: moneyText(settings.bMin) }),
    [settings],
  );

  const save = useMutation({
    mutationFn: async () => {
      const aMin = parseMoneyText(draft.aMinText);
      const bMin = parseMoneyText(draft.bMinText);
      const local: Partial<Record<Field, string>> = {};
      if (!aMin.ok || aMin.fen === null) local.aMin = t('error.invalid');
      if (!bMin.ok || bMin.fen === null) local.bMin = t('error.invalid');
      if (Object.keys(local).length) throw Object.assign(new Error('local'), { local });
      return call('analysis:update-tier-settings', {
        months: draft.months,
        method: draft.method,
        aPercent: draft.aPercent,
        bPercent: draft.bPercent,
        aMin: (aMin as { fen: number }).fen,
        bMin: (bMin as { fen: number }).fen,
      });
    },
    onSuccess: (s) => {
      setErrors({});
      qc.setQueryData(['analysis', 'settings'], s);
      void message.success(t('settings.saved'));
    },
    onError: (e) => {
      const local = (e as { local?: Partial<Record<Field, string>> }).local;
      if (local) return setErrors(local);
      if (e instanceof ApiError && e.field)
        return setErrors({
          [e.field as Field]: t(e.message.replace(/^analysis\./, ''), { defaultValue: t('error.invalid') }),
        });
      void message.error((e as Error).message);
    },
  });

  const item = (field: Field) => ({
    validateStatus: errors[field] ? ('error' as const) : undefined,
    help: errors[field],
    label: t(`settings.${field}`),
  });
  return (
    <Form layout="vertical" data-testid="tier-settings">
      <Space wrap size="middle" align="start">
        <Form.Item {...item('months')}>
          <InputNumber
            value={draft.months}
            onChange={(v) => setDraft({ ...draft, months: v ?? 0 })}
            style={{ width: 100 }}
            data-testid="tier-months"
          />
        </Form.Item>
        <Form.Item label={t('settings.method')}>
          <Segmented<'pareto' | 'threshold'>
            value={draft.method}
            onChange={(v) => setDraft({ ...draft, method: v })}
            options={[
              { value: 'pareto', label: t('method.pareto') },
              { value: 'threshold', label: t('method.threshold') },
            ]}
          />
        </Form.Item>
        {draft.method === 'pareto' ? (
          <>
            <Form.Item {...item('aPercent')}>
              <InputNumber
                value={draft.aPercent}
                onChange={(v) => setDraft({ ...draft, aPercent: v ?? 0 })}
                style={{ width: 120 }}
              />
            </Form.Item>
            <Form.Item {...item('bPercent')}>
              <InputNumber
                value={draft.bPercent}
                onChange={(v) => setDraft({ ...draft, bPercent: v ?? 0 })}
                style={{ width: 120 }}
              />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item {...item('aMin')}>
              <Input
                value={draft.aMinText}
                onChange={(e) => setDraft({ ...draft, aMinText: e.target.value })}
                style={{ width: 150, textAlign: 'right' }}
                prefix="¥"
              />
            </Form.Item>
            <Form.Item {...item('bMin')}>
              <Input
                value={draft.bMinText}
                onChange={(e) => setDraft({ ...draft, bMinText: e.target.value })}
                style={{ width: 150, textAlign: 'right' }}
                prefix="¥"
              />
            </Form.Item>
          </>
        )}
        <Form.Item label=" ">
          <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="tier-settings-save">
            {t('settings.save')}
          </Button>
        </Form.Item>
      </Space>
    </Form>
  );
}
