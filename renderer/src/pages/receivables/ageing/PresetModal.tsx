// Save a bucket set as a named preset: name, basis, upper bounds ("0, 30, 60, …"), default.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, Form, Input, Modal, Radio, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgeingBucketDef, AgeingPreset } from '@shared/types-receivables';
import { call } from '../../../api/client';
import { boundsOfBuckets, bucketsFromBounds, parseBounds } from '../../../reports/ageing-series';
import { arErrorText, arKeys, bucketLabel } from '../common';

export function PresetModal({
  initial,
  onClose,
  onSaved,
}: {
  initial: { name?: string; basis: 'due' | 'issue'; buckets: AgeingBucketDef[] };
  onClose: () => void;
  onSaved?: (p: AgeingPreset) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [name, setName] = useState(initial.name ?? '');
  const [basis, setBasis] = useState(initial.basis);
  const [boundsText, setBoundsText] = useState(boundsOfBuckets(initial.buckets).join(', '));
  const [isDefault, setIsDefault] = useState(false);
  const [touched, setTouched] = useState(false);
  const bounds = parseBounds(boundsText);
  const buckets = bounds ? bucketsFromBounds(bounds) : null;
  const run = useMutation({
    mutationFn: () =>
      call('ageing:save-preset', { name: name.trim(), basis, buckets: buckets as AgeingBucketDef[], isDefault }),
    onSuccess: (list) => {
      qc.setQueryData(arKeys.presets, list);
      void message.success(t('ar.ageing.presetSaved', { name: name.trim() }));
      const p = list.find((x) => x.name === name.trim());
      if (p) onSaved?.(p);
      onClose();
    },
    onError: (e) => void message.error(arErrorText(t, e)),
  });
  return (
    <Modal
      open
      width={600}
      title={t('ar.ageing.savePreset')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: run.isPending, ...({ 'data-testid': 'ageing-preset-ok' } as object) }}
      onCancel={onClose}
      onOk={() => {
        setTouched(true);
        if (name.trim() && buckets) run.mutate();
      }}
    >
      <Form layout="vertical">
        <Form.Item
          label={t('ar.ageing.presetName')}
          required
          validateStatus={touched && !name.trim() ? 'error' : undefined}
          help={touched && !name.trim() ? t('validation.required') : undefined}
        >
          <Input
            autoFocus
            maxLength={60}
            value={name}
            onChange={(e) => setName(e.target.value)}
            data-testid="ageing-preset-name"
          />
        </Form.Item>
        <Form.Item label={t('ar.ageing.basis')}>
          <Radio.Group value={basis} onChange={(e) => setBasis(e.target.value)} optionType="button">
            <Radio value="due">{t('ar.ageing.basisDue')}</Radio>
            <Radio value="issue">{t('ar.ageing.basisIssue')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          label={t('ar.settings.bounds')}
          validateStatus={bounds ? undefined : 'error'}
          help={bounds ? t('ar.settings.boundsHint') : t('ar.settings.boundsInvalid')}
        >
          <Input
            value={boundsText}
            onChange={(e) => setBoundsText(e.target.value)}
            data-testid="ageing-preset-bounds"
          />
        </Form.Item>
        {buckets && (
          <Form.Item label={t('ar.settings.preview')}>
            {buckets.map((b) => (
              <Tag key={b.key}>{bucketLabel(t, b)}</Tag>
            ))}
          </Form.Item>
        )}
        <Checkbox checked={isDefault} onChange={(e) => setIsDefault(e.target.checked)}>
          {t('ar.ageing.setDefault')}
        </Checkbox>
      </Form>
    </Modal>
  );
}
