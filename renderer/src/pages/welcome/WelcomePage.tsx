// First start on an empty book: set up the company's own book (name, header, first operator with
// an optional password) or open a demo book to look around; then "what to do first" — import
// customers, invoices, receipts — with the import buttons right here.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { AppInfo } from '@shared/types';
import { ApiError, call } from '../../api/client';
import { errorText } from '../../format/errors';
import { qk } from '../../hooks/queries';
import { ImportButton } from '../customers/list/ImportButton';
import { ArImportButtons } from '../receivables/ArImportButtons';
import { WELCOME_NS } from './i18n';
import './welcome.css';

interface SetUpValues {
  name: string;
  address?: string;
  phone?: string;
  taxId?: string;
  bankAccount?: string;
  operatorName: string;
  password?: string;
}

export function WelcomePage({ info }: { info: AppInfo }) {
  const { t } = useTranslation(WELCOME_NS);
  const { t: tc } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<SetUpValues>();
  const [doneName, setDoneName] = useState<string | null>(null);
  const showError = (e: unknown) =>
    e instanceof ApiError && e.message.startsWith('welcome.')
      ? t(`errors.${e.message.slice('welcome.'.length)}`)
      : errorText(tc, e);

  const setUp = useMutation({
    mutationFn: (v: SetUpValues) => call('welcome:set-up', { ...v, password: v.password || undefined }),
    onSuccess: (next) => {
      qc.setQueryData(qk.appInfo, next);
      void qc.invalidateQueries();
      setDoneName(next.book.company);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.field)
        form.setFields([{ name: e.field as keyof SetUpValues, errors: [showError(e)] }]);
    },
  });
  const demo = useMutation({
    mutationFn: () => call('welcome:open-demo', {}),
    onSuccess: (next) => {
      qc.setQueryData(qk.appInfo, next);
      void qc.invalidateQueries();
      navigate('/customers');
    },
  });

  const stepsCard = (
    <Card title={t('steps.title')} data-testid="welcome-steps">
      <Steps
        orientation="vertical"
        current={-1}
        items={[
          {
            title: t('steps.customers'),
            description: (
              <div className="welcome-step">
                <Typography.Text type="secondary">{t('steps.customersHelp')}</Typography.Text>
                <div className="welcome-step-actions">
                  <ImportButton />
                  <Button onClick={() => navigate('/customers/new')}>{t('steps.newCustomer')}</Button>
                </div>
              </div>
            ),
          },
          {
            title: t('steps.invoices'),
            description: (
              <div className="welcome-step">
                <Typography.Text type="secondary">{t('steps.invoicesHelp')}</Typography.Text>
                <div className="welcome-step-actions">
                  <ArImportButtons kinds={['invoices']} />
                </div>
              </div>
            ),
          },
          {
            title: t('steps.receipts'),
            description: (
              <div className="welcome-step">
                <Typography.Text type="secondary">{t('steps.receiptsHelp')}</Typography.Text>
                <div className="welcome-step-actions">
                  <ArImportButtons kinds={['receipts']} />
                </div>
              </div>
            ),
          },
        ]}
      />
      <Button type="link" onClick={() => navigate('/customers')} data-testid="welcome-later" style={{ paddingLeft: 0 }}>
        {t('steps.later')}
      </Button>
    </Card>
  );

  return (
    <div className="page welcome" data-testid="welcome">
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {doneName ? t('setUp.done', { name: doneName }) : t('intro')}
        </Typography.Paragraph>
      </div>
      {!doneName && (
        <div className="welcome-choices">
          <Card title={t('setUp.title')} className="welcome-setup" data-testid="welcome-setup">
            <Typography.Paragraph type="secondary">{t('setUp.help')}</Typography.Paragraph>
            <Form
              form={form}
              layout="vertical"
              requiredMark={false}
              initialValues={{
                name: info.book.company === 'CreditDesk' ? '' : info.book.company,
                operatorName: info.currentOperator?.name ?? '',
              }}
              onFinish={(v) => setUp.mutate(v)}
            >
              <Form.Item
                name="name"
                label={t('setUp.name')}
                rules={[
                  {
                    required: true,
                    whitespace: true,
                    message: tc('validation.required'),
                  },
                ]}
              >
                <Input maxLength={100} data-testid="welcome-company" />
              </Form.Item>
              <div className="welcome-row">
                <Form.Item name="address" label={t('setUp.address')}>
                  <Input maxLength={200} />
                </Form.Item>
                <Form.Item name="phone" label={t('setUp.phone')}>
                  <Input maxLength={40} />
                </Form.Item>
              </div>
              <div className="welcome-row">
                <Form.Item name="taxId" label={t('setUp.taxId')}>
                  <Input maxLength={40} />
                </Form.Item>
                <Form.Item name="bankAccount" label={t('setUp.bankAccount')}>
                  <Input maxLength={100} />
                </Form.Item>
              </div>
              <div className="welcome-row">
                <Form.Item
                  name="operatorName"
                  label={t('setUp.operator')}
                  extra={t('setUp.operatorHelp')}
                  rules={[
                    {
                      required: true,
                      whitespace: true,
                      message: tc('validation.required'),
                    },
                  ]}
                >
                  <Input maxLength={40} data-testid="welcome-operator" />
                </Form.Item>
                <Form.Item name="password" label={t('setUp.password')} extra={t('setUp.passwordHelp')}>
                  <Input.Password maxLength={200} autoComplete="new-password" data-testid="welcome-password" />
                </Form.Item>
              </div>
              {setUp.isError && !(setUp.error instanceof ApiError && setUp.error.field) && (
                <Alert type="error" showIcon title={showError(setUp.error)} style={{ marginBottom: 12 }} />
              )}
              <Button type="primary" htmlType="submit" loading={setUp.isPending} data-testid="welcome-create">
                {t('setUp.submit')}
              </Button>
            </Form>
          </Card>
          <div className="welcome-side">
            <Card title={t('demo.title')} className="welcome-demo" data-testid="welcome-demo">
              <Typography.Paragraph type="secondary">{t('demo.help')}</Typography.Paragraph>
              {demo.isError && (
                <Alert type="error" showIcon title={showError(demo.error)} style={{ marginBottom: 12 }} />
              )}
              <Button onClick={() => demo.mutate()} loading={demo.isPending} data-testid="welcome-open-demo">
                {demo.isPending ? t('demo.opening') : t('demo.open')}
              </Button>
            </Card>
            {stepsCard}
          </div>
        </div>
      )}
      {doneName && stepsCard}
    </div>
  );
}
