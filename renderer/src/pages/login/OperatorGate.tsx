// "Who is working?": choose an operator (password when they have one) → operators:login.
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Avatar, Button, Card, Input, List, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, Operator } from '@shared/types';
import { ApiError, call } from '../../api/client';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { errorText } from '../../format/errors';

export function OperatorGate({ info, onDone, onCancel }: { info: AppInfo; onDone: () => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [chosen, setChosen] = useState<Operator | null>(null);
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: (op: Operator) =>
      call('operators:login', { id: op.id, password: op.hasPassword ? password : undefined }),
    onSuccess: async () => {
      setPassword('');
      await qc.invalidateQueries();
      onDone();
    },
  });

  const choose = (op: Operator) => {
    setChosen(op);
    login.reset();
    if (!op.hasPassword) login.mutate(op);
  };

  return (
    <div className="full-center gate">
      <Card style={{ width: 440 }} data-testid="operator-gate">
        <div style={{ display: 'flex', alignItems: 'center', marginBottom: 8 }}>
          <Typography.Title level={3} style={{ margin: 0, flex: 1 }}>
            {t('login.title')}
          </Typography.Title>
          <LanguageSwitch />
        </div>
        <Typography.Paragraph type="secondary">{info.book.company}</Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {t('login.subtitle')}
        </Typography.Paragraph>
        {info.operators.length === 0 && <Alert type="warning" title={t('login.noOperators')} />}
        <List
          bordered
          dataSource={info.operators}
          renderItem={(op) => (
            <List.Item
              style={{ cursor: 'pointer', background: chosen?.id === op.id ? '#f0f6ff' : undefined }}
              onClick={() => choose(op)}
              data-testid="operator-choice"
              data-name={op.name}
            >
              <List.Item.Meta
                avatar={<Avatar icon={<UserOutlined />} style={{ background: '#1f5fbf' }} />}
                title={op.name}
                description={op.hasPassword ? <LockOutlined /> : null}
              />
            </List.Item>
          )}
        />
        {chosen?.hasPassword && (
          <form
            style={{ marginTop: 16, display: 'flex', gap: 8 }}
            onSubmit={(e) => {
              e.preventDefault();
              login.mutate(chosen);
            }}
          >
            <Input.Password
              autoFocus
              placeholder={t('login.password')}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              data-testid="operator-password"
            />
            <Button type="primary" htmlType="submit" loading={login.isPending}>
              {t('login.enter')}
            </Button>
          </form>
        )}
        {login.isError && (
          <Alert
            style={{ marginTop: 12 }}
            type="error"
            title={
              login.error instanceof ApiError && login.error.field === 'password'
                ? t('login.wrongPassword')
                : errorText(t, login.error)
            }
            data-testid="login-error"
          />
        )}
        {onCancel && (
          <Button style={{ marginTop: 16 }} block onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
      </Card>
    </div>
  );
}
