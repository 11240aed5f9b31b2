// Operator roles on the credit settings page: 管理员 / 信用主管 / 会计 / 只读. Only an administrator
// changes a role (main refuses anyone else and keeps the last administrator); each change is audited.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Card, Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { OPERATOR_ROLES, type Operator, type OperatorRole } from '@shared/types';
import { call } from '../../../api/client';
import { qk, useAppInfo, useOperators } from '../../../hooks/queries';
import { approvalErrorText } from '../ApprovalFields';
import { CREDIT_NS } from '../i18n';

export function RolesCard() {
  const { t } = useTranslation(CREDIT_NS);
  const { t: tg } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const operators = useOperators();
  const info = useAppInfo();
  const isAdmin = (info.data?.currentOperator?.role ?? 'admin') === 'admin';
  const setRole = useMutation({
    mutationFn: (v: { id: number; role: OperatorRole }) => call('operators:set-role', v),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: qk.operators });
      void qc.invalidateQueries({ queryKey: qk.appInfo });
      void message.success(t('settings.roleSaved', { name: r.name, role: t(`role.${r.role}`) }));
    },
    onError: (e) => {
      void qc.invalidateQueries({ queryKey: qk.operators });
      void message.error(approvalErrorText(tg, e));
    },
  });
  return (
    <Card
      size="small"
      title={t('settings.roles')}
      data-testid="credit-settings-roles"
      style={{ marginTop: 16, maxWidth: 880 }}
    >
      <Typography.Paragraph type="secondary">{t('settings.rolesHint')}</Typography.Paragraph>
      <Table<Operator>
        size="small"
        rowKey="id"
        pagination={false}
        loading={operators.isPending}
        dataSource={operators.data ?? []}
        columns={[
          {
            title: t('settings.operator'),
            dataIndex: 'name',
            render: (n: string, op) => (
              <span>
                {n} {info.data?.currentOperator?.id === op.id && <Tag color="blue">{t('settings.you')}</Tag>}
              </span>
            ),
          },
          {
            title: t('settings.role'),
            key: 'role',
            width: 200,
            render: (_: unknown, op) => (
              <Select<OperatorRole>
                value={op.role ?? 'admin'}
                disabled={!isAdmin || setRole.isPending}
                style={{ width: 160 }}
                onChange={(role) => setRole.mutate({ id: op.id, role })}
                options={OPERATOR_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
                data-testid={`role-${op.name}`}
              />
            ),
          },
          {
            title: t('settings.mayDo'),
            key: 'may',
            render: (_: unknown, op) => <span className="muted">{t(`settings.roleMay.${op.role ?? 'admin'}`)}</span>,
          },
        ]}
      />
    </Card>
  );
}
