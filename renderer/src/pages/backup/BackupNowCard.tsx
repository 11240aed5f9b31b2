// Back up now (立即备份): target folder (USB drives and recent folders as quick choices),
// optional password, same-disk warning, progress, the verified result.
import { SafetyOutlined, UsbOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import type { BackupCreateResult, BackupProblemCode, BackupStatus, BackupTarget } from '@shared/types-backup';
import { BACKUP_PASSWORD_MAX, BACKUP_PATH_MAX } from '@shared/types-backup';
import type { CreditdeskShell, StagedPathOut } from '@shared/ipc/shell';
import { call } from '../../api/client';
import {
  JobBar,
  ProblemAlert,
  TargetChoices,
  failureOf,
  formatBytes,
  qkStatus,
  useJobProgress,
  useT,
} from './backup-common';

export function BackupNowCard({ status }: { status: BackupStatus }) {
  const t = useT();
  const qc = useQueryClient();
  const firstChoice =
    status.drives.find((d) => d.present && d.writable)?.path ?? status.recentTargets.find((r) => r.present)?.path ?? '';
  const [dir, setDir] = useState(firstChoice);
  // desktop: a folder chosen in the native dialog is sent as its one-time token (#15 10f)
  const [chosen, setChosen] = useState<StagedPathOut | null>(null);
  const chooseDir = (window as { creditdeskShell?: CreditdeskShell }).creditdeskShell?.chooseBackupDir;
  const [encrypt, setEncrypt] = useState(false);
  const [pw, setPw] = useState('');
  const [pw2, setPw2] = useState('');
  const [failure, setFailure] = useState<{ problem: BackupProblemCode | null; message: string } | null>(null);

  const create = useMutation({
    mutationFn: () =>
      call('backup:create', {
        ...(chosen && chosen.path === dir.trim() ? { dirToken: chosen.token } : { dir: dir.trim() }),
        ...(encrypt ? { password: pw } : {}),
      }),
    onMutate: () => setFailure(null),
    onSettled: () => setChosen(null), // the token is spent either way
    onSuccess: () => {
      setPw('');
      setPw2('');
      void qc.invalidateQueries({ queryKey: qkStatus });
    },
    onError: async (e) => {
      setFailure(await failureOf(e));
      void qc.invalidateQueries({ queryKey: qkStatus });
    },
  });
  const job = useJobProgress(create.isPending);

  const known = [...status.drives, ...status.recentTargets].find((x) => x.path === dir.trim());
  const pwMismatch = encrypt && pw2 !== '' && pw !== pw2;
  const canRun = dir.trim() !== '' && (!encrypt || (pw !== '' && pw === pw2)) && !create.isPending;
  const result: BackupCreateResult | undefined = create.data;
  const localChoice: BackupTarget = {
    path: status.defaultDir,
    label: t('now.defaultFolder'),
    present: true,
    writable: true,
    sameDisk: true,
    removable: false,
  };

  return (
    <Card
      title={
        <Space>
          <SafetyOutlined />
          {t('now.title')}
        </Space>
      }
    >
      <Form layout="vertical" onFinish={() => canRun && create.mutate()}>
        <Form.Item label={t('now.folder')} extra={t('now.folderHelp')} required>
          <Input
            data-testid="backup-dir"
            value={dir}
            maxLength={BACKUP_PATH_MAX}
            placeholder={t('now.folderPlaceholder')}
            onChange={(e) => setDir(e.target.value)}
            allowClear
          />
        </Form.Item>
        {chooseDir && (
          <Button
            data-testid="backup-choose-dir"
            style={{ marginTop: -8, marginBottom: 16 }}
            onClick={async () => {
              const c = await chooseDir();
              if (c) {
                setChosen(c);
                setDir(c.path);
              }
            }}
          >
            {t('now.chooseFolder')}
          </Button>
        )}
        <Space orientation="vertical" size={6} style={{ marginBottom: 16, width: '100%' }}>
          {status.drives.length ? (
            <TargetChoices title={t('now.drives')} targets={status.drives} onPick={setDir} />
          ) : (
            <Typography.Text type="secondary">
              <UsbOutlined /> {t('now.noDrives')}
            </Typography.Text>
          )}
          <TargetChoices
            title={t('now.recent')}
            targets={[...status.recentTargets.filter((r) => r.path !== status.defaultDir), localChoice]}
            onPick={setDir}
          />
        </Space>
        {known?.sameDisk && !create.isPending && !result && (
          <Alert type="warning" showIcon title={t('now.sameDisk')} style={{ marginBottom: 16 }} />
        )}
        <Form.Item>
          <Checkbox checked={encrypt} onChange={(e) => setEncrypt(e.target.checked)} data-testid="backup-encrypt">
            {t('now.encrypt')}
          </Checkbox>
        </Form.Item>
        {encrypt && (
          <Space wrap align="start" style={{ display: 'flex' }}>
            <Form.Item label={t('now.password')} extra={t('now.passwordHint')}>
              <Input.Password
                value={pw}
                maxLength={BACKUP_PASSWORD_MAX}
                onChange={(e) => setPw(e.target.value)}
                autoComplete="new-password"
                data-testid="backup-password"
              />
            </Form.Item>
            <Form.Item
              label={t('now.passwordConfirm')}
              validateStatus={pwMismatch ? 'error' : undefined}
              help={pwMismatch ? t('now.passwordMismatch') : undefined}
            >
              <Input.Password
                value={pw2}
                maxLength={BACKUP_PASSWORD_MAX}
                onChange={(e) => setPw2(e.target.value)}
                autoComplete="new-password"
                data-testid="backup-password2"
              />
            </Form.Item>
          </Space>
        )}
        <Button type="primary" htmlType="submit" disabled={!canRun} loading={create.isPending} data-testid="backup-now">
          {create.isPending ? t('now.running') : t('now.start')}
        </Button>
      </Form>
      {create.isPending && (
        <div style={{ marginTop: 16 }}>
          <JobBar job={job.data} />
        </div>
      )}
      {result && !create.isPending && (
        <div data-testid="backup-result" style={{ marginTop: 16 }}>
          <Alert
            type="success"
            showIcon
            title={t('now.done')}
            description={
              <Space orientation="vertical" size={2}>
                <span>
                  {t('now.file')}: <Typography.Text copyable={{ text: result.file }}>{result.fileName}</Typography.Text>
                </span>
                <span>
                  {t('now.size')}: {formatBytes(result.bytes)}
                </span>
                {result.rotated.length > 0 && <span>{t('now.rotated', { count: result.rotated.length })}</span>}
              </Space>
            }
          />
          {result.sameDiskWarning && (
            <Alert
              type="warning"
              showIcon
              title={t('now.sameDisk')}
              style={{ marginTop: 8 }}
              data-testid="backup-same-disk"
            />
          )}
        </div>
      )}
      {failure && !create.isPending && (
        <div style={{ marginTop: 16 }} data-testid="backup-error">
          <ProblemAlert title={t('now.failed')} problem={failure.problem} message={failure.message} />
        </div>
      )}
    </Card>
  );
}
