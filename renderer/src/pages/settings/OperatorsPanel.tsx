// Operators: list + create (name, optional password).
import { LockOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Operator } from '@shared/types';
import { ApiError, call } from '../../api/client';
import { errorText } from '../../format/errors';
import { qk, useAppInfo, useOperators } from '../../hooks/queries';

export function OperatorsPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const operators = useOperators();
  const info = useAppInfo();
  const [form] = Form.useForm<{ name: string; password?: string }>();
  const create = useMutation({
    mutationFn: (v: { name: string; password?: string }) =>
      call('operators:create', { name: v.name.trim(), ...(v.password ? { password: v.password } : {}) }),
    onSuccess: (op) => {
      form.resetFields();
      void qc.invalidateQueries({ queryKey: qk.operators });
      void qc.invalidateQueries({ queryKey: qk.appInfo });
      void message.success(t('settings.operatorCreated', { name: op.name }));
    },
    onError: (e) => {
      if (e instanceof ApiError && e.field === 'name') form.setFields([{ name: 'name', errors: [errorText(t, e)] }]);
      else void message.error(errorText(t, e));
    },
  });
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 720 }}>
      <Table<Operator>
        size="small"
        rowKey="id"
        loading={operators.isPending}
        dataSource={operators.data ?? []}
        pagination={false}
        data-testid="operators-table"
        columns={[
          {
            title: t('settings.operatorName'),
            dataIndex: 'name',
            render: (n: string, op) => (
              <span>
                {n} {info.data?.currentOperator?.id === op.id && <Tag color="blue">{t('settings.current')}</Tag>}
              </span>
            ),
          },
          {
            title: t('login.password'),
            dataIndex: 'hasPassword',
            width: 160,
            render: (has: boolean) =>
              has ? (
                <span>
                  <LockOutlined /> {t('settings.hasPassword')}
                </span>
              ) : (
                <span className="muted">{t('settings.noPassword')}</span>
              ),
          },
        ]}
      />
      <Form form={form} layout="inline" onFinish={(v) => create.mutate(v)}>
        <Form.Item name="name" rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input placeholder={t('settings.operatorName')} maxLength={40} data-testid="new-operator-name" />
        </Form.Item>
        <Form.Item name="password">
          <Input.Password
            placeholder={t('settings.operatorPassword')}
            maxLength={200}
            autoComplete="new-password"
            data-testid="new-operator-password"
          />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          icon={<PlusOutlined />}
          loading={create.isPending}
          data-testid="create-operator"
        >
          {t('settings.createOperator')}
        </Button>
      </Form>
    </Space>
  );
}
