// The credit manager's approval inside a form: name + password (checked and logged in main).
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Form, Input, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { errorText, serverKeyText } from '../../format/errors';
import { CREDIT_NS } from './i18n';

/** The message of a refused approval ("approval_wrong_password: …") in the page's language. */
export function approvalErrorText(t: TFunction, e: unknown): string {
  if (e instanceof ApiError) {
    // the short field text of the credit namespace, else the server's own sentence in the page's language
    const key = e.key ?? /^([a-z_]+):/.exec(e.message)?.[1];
    if (key) return t(`approval.errors.${key}`, { ns: CREDIT_NS, defaultValue: serverKeyText(e) ?? e.message });
  }
  return errorText(t, e);
}

export function ApprovalFields({ prefix = 'approver' }: { prefix?: string }) {
  const { t } = useTranslation(CREDIT_NS);
  return (
    <div className="credit-approval" data-testid="credit-approval">
      <div style={{ marginBottom: 8 }}>
        <SafetyCertificateOutlined style={{ color: '#1677ff', marginInlineEnd: 6 }} />
        <Typography.Text strong>{t('approval.title')}</Typography.Text>
        <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
          {t('approval.hint')}
        </Typography.Text>
      </div>
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
        <Form.Item name={`${prefix}Name`} label={t('approval.name')} style={{ minWidth: 200 }}>
          <Input data-testid="approval-name" maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item name={`${prefix}Password`} label={t('approval.password')} style={{ minWidth: 200 }}>
          <Input.Password data-testid="approval-password" maxLength={200} autoComplete="new-password" />
        </Form.Item>
      </div>
    </div>
  );
}
