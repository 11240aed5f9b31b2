// Backup & restore page (备份与恢复): the book, then its four cards (back up now, automatic
// backups, history, restore), each in its own file here. Self-contained: its strings live in
// ./i18n.ts (namespace 'backup').
import { useQuery } from '@tanstack/react-query';
import { Space, Spin, Typography } from 'antd';
import { call } from '../../api/client';
import { AutoCard } from './AutoCard';
import { BackupNowCard } from './BackupNowCard';
import { HistoryCard } from './HistoryCard';
import { RestoreCard } from './RestoreCard';
import { ProblemAlert, formatBytes, qkStatus, useT } from './backup-common';

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
    // the same frame as the other pages (padding, title size): it used to sit wider and larger
    <div className="page" data-testid="backup-page">
      <div className="page-title-row">
        <h1>{t('title')}</h1>
      </div>
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
