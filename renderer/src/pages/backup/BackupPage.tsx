// Backup & restore page (备份与恢复): back up now to a folder (USB drives and recent folders as
// quick choices, optional password, same-disk warning, progress, verified result), automatic
// backups (on/off, keep N, USB folder), history, and restore (inspect → confirm → progress →
// reload). Self-contained: its strings live in ./i18n.ts (namespace 'backup').
import {
  CheckCircleTwoTone,
  CloseCircleTwoTone,
  FolderOpenOutlined,
  SafetyOutlined,
  UsbOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Progress,
  Space,
  Spin,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AutoBackupResult,
  BackupCreateResult,
  BackupHistoryEntry,
  BackupInspectResult,
  BackupJob,
  BackupProblemCode,
  BackupRestoreResult,
  BackupSettings,
  BackupStatus,
  BackupTarget,
} from '../../../../shared/types-backup';
import { BACKUP_KEEP_MAX, BACKUP_PASSWORD_MAX, BACKUP_PATH_MAX } from '../../../../shared/types-backup';
import { ApiError, call } from '../../api/client';
import { BACKUP_NS } from './i18n';
import type { CreditdeskShell, StagedPathOut } from '../../../../shared/ipc/shell';
import { errorText, serverKeyText } from '../../format/errors';
import i18n from '../../i18n';

