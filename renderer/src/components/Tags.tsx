import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Confidentiality, Lifecycle } from '@shared/customer-fields';

export const LIFECYCLE_COLOR: Record<Lifecycle, string> = {
  prospect: 'blue',
  active: 'green',
  suspended: 'orange',
  terminated: 'default',
};

export function LifecycleTag({ value }: { value: Lifecycle }) {
  const { t } = useTranslation();
  return (
    <Tag color={LIFECYCLE_COLOR[value]} style={{ marginInlineEnd: 0 }} data-testid="lifecycle-tag" data-value={value}>
      {t(`enums.lifecycle.${value}`)}
    </Tag>
  );
}

export const CONF_COLOR: Record<Confidentiality, string | undefined> = {
  normal: undefined,
  secret: 'gold',
  confidential: 'volcano',
  top_secret: 'red',
};

export function ConfidentialityText({ value }: { value: Confidentiality }) {
  const { t } = useTranslation();
  if (value === 'normal') return <span className="muted">{t('enums.confidentiality.normal')}</span>;
  return (
    <Tag color={CONF_COLOR[value]} bordered={false} style={{ marginInlineEnd: 0 }}>
      {t(`enums.confidentiality.${value}`)}
    </Tag>
  );
}
