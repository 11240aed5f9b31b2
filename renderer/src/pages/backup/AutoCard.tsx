// Automatic backups (自动备份): on/off, keep N, the USB folder, the last automatic result.
import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AutoBackupResult, BackupSettings, BackupStatus } from '@shared/types-backup';
import { BACKUP_KEEP_MAX, BACKUP_PATH_MAX } from '@shared/types-backup';
import { call } from '../../api/client';
import { errorText } from '../../format/errors';
import i18n from '../../i18n';
import { JobBar, TargetChoices, fmtTime, qkStatus, useJobProgress, useT } from './backup-common';

export function AutoCard({ status }: { status: BackupStatus }) {
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
