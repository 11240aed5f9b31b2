// What the backup page's cards share: query keys, formatting, the job progress poll, the problem
// alert, the progress bar and the target folder choices.
import { FolderOpenOutlined, UsbOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Progress, Space, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { BackupJob, BackupProblemCode, BackupTarget } from '@shared/types-backup';
import { ApiError, call } from '../../api/client';
import { BACKUP_NS } from './i18n';
import { serverKeyText } from '../../format/errors';
import { currentLang } from '../../i18n';
import { serverText } from '../../format/server-text';

export const qkStatus = ['backup', 'status'] as const;
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

export const fmtTime = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm:ss');
export const baseName = (p: string) => p.split(/[\\/]/).filter(Boolean).pop() ?? p;

export function useT() {
  return useTranslation(BACKUP_NS).t;
}

/** Polls `backup:progress` every 300 ms while `active`. */
export function useJobProgress(active: boolean) {
  return useQuery({
    queryKey: qkProgress,
    queryFn: () => call('backup:progress', {}),
    enabled: active,
    refetchInterval: active ? 300 : false,
    gcTime: 0,
  });
}

/** A problem's sentence from main (inspect result, job, history) in the user's language (#16). */
export function detailText(x: {
  message: string | null;
  messageKey?: string | null;
  messageValues?: Record<string, string | number>;
}): string | null {
  return serverText(currentLang(), x); // an old entry's English sentence is matched to its key
}

/** A failed call: the translated problem (from the job) plus the server's sentence. */
export async function failureOf(e: unknown): Promise<{ problem: BackupProblemCode | null; message: string }> {
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

export function ProblemAlert({
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
              {t('detailLine', { text: message, interpolation: { escapeValue: false } })}
            </Typography.Text>
          )}
        </Space>
      }
    />
  );
}

export function JobBar({ job }: { job: BackupJob | null | undefined }) {
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

export function TargetChoices({
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
