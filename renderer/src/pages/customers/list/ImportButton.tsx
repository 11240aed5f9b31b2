// Import customers: a chosen file (staged in main: api/import-file.tsx) → customers:import.
// A VALIDATION answer lists every bad row/field; nothing is written then (one transaction).
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RowError } from '@shared/result';
import { ApiError, call } from '../../../api/client';
import { ImportErrorsModal } from '../../../components/ImportErrorsModalLazy';
import { errorText, fieldLabel } from '../../../format/errors';
import { importInput, useImportFileChooser, type ChosenFile } from '../../../api/import-file';
import { qk } from '../../../hooks/queries';

export function ImportButton() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  const [badRows, setBadRows] = useState<RowError[] | null>(null);

  const run = useMutation({
    mutationFn: async (file: ChosenFile) => call('customers:import', await importInput(file)),
    onSuccess: (s) => {
      void qc.invalidateQueries({ queryKey: qk.customers });
      void qc.invalidateQueries({ queryKey: qk.appInfo });
      modal.success({
        title: t('customers.importDoneTitle'),
        content: t('customers.importDone', { imported: s.imported, created: s.created, updated: s.updated }),
      });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'VALIDATION' && e.rows?.length) setBadRows(e.rows);
      else void message.error(errorText(t, e));
    },
  });

  const chooser = useImportFileChooser((file) => run.mutate(file), 'import-file');

  return (
    <>
      {chooser.input}
      <Button icon={<UploadOutlined />} loading={run.isPending} onClick={chooser.pick} data-testid="import-customers">
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
