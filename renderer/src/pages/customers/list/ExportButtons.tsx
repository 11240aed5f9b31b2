// Export the current filter to CSV / Excel. Including confidential/top-secret data asks for a
// confirmation first (audit logged by main), then sends includeSensitive + confirmed.
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Checkbox, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { errorText } from '../../../format/errors';
import { downloadBase64 } from '../../../format/files';
import { useLang } from '../../../hooks/useLang';
import type { CustomerFilter } from './types';

export function ExportButtons({ filter }: { filter: CustomerFilter }) {
  const { t } = useTranslation();
  const [lang] = useLang();
  const { modal, message } = App.useApp();
  const [sensitive, setSensitive] = useState(false);

  const run = useMutation({
    mutationFn: (v: { format: 'csv' | 'xlsx'; includeSensitive: boolean }) =>
      call('customers:export', {
        filter,
        format: v.format,
        locale: lang,
        ...(v.includeSensitive ? { includeSensitive: true, confirmed: true } : {}),
      }),
    onSuccess: (f) => {
      downloadBase64(f.fileName, f.mime, f.base64);
      void message.success(
        f.masked > 0
          ? t('customers.exportedMasked', { rows: f.rows, masked: f.masked })
          : t('customers.exported', { rows: f.rows }),
      );
    },
    onError: (e) => void message.error(errorText(t, e)),
  });

  const start = (format: 'csv' | 'xlsx') => {
    if (!sensitive) {
      run.mutate({ format, includeSensitive: false });
      return;
    }
    modal.confirm({
      title: t('customers.sensitiveConfirmTitle'),
      content: t('customers.sensitiveConfirmText'),
      okText: t('customers.sensitiveConfirmOk'),
      okButtonProps: { danger: true, ...({ 'data-testid': 'confirm-sensitive' } as object) },
      cancelText: t('common.cancel'),
      width: 520,
      onOk: () => run.mutate({ format, includeSensitive: true }),
    });
  };

  return (
    <Space size={8}>
      <Checkbox checked={sensitive} onChange={(e) => setSensitive(e.target.checked)} data-testid="include-sensitive">
        {t('customers.includeSensitive')}
      </Checkbox>
      <Button
        icon={<DownloadOutlined />}
        loading={run.isPending && run.variables?.format === 'csv'}
        onClick={() => start('csv')}
        data-testid="export-csv"
      >
        {t('customers.exportCsv')}
      </Button>
      <Button
        icon={<DownloadOutlined />}
        loading={run.isPending && run.variables?.format === 'xlsx'}
        onClick={() => start('xlsx')}
        data-testid="export-xlsx"
      >
        {t('customers.exportXlsx')}
      </Button>
    </Space>
  );
}
