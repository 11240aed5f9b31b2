// Import invoices / receipts: file → base64 → invoices:import / receipts:import. One transaction:
// a VALIDATION answer lists every bad row and field, and nothing was written.
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Space } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RowError } from '../../../../shared/result';
import { ApiError, call } from '../../api/client';
import { ImportErrorsModal } from '../../components/ImportErrorsModal';
import { readAsBase64 } from '../../format/files';
import { money } from '../../format/money';
import { arErrorText, arFieldLabel, invalidateAr } from './common';

type Kind = 'invoices' | 'receipts';

export function ArImportButtons({ kinds = ['invoices', 'receipts'] }: { kinds?: Kind[] }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<Kind>('invoices');
  const [badRows, setBadRows] = useState<RowError[] | null>(null);

  const run = useMutation({
    mutationFn: async (v: { kind: Kind; file: File }) => {
      const payload = { fileName: v.file.name, base64: await readAsBase64(v.file) };
      return v.kind === 'invoices' ? call('invoices:import', payload) : call('receipts:import', payload);
    },
    onSuccess: (s, v) => {
      invalidateAr(qc);
      modal.success({
        title: t('ar.import.doneTitle'),
        content:
          v.kind === 'invoices'
            ? t('ar.import.invoicesDone', { imported: s.imported, amount: money(s.amount) })
            : t('ar.import.receiptsDone', { imported: s.imported, amount: money(s.amount), allocations: s.allocations ?? 0, applied: money(s.applied ?? 0), unapplied: money(s.unapplied ?? 0) }),
      });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'VALIDATION' && e.rows?.length) setBadRows(e.rows);
      else void message.error(arErrorText(t, e));
    },
  });

  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        style={{ display: 'none' }}
        data-testid="ar-import-file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) run.mutate({ kind, file: f });
        }}
      />
      <Space size={8}>
        {kinds.map((k) => (
          <Button
            key={k}
            icon={<UploadOutlined />}
            loading={run.isPending && run.variables?.kind === k}
            disabled={run.isPending}
            data-testid={`ar-import-${k}`}
            onClick={() => {
              setKind(k);
              input.current?.click();
            }}
          >
            {run.isPending && run.variables?.kind === k ? t('ar.import.importing') : t(`ar.import.${k}`)}
          </Button>
        ))}
      </Space>
      <ImportErrorsModal
        rows={badRows}
        onClose={() => setBadRows(null)}
        title={t('ar.import.errorsTitle')}
        intro={t('ar.import.errorsIntro', { count: badRows?.length ?? 0 })}
        labels={{ row: t('ar.import.row'), field: t('ar.import.field'), message: t('ar.import.message') }}
        fieldLabel={(f) => arFieldLabel(t, f)}
        testId="ar-import-errors"
      />
    </>
  );
}
