// Backup history (备份记录): the backups made, newest first.
import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { Card, Table, Tag, Tooltip, Typography } from 'antd';
import type { BackupHistoryEntry } from '@shared/types-backup';
import { baseName, detailText, fmtTime, formatBytes, useT } from './backup-common';

export function HistoryCard({ history }: { history: BackupHistoryEntry[] }) {
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
                <Tooltip title={detailText(r) ?? ''}>
                  <Typography.Text type="danger">
                    {r.dir} —{' '}
                    {r.problem ? t(`problem.${r.problem}`, { defaultValue: t('history.failed') }) : t('history.failed')}
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
            width: 104, // "Encrypted" on one line at 1280 px
            onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' } }),
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
