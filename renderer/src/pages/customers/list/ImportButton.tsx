// Import customers: file picker → base64 → customers:import. A VALIDATION answer lists every bad
// row/field; nothing is written then (one transaction).
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RowError } from '../../../../../shared/result';
import { ApiError, call } from '../../../api/client';
import { ImportErrorsModal } from '../../../components/ImportErrorsModal';
import { errorText, fieldLabel } from '../../../format/errors';
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
      <ImportErrorsModal
        rows={badRows}
        onClose={() => setBadRows(null)}
        title={t('customers.importErrorsTitle')}
        intro={t('customers.importErrorsIntro', { count: badRows?.length ?? 0 })}
        labels={{ row: t('customers.row'), field: t('customers.field'), message: t('customers.message') }}
        fieldLabel={(f) => fieldLabel(t, f)}
        testId="import-errors"
      />
    </>
  );
}
