// One archive field from PROFILE_FIELDS as an antd Form.Item (text, long text, date, money, select).
import { Form, Input, Select } from 'antd';
import { DatePicker } from '../../../components/TypedDatePicker';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ProfileField } from '@shared/customer-fields';
import type { FieldPath } from './model';

export const dateItemProps = {
  getValueProps: (v: string | null | undefined) => ({ value: v ? dayjs(v) : null }),
  normalize: (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
};

export function ProfileFieldInput({ field, rule }: { field: ProfileField; rule: (p: FieldPath) => Rule }) {
  const { t } = useTranslation();
  const name = ['profile', field.key];
  const common = { name, label: t(`field.${field.key}`), rules: [rule(name)], validateTrigger: 'onBlur' as const };
  switch (field.type) {
    case 'date':
      return (
        <Form.Item {...common} {...dateItemProps} validateTrigger={['onBlur', 'onChange']}>
          <DatePicker style={{ width: '100%' }} placeholder={t('form.datePlaceholder')} />
        </Form.Item>
      );
    case 'money':
      return (
        <Form.Item {...common}>
          <Input
            className="num"
            prefix="¥"
            placeholder={t('form.moneyPlaceholder')}
            data-testid={`field-${field.key}`}
          />
        </Form.Item>
      );
    case 'select':
      return (
        <Form.Item {...common} validateTrigger={['onBlur', 'onChange']}>
          <Select
            allowClear
            placeholder={t('form.selectPlaceholder')}
            options={(field.options ?? []).map((o) => ({ value: o, label: t(`enums.${field.key}.${o}`) }))}
          />
        </Form.Item>
      );
    case 'longtext':
      return (
        <Form.Item {...common}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      );
    default:
      return (
        <Form.Item {...common}>
          <Input maxLength={200} />
        </Form.Item>
      );
  }
}
