// Restore (恢复): inspect a backup file → confirm → progress → the app reopens the restored book.
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Input, Space, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { BackupInspectResult, BackupProblemCode, BackupRestoreResult, BackupStatus } from '@shared/types-backup';
import { BACKUP_PASSWORD_MAX, BACKUP_PATH_MAX } from '@shared/types-backup';
import type { CreditdeskShell, StagedPathOut } from '@shared/ipc/shell';
import { call } from '../../api/client';
import {
  JobBar,
  ProblemAlert,
  baseName,
  detailText,
  failureOf,
  fmtTime,
  formatBytes,
  useJobProgress,
  useT,
} from './backup-common';

export function RestoreCard({ status }: { status: BackupStatus }) {
  const t = useT();
  const { modal } = App.useApp();
  const [file, setFile] = useState('');
  const [pw, setPw] = useState('');
  // desktop: a file chosen in the native dialog is sent as its token (#15 10f); inspect keeps
  // the token, the restore spends it
  const [chosen, setChosen] = useState<StagedPathOut | null>(null);
  const chooseFile = (window as { creditdeskShell?: CreditdeskShell }).creditdeskShell?.chooseBackupFile;
  const source = () => (chosen && chosen.path === file.trim() ? { fileToken: chosen.token } : { file: file.trim() });
  const [failure, setFailure] = useState<{ problem: BackupProblemCode | null; message: string } | null>(null);
  const [done, setDone] = useState<BackupRestoreResult | null>(null);

  const inspect = useMutation({
    mutationFn: () => call('backup:inspect', { ...source(), ...(pw ? { password: pw } : {}) }),
    onMutate: () => setFailure(null),
    onError: async (e) => setFailure(await failureOf(e)),
  });
  const restore = useMutation({
    mutationFn: () => call('backup:restore', { ...source(), ...(pw ? { password: pw } : {}), confirm: true }),
    onMutate: () => setFailure(null),
    onSettled: () => setChosen(null), // the token is spent either way
    onSuccess: (r) => {
      setDone(r);
      setPw('');
      // the book was replaced and the session reset: reload the whole app
      setTimeout(() => window.location.reload(), 1500);
    },
    onError: async (e) => setFailure(await failureOf(e)),
  });
  const job = useJobProgress(inspect.isPending || restore.isPending);
  // reset whenever the file or password changes, so a result always belongs to what is shown
  const current: BackupInspectResult | undefined = inspect.data;

  const recentFiles = useMemo(() => {
    const seen = new Set<string>();
    return status.history
      .filter((h) => h.ok && h.file && !seen.has(h.file) && seen.add(h.file))
      .slice(0, 5)
      .map((h) => h.file as string);
  }, [status.history]);

  const confirm = () => {
    if (!current?.manifest) return;
    modal.confirm({
      title: t('restore.confirmTitle'),
      content: t('restore.confirmBody', {
        date: fmtTime(current.manifest.createdAt),
        company: current.manifest.company,
      }),
      okText: t('restore.confirmOk'),
      okButtonProps: { danger: true, 'data-testid': 'restore-confirm-ok' } as { danger: boolean },
      cancelText: t('restore.cancel'),
      onOk: () => {
        restore.mutate();
      },
    });
  };

  const m = current?.manifest;
  const busy = inspect.isPending || restore.isPending;
  return (
    <Card title={t('restore.title')}>
      <Form layout="vertical" onFinish={() => file.trim() && inspect.mutate()}>
        <Form.Item label={t('restore.file')} required>
          <Input
            data-testid="restore-file"
            value={file}
            maxLength={BACKUP_PATH_MAX}
            placeholder={t('restore.filePlaceholder')}
            onChange={(e) => {
              setFile(e.target.value);
              inspect.reset();
            }}
            allowClear
            disabled={restore.isPending || !!done}
          />
        </Form.Item>
        {chooseFile && (
          <div style={{ marginTop: -8, marginBottom: 16 }}>
            <Button
              data-testid="restore-choose-file"
              disabled={restore.isPending || !!done}
              onClick={async () => {
                const c = await chooseFile();
                if (c) {
                  setChosen(c);
                  setFile(c.path);
                  inspect.reset();
                }
              }}
            >
              {t('restore.chooseFile')}
            </Button>
          </div>
        )}
        {recentFiles.length > 0 && (
          <Space wrap size={[6, 6]} style={{ marginBottom: 16 }}>
            <Typography.Text type="secondary">{t('restore.recentFiles')}:</Typography.Text>
            {recentFiles.map((f) => (
              <Tooltip key={f} title={f}>
                <Tag
                  style={{ cursor: 'pointer' }}
                  onClick={() => {
                    setFile(f);
                    inspect.reset();
                  }}
                >
                  {baseName(f)}
                </Tag>
              </Tooltip>
            ))}
          </Space>
        )}
        <Form.Item label={t('restore.password')}>
          <Input.Password
            value={pw}
            maxLength={BACKUP_PASSWORD_MAX}
            onChange={(e) => {
              setPw(e.target.value);
              inspect.reset();
            }}
            autoComplete="off"
            data-testid="restore-password"
            disabled={restore.isPending || !!done}
          />
        </Form.Item>
        <Space>
          <Button
            htmlType="submit"
            disabled={!file.trim() || busy || !!done}
            loading={inspect.isPending}
            data-testid="restore-inspect"
          >
            {inspect.isPending ? t('restore.inspecting') : t('restore.inspect')}
          </Button>
          <Button
            danger
            type="primary"
            disabled={!current?.verified || !current.compatible || busy || !!done}
            loading={restore.isPending}
            onClick={confirm}
            data-testid="restore-confirm"
          >
            {restore.isPending ? t('restore.running') : t('restore.confirm')}
          </Button>
        </Space>
      </Form>
      {busy && (
        <div style={{ marginTop: 16 }}>
          <JobBar job={job.data} />
        </div>
      )}
      {current && !busy && !done && (
        <div style={{ marginTop: 16 }} data-testid="restore-manifest">
          {m && (
            <Descriptions
              size="small"
              bordered
              column={2}
              items={[
                {
                  key: 'company',
                  label: t('restore.company'),
                  children: m.company || (m.encrypted ? t('restore.sealed') : ''),
                },
                { key: 'createdAt', label: t('restore.createdAt'), children: fmtTime(m.createdAt) },
                { key: 'app', label: t('restore.app'), children: m.appVersion },
                { key: 'schema', label: t('restore.schema'), children: m.schemaVersion },
                {
                  key: 'encrypted',
                  label: t('restore.encrypted'),
                  children: m.encrypted ? t('history.yes') : t('history.no'),
                },
                { key: 'size', label: t('restore.size'), children: formatBytes(m.payloadBytes) },
                {
                  key: 'rows',
                  label: t('restore.rows'),
                  span: 2,
                  children:
                    m.encrypted && Object.keys(m.tables).length === 0
                      ? t('restore.sealed')
                      : [
                          `${t('restore.customers')} ${m.tables.customers ?? 0}`,
                          m.tables.invoices !== undefined ? `${t('restore.invoices')} ${m.tables.invoices}` : null,
                          `${t('restore.totalRows')} ${m.totalRows}`,
                        ]
                          .filter(Boolean)
                          .join(' · '),
                },
              ]}
            />
          )}
          <div style={{ marginTop: 12 }}>
            {current.verified ? (
              current.compatible ? (
                <Alert type="success" showIcon title={t('restore.verified')} />
              ) : (
                <Alert type="error" showIcon title={t('restore.incompatible')} />
              )
            ) : (
              <ProblemAlert title={t('restore.notVerified')} problem={current.problem} message={detailText(current)} />
            )}
          </div>
        </div>
      )}
      {done && (
        <div style={{ marginTop: 16 }} data-testid="restore-done">
          <Alert
            type="success"
            showIcon
            title={t('restore.done')}
            description={done.savedAside ? t('restore.savedAside', { file: done.savedAside }) : undefined}
          />
        </div>
      )}
      {failure && !busy && (
        <div style={{ marginTop: 16 }} data-testid="restore-error">
          <ProblemAlert title={t('restore.failed')} problem={failure.problem} message={failure.message} />
        </div>
      )}
    </Card>
  );
}
