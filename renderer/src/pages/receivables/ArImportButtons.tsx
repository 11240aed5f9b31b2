// Import invoices / receipts: a chosen file (staged in main: api/import-file.tsx) →
// invoices:import / receipts:import. One transaction: a VALIDATION answer lists every bad row
// and field, and nothing was written.
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Space } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RowError } from '@shared/result';
import { ApiError, call } from '../../api/client';
import { ImportErrorsModal } from '../../components/ImportErrorsModal';
import { importInput, useImportFileChooser, type ChosenFile } from '../../api/import-file';
import { money } from '../../format/money';
import { useLang } from '../../hooks/useLang';
import { arErrorText, arFieldLabel, invalidateAr } from './common';

type Kind = 'invoices' | 'receipts';

export function ArImportButtons({ kinds = ['invoices', 'receipts'] }: { kinds?: Kind[] }) {
  const { t } = useTranslation();
  const [lang] = useLang();
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  const count = (n: number) => n.toLocaleString(lang);
  const [badRows, setBadRows] = useState<RowError[] | null>(null);

  const run = useMutation({
    mutationFn: async (v: { kind: Kind; file: ChosenFile }) => {
      const payload = await importInput(v.file);
      return v.kind === 'invoices' ? call('invoices:import', payload) : call('receipts:import', payload);
    },
    onSuccess: (s, v) => {
      invalidateAr(qc);
      modal.success({
        title: t('ar.import.doneTitle'),
        content:
          v.kind === 'invoices'
            ? t('ar.import.invoicesDone', { imported: count(s.imported), amount: money(s.amount) })
            : t('ar.import.receiptsDone', {
                imported: count(s.imported),
                amount: money(s.amount),
                allocations: count(s.allocations ?? 0),
                applied: money(s.applied ?? 0),
                unapplied: money(s.unapplied ?? 0),
              }),
      });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'VALIDATION' && e.rows?.length) setBadRows(e.rows);
      else void message.error(arErrorText(t, e));
    },
  });

  // how far a running import has got (a million rows take half a minute): asked twice a second
  const progress = useQuery({
    queryKey: ['imports:progress'],
    queryFn: () => call('imports:progress', {}),
    enabled: run.isPending,
    refetchInterval: run.isPending ? 500 : false,
    gcTime: 0,
  });
  const p = run.isPending ? progress.data : null;
  const pendingLabel = !p
    ? t('ar.import.importing')
    : p.phase === 'reading'
      ? t('ar.import.progressReading', { rows: count(p.rows) })
      : t('ar.import.progressApplying', {
          pct: p.customersTotal ? Math.floor((p.customersDone * 100) / p.customersTotal) : 0,
        });

  // the kind whose button opened the chooser
  const chooseFor = useRef<Kind>('invoices');
  const chooser = useImportFileChooser((file) => run.mutate({ kind: chooseFor.current, file }), 'ar-import-file');

  return (
    <>
      {chooser.input}
      <Space size={8}>
        {kinds.map((k) => (
          <Button
            key={k}
            icon={<UploadOutlined />}
            loading={run.isPending && run.variables?.kind === k}
            disabled={run.isPending}
            data-testid={`ar-import-${k}`}
            onClick={() => {
              chooseFor.current = k;
              chooser.pick();
            }}
          >
            {run.isPending && run.variables?.kind === k ? (
              <span data-testid="ar-import-progress">{pendingLabel}</span>
            ) : (
              t(`ar.import.${k}`)
            )}
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
