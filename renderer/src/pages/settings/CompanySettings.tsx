// Company settings: name, address, tax id, phone, bank account, currency, logo (data URL ≤ 500 KB).
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, Form, Input, Row, Select, Space, Spin, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanySettings as Company } from '@shared/types';
import { ApiError, call } from '../../api/client';
import { errorText, issueText } from '../../format/errors';
import { readAsDataUrl } from '../../format/files';
import { qk, useCompany } from '../../hooks/queries';
import { useFormLanguage } from '../../hooks/useFormLanguage';

export const LOGO_MAX_BYTES = 500 * 1024;
const CURRENCIES = ['CNY', 'HKD', 'USD', 'EUR'];

export function CompanySettings() {
  const { t } = useTranslation();
  const company = useCompany();
  if (company.isPending) return <Spin />;
  if (company.isError) return <Typography.Text type="danger">{errorText(t, company.error)}</Typography.Text>;
  return <CompanyForm initial={company.data} />;
}

function CompanyForm({ initial }: { initial: Company }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Company>();
  useFormLanguage(form);

  const save = useMutation({
    mutationFn: (v: Company) => call('settings:update-company', v),
    onSuccess: (c) => {
      qc.setQueryData(qk.company, c);
      void qc.invalidateQueries({ queryKey: qk.appInfo });
      void qc.invalidateQueries({ queryKey: qk.audit });
      void message.success(t('common.saved'));
    },
    onError: (e) => {
      if (e instanceof ApiError && e.field && e.rows?.length) {
        form.setFields(e.rows.map((r) => ({ name: r.field as keyof Company, errors: [issueText(t, r.message)] })));
      } else void message.error(errorText(t, e));
    },
  });

  const req = [{ required: true, whitespace: true, message: t('validation.required') }];
  return (
    <Form<Company>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={(v) => save.mutate({ ...initial, ...v })}
      style={{ maxWidth: 860 }}
    >
      <Row gutter={20}>
        <Col span={12}>
          <Form.Item name="name" label={t('settings.companyName')} rules={req}>
            <Input maxLength={100} data-testid="company-name-input" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="taxId" label={t('settings.taxId')}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="address" label={t('settings.address')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="phone" label={t('settings.phone')}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="bankAccount" label={t('settings.bankAccount')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="currency" label={t('settings.currency')} rules={req}>
            <Select options={CURRENCIES.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="logoDataUrl" label={t('settings.logo')} extra={t('settings.logoHint')}>
            <LogoField />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="save-company">
        {t('common.save')}
      </Button>
    </Form>
  );
}

/** Controlled by Form.Item: value is the logo data URL (or null). */
function LogoField({ value, onChange }: { value?: string | null; onChange?: (v: string | null) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const file = useRef<HTMLInputElement>(null);
  const pick = async (f: File) => {
    if (!/^image\/(png|jpeg|svg\+xml)$/.test(f.type)) return void message.error(t('settings.logoBadType'));
    if (f.size > LOGO_MAX_BYTES) return void message.error(t('settings.logoTooLarge'));
    onChange?.(await readAsDataUrl(f));
  };
  return (
    <Space align="center">
      {value ? (
        <img
          src={value}
          alt=""
          style={{ height: 48, maxWidth: 160, objectFit: 'contain', border: '1px solid #e3e7ee', borderRadius: 4 }}
        />
      ) : null}
      <input
        ref={file}
        type="file"
        accept="image/png,image/jpeg,image/svg+xml"
        style={{ display: 'none' }}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void pick(f);
        }}
      />
      <Button icon={<UploadOutlined />} onClick={() => file.current?.click()}>
        {t('settings.uploadLogo')}
      </Button>
      {value && (
        <Button icon={<DeleteOutlined />} onClick={() => onChange?.(null)}>
          {t('settings.removeLogo')}
        </Button>
      )}
    </Space>
  );
}
