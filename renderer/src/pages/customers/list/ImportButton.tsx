// Import customers: file picker → base64 → customers:import. A VALIDATION answer lists every bad
// row/field; nothing is written then (one transaction).
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Modal, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RowError } from '../../../../../shared/result';
import { ApiError, call } from '../../../api/client';
import { errorText, fieldLabel, issueText } from '../../../format/errors';
import { readAsBase64 } from '../../../format/files';
import { qk } from '../../../hooks/queries';

export function ImportButton() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [badRows, setBadRows] = useState<RowError[] | null>(null);

  const run = useMutation({
    mutationFn: async (file: File) => call('customers:import', { fileName: file.name, base64: await readAsBase64(file) }),
    onSuccess: (s) => {
      void qc.invalidateQueries({ queryKey: qk.customers });
      void qc.invalidateQueries({ queryKey: qk.appInfo });
      modal.success({ title: t('customers.importDoneTitle'), content: t('customers.importDone', { imported: s.imported, created: s.created, updated: s.updated }) });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'VALIDATION' && e.rows?.length) setBadRows(e.rows);
      else void message.error(errorText(t, e));
    },
  });

  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        style={{ display: 'none' }}
        data-testid="import-file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) run.mutate(f);
        }}
      />
      <Button icon={<UploadOutlined />} loading={run.isPending} onClick={() => input.current?.click()} data-testid="import-customers">
        {run.isPending ? t('customers.importing') : t('customers.import')}
      </Button>
      <Modal
        open={badRows !== null}
        title={t('customers.importErrorsTitle')}
        width={760}
        onCancel={() => setBadRows(null)}
        footer={<Button type="primary" onClick={() => setBadRows(null)}>{t('common.close')}</Button>}
      >
        <Typography.Paragraph>{t('customers.importErrorsIntro', { count: badRows?.length ?? 0 })}</Typography.Paragraph>
        <Table<RowError & { k: number }>
          data-testid="import-errors"
          size="small"
          rowKey="k"
          pagination={badRows && badRows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          dataSource={(badRows ?? []).map((r, k) => ({ ...r, k }))}
          columns={[
            { title: t('customers.row'), dataIndex: 'row', width: 70, align: 'right' },
            { title: t('customers.field'), dataIndex: 'field', width: 180, render: (f: string) => fieldLabel(t, f) },
            { title: t('customers.message'), dataIndex: 'message', render: (m: string) => issueText(t, m) },
          ]}
        />
      </Modal>
    </>
  );
}