const qkStatus = ['backup', 'status'] as const;
const qkProgress = ['backup', 'progress'] as const;

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v >= 100 ? 0 : 1)} ${units[i]}`;
}

const fmtTime = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm:ss');
const baseName = (p: string) => p.split(/[\\/]/).filter(Boolean).pop() ?? p;

function useT() {
  return useTranslation(BACKUP_NS).t;
}

/** Polls `backup:progress` every 300 ms while `active`. */
function useJobProgress(active: boolean) {
  return useQuery({
    queryKey: qkProgress,
    queryFn: () => call('backup:progress', {}),
    enabled: active,
    refetchInterval: active ? 300 : false,
    gcTime: 0,
  });
}

/** A failed call: the translated problem (from the job) plus the server's sentence. */
async function failureOf(e: unknown): Promise<{ problem: BackupProblemCode | null; message: string }> {
  let problem: BackupProblemCode | null = null;
  try {
    const job = await call('backup:progress', {});
    if (job && job.state === 'failed') problem = job.problem;
  } catch {
    /* ignore */
  }
  return {
    problem,
    message: serverKeyText(e) ?? (e instanceof ApiError || e instanceof Error ? e.message : String(e)),
  };
}

function ProblemAlert({
  title,
  problem,
  message,
}: {
  title: string;
  problem: BackupProblemCode | null;
  message: string | null;
}) {
  const t = useT();
  return (
    <Alert
      type="error"
      showIcon
      title={title}
      description={
        <Space orientation="vertical" size={2}>
          {problem && <span>{t(`problem.${problem}`)}</span>}
          {message && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('detail')}: {message}
            </Typography.Text>
          )}
        </Space>
      }
    />
  );
}

function JobBar({ job }: { job: BackupJob | null | undefined }) {
  const t = useT();
  if (!job || job.state !== 'running') return <Progress percent={0} status="active" />;
  const label = `${t(`phase.${job.phase}`)}${job.targets > 1 ? ` (${job.target}/${job.targets})` : ''}`;
  return (
    <div data-testid="backup-progress">
      <Typography.Text type="secondary">{label}</Typography.Text>
      <Progress percent={Math.floor(job.percent)} status="active" />
    </div>
  );
}

function TargetChoices({
  targets,
  onPick,
  title,
}: {
  targets: BackupTarget[];
  onPick: (p: string) => void;
  title: string;
}) {
  const t = useT();
  if (!targets.length) return null;
  return (
    <Space wrap size={[6, 6]}>
      <Typography.Text type="secondary">{title}:</Typography.Text>
      {targets.map((d) => {
        const usable = d.present && d.writable;
        const note = !d.present ? t('now.notPresent') : !d.writable ? t('now.readOnly') : null;
        return (
          <Tooltip key={d.path} title={d.path}>
            <Tag
              icon={d.removable ? <UsbOutlined /> : <FolderOpenOutlined />}
              color={usable ? (d.removable ? 'blue' : 'default') : 'default'}
              style={{ cursor: usable ? 'pointer' : 'not-allowed', opacity: usable ? 1 : 0.6 }}
              onClick={() => usable && onPick(d.path)}
            >
              {d.label}
              {note ? ` (${note})` : ''}
            </Tag>
          </Tooltip>
        );
      })}
    </Space>
  );
}

// ---- Backup now ---------------------------------------------------------------------------

function BackupNowCard({ status }: { status: BackupStatus }) {
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

// ---- Automatic backups --------------------------------------------------------------------

function AutoCard({ status }: { status: BackupStatus }) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [settings, setSettings] = useState<BackupSettings>(status.settings);
  useEffect(() => setSettings(status.settings), [status.settings]);

  const save = useMutation({
    mutationFn: () =>
      call('backup:update-settings', {
        auto: settings.auto,
        keep: settings.keep,
        usbTarget: settings.usbTarget?.trim() || null,
      }),
    onSuccess: (s) => {
      setSettings(s);
      void message.success(t('auto.saved'));
      void qc.invalidateQueries({ queryKey: qkStatus });
    },
    onError: (e) => void message.error(errorText(i18n.t, e)),
  });
  const run = useMutation({
    mutationFn: () => call('backup:run-auto', {}),
    onSuccess: () => void qc.invalidateQueries({ queryKey: qkStatus }),
    onError: (e) => void message.error(errorText(i18n.t, e)),
  });
  const job = useJobProgress(run.isPending);
  const dirty = JSON.stringify(settings) !== JSON.stringify(status.settings);
  const ran: AutoBackupResult | undefined = run.data;

  return (
    <Card title={t('auto.title')}>
      <Form layout="vertical" onFinish={() => save.mutate()}>
        <Form.Item>
          <Space>
            <Switch
              checked={settings.auto}
              onChange={(auto) => setSettings({ ...settings, auto })}
              data-testid="backup-auto"
            />
            <span>{t('auto.enabled')}</span>
          </Space>
        </Form.Item>
        <Form.Item label={t('auto.keep')}>
          <Space>
            <InputNumber
              min={1}
              max={BACKUP_KEEP_MAX}
              precision={0}
              value={settings.keep}
              onChange={(v) => typeof v === 'number' && setSettings({ ...settings, keep: v })}
              data-testid="backup-keep"
            />
            <span>{t('auto.keepUnit')}</span>
          </Space>
        </Form.Item>
        <Form.Item label={t('auto.usb')} extra={t('auto.usbHelp')}>
          <Input
            value={settings.usbTarget ?? ''}
            maxLength={BACKUP_PATH_MAX}
            placeholder={t('auto.usbPlaceholder')}
            onChange={(e) => setSettings({ ...settings, usbTarget: e.target.value || null })}
            allowClear
            data-testid="backup-usb-target"
          />
        </Form.Item>
        <div style={{ marginBottom: 16 }}>
          <TargetChoices
            title={t('now.drives')}
            targets={status.drives}
            onPick={(p) => setSettings({ ...settings, usbTarget: p })}
          />
        </div>
        <Typography.Paragraph type="secondary">
          {t('auto.last')}: {status.lastAutoAt ? fmtTime(status.lastAutoAt) : t('auto.never')}
        </Typography.Paragraph>
        <Space>
          <Button
            type="primary"
            htmlType="submit"
            disabled={!dirty}
            loading={save.isPending}
            data-testid="backup-auto-save"
          >
            {t('auto.save')}
          </Button>
          <Button onClick={() => run.mutate()} loading={run.isPending} disabled={dirty}>
            {t('auto.runNow')}
          </Button>
        </Space>
      </Form>
      {run.isPending && (
        <div style={{ marginTop: 16 }}>
          <JobBar job={job.data} />
        </div>
      )}
      {ran && !run.isPending && (
        <Space orientation="vertical" style={{ marginTop: 16 }}>
          {ran.targets.map((x) => (
            <Typography.Text key={x.dir} type={x.ok ? 'success' : x.skipped ? 'secondary' : 'danger'}>
              {x.ok ? (
                <CheckCircleTwoTone twoToneColor="#52c41a" />
              ) : (
                <CloseCircleTwoTone twoToneColor={x.skipped ? '#bfbfbf' : '#ff4d4f'} />
              )}{' '}
              {x.dir}: {x.ok ? t('auto.targetOk') : x.skipped ? t('auto.targetSkipped') : t('auto.targetFailed')}
              {!x.ok && x.problem ? ` — ${t(`problem.${x.problem}`)}` : ''}
            </Typography.Text>
          ))}
        </Space>
      )}
    </Card>
  );
}

// ---- History ------------------------------------------------------------------------------

function HistoryCard({ history }: { history: BackupHistoryEntry[] }) {
  const t = useT();
  return (
    <Card title={t('history.title')}>
      <Table<BackupHistoryEntry>
        size="small"
        rowKey="id"
        dataSource={history}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('history.empty') }}
        data-testid="backup-history"
        columns={[
          { title: t('history.time'), dataIndex: 'at', width: 170, render: (v: string) => fmtTime(v) },
          {
            title: t('history.kind'),
            dataIndex: 'kind',
            width: 130,
            render: (v: BackupHistoryEntry['kind']) => t(`history.kinds.${v}`),
          },
          {
            title: t('history.file'),
            dataIndex: 'file',
            ellipsis: true,
            render: (_: unknown, r) =>
              r.file ? (
                <Tooltip title={r.file}>
                  <Typography.Text copyable={{ text: r.file }}>{baseName(r.file)}</Typography.Text>
                </Tooltip>
              ) : (
                <Tooltip title={r.message ?? ''}>
                  <Typography.Text type="danger">
                    {r.dir} — {r.problem ? t(`problem.${r.problem}`) : t('history.failed')}
                  </Typography.Text>
                </Tooltip>
              ),
          },
          {
            title: t('history.size'),
            dataIndex: 'bytes',
            width: 100,
            align: 'right',
            render: (v: number, r) => (r.ok ? formatBytes(v) : ''),
          },
          {
            title: t('history.encrypted'),
            dataIndex: 'encrypted',
            width: 80,
            render: (v: boolean, r) => (r.ok ? v ? <Tag color="gold">{t('history.yes')}</Tag> : t('history.no') : ''),
          },
          {
            title: t('history.verified'),
            dataIndex: 'verified',
            width: 80,
            render: (v: boolean) =>
              v ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#ff4d4f" />,
          },
        ]}
      />
    </Card>
  );
}

// ---- Restore ------------------------------------------------------------------------------

function RestoreCard({ status }: { status: BackupStatus }) {
  const t = useT();
  const { modal } = App.useApp();
  const [file, setFile] = useState('');
  const [pw, setPw] = useState('');
  const [failure, setFailure] = useState<{ problem: BackupProblemCode | null; message: string } | null>(null);
  const [done, setDone] = useState<BackupRestoreResult | null>(null);

  const inspect = useMutation({
    mutationFn: () => call('backup:inspect', { file: file.trim(), ...(pw ? { password: pw } : {}) }),
    onMutate: () => setFailure(null),
    onError: async (e) => setFailure(await failureOf(e)),
  });
  const restore = useMutation({
    mutationFn: () => call('backup:restore', { file: file.trim(), ...(pw ? { password: pw } : {}), confirm: true }),
    onMutate: () => setFailure(null),
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
              <ProblemAlert title={t('restore.notVerified')} problem={current.problem} message={current.message} />
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

// ---- Page ---------------------------------------------------------------------------------

export function BackupPage() {
  const t = useT();
  const status = useQuery({ queryKey: qkStatus, queryFn: () => call('backup:status', {}) });
  if (status.isPending) return <Spin />;
  if (status.isError) {
    return (
      <ProblemAlert
        title={t('title')}
        problem={null}
        message={status.error instanceof Error ? status.error.message : String(status.error)}
      />
    );
  }
  const s = status.data;
  return (
    <div data-testid="backup-page">
      <Typography.Title level={3}>{t('title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Typography.Paragraph>
        {t('book')}: <Typography.Text strong>{s.book.company}</Typography.Text>{' '}
        <Typography.Text type="secondary" copyable={{ text: s.book.path }}>
          {s.book.path}
        </Typography.Text>{' '}
        · {t('bookSize')} {formatBytes(s.book.bytes)}
      </Typography.Paragraph>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <BackupNowCard status={s} />
        <AutoCard status={s} />
        <HistoryCard history={s.history} />
        <RestoreCard status={s} />
      </Space>
    </div>
  );
}

export default BackupPage;
