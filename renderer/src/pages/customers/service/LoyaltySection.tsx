// The card's loyalty (SPEC §7): the type in effect, the facts the rule used, and a form to set it
// by hand or go back to the rule.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Input, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerLoyalty, LoyaltyType } from '@shared/types-service';
import { LOYALTY_TYPES } from '@shared/types-service';
import { call } from '../../../api/client';
import { errorText } from '../../../format/errors';
import { scoreText } from '../../../reports/loyalty-series';
import { invalidateService } from './common';
import { SERVICE_NS } from './i18n';

export const LOYALTY_COLOURS: Record<LoyaltyType, string> = { loyal: '#389e0d', switching: '#d48806', none: '#8c8c8c' };

export function LoyaltySection({
  customerId,
  loyalty: l,
  readOnly,
}: {
  customerId: number;
  loyalty: CustomerLoyalty;
  readOnly: boolean;
}) {
  const { t } = useTranslation(SERVICE_NS);
  const { t: tg } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [choice, setChoice] = useState<LoyaltyType | 'auto'>(l.manual ?? 'auto');
  const [note, setNote] = useState(l.manualNote ?? '');
  useEffect(() => {
    setChoice(l.manual ?? 'auto');
    setNote(l.manualNote ?? '');
  }, [l.manual, l.manualNote]);
  const save = useMutation({
    mutationFn: () =>
      call('service:set-loyalty', { customerId, type: choice === 'auto' ? null : choice, note: note || undefined }),
    onSuccess: () => {
      void message.success(t('loyalty.saved'));
      invalidateService(qc, customerId);
    },
    onError: (e) => void message.error(errorText(tg, e)),
  });
  const avg = l.scoreCount > 0 ? scoreText(Math.round((l.scoreSum * 100) / l.scoreCount)) : null;
  return (
    <Card size="small" title={t('loyalty.title')} data-testid="service-loyalty">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Tag color={LOYALTY_COLOURS[l.type]} style={{ fontSize: 14, padding: '2px 10px' }} data-testid="loyalty-type">
            {t(`loyalty.type.${l.type}`)}
          </Tag>
          <Typography.Text type="secondary">
            {l.manual
              ? `${t('loyalty.manual', { on: l.manualOn })} · ${t('loyalty.computed', { type: t(`loyalty.type.${l.computed}`) })}`
              : t('loyalty.computed', { type: t(`loyalty.type.${l.computed}`) })}
          </Typography.Text>
        </Space>
        <Descriptions size="small" column={1}>
          <Descriptions.Item>
            {avg
              ? t('loyalty.factsScore', { from: l.from, to: l.to, active: l.activeMonths, avg, count: l.scoreCount })
              : t('loyalty.facts', { from: l.from, to: l.to, active: l.activeMonths, scores: 0 })}
          </Descriptions.Item>
          {l.manualNote && <Descriptions.Item label={t('loyalty.note')}>{l.manualNote}</Descriptions.Item>}
        </Descriptions>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('loyalty.rule')}
        </Typography.Text>
        {!readOnly && (
          <Space wrap>
            <Select<LoyaltyType | 'auto'>
              style={{ width: 180 }}
              value={choice}
              onChange={setChoice}
              data-testid="loyalty-choice"
              options={[
                { value: 'auto', label: t('loyalty.auto') },
                ...LOYALTY_TYPES.map((v) => ({ value: v, label: t(`loyalty.type.${v}`) })),
              ]}
            />
            <Input
              style={{ width: 240 }}
              placeholder={t('loyalty.note')}
              value={note}
              maxLength={200}
              disabled={choice === 'auto'}
              onChange={(e) => setNote(e.target.value)}
            />
            <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="loyalty-save">
              {t('loyalty.save')}
            </Button>
          </Space>
        )}
      </Space>
    </Card>
  );
}
