// The customer card's receivables tab: credit summary, the ledger with running balance and the
// applications of each document, open items, unapplied credits (apply / unapply), write-offs
// and their recovery, notes receivable, and voiding a document (reason required). The tables
// and dialogs live beside it in this folder.
import { useQuery } from '@tanstack/react-query';
import { Alert, Spin, Tabs } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AllocationRow, LedgerLine, NoteReceivableRow, WriteOffRow } from '@shared/types-receivables';
import { call } from '../../../api/client';
import { arErrorText, arKeys } from '../common';
import { RecoveryModal, WriteOffsTable } from './WriteOffs';
import { AllocationsTable } from './AllocationsTable';
import { ApplyModal, NoteStateModal, VoidModal } from './LedgerDialogs';
import { LedgerLinesTable } from './LedgerLinesTable';
import { LedgerSummary } from './LedgerSummary';
import { type Credit, CreditsTable, NotesTable, OpenItemsTable } from './LedgerTables';

export function CustomerLedgerTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const ledger = useQuery({
    queryKey: arKeys.ledger(customerId),
    queryFn: () => call('ledger:customer', { customerId }),
  });
  const credit = useQuery({ queryKey: arKeys.credit(customerId), queryFn: () => call('credit:check', { customerId }) });
  const [voiding, setVoiding] = useState<LedgerLine | null>(null);
  const [applying, setApplying] = useState<Credit | null>(null);
  const [noteState, setNoteState] = useState<NoteReceivableRow | null>(null);
  const [recovering, setRecovering] = useState<WriteOffRow | null>(null);
  const [tab, setTab] = useState('lines');

  const byDoc = useMemo(() => {
    const m = new Map<string, AllocationRow[]>();
    for (const a of ledger.data?.allocations ?? []) {
      const keys = [`invoice:${a.invoiceId}`];
      if (a.receiptId !== null) keys.push(`receipt:${a.receiptId}`);
      if (a.creditNoteId !== null) keys.push(`credit_note:${a.creditNoteId}`);
      if (a.writeOffId !== null) keys.push(`write_off:${a.writeOffId}`);
      for (const k of keys) m.set(k, [...(m.get(k) ?? []), a]);
    }
    return m;
  }, [ledger.data]);

  if (ledger.isPending) return <Spin style={{ margin: 24 }} />;
  if (ledger.isError) return <Alert type="error" showIcon title={arErrorText(t, ledger.error)} />;
  const L = ledger.data;
  const c = credit.data;

  return (
    <div data-testid="ar-ledger" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <LedgerSummary ledger={L} credit={c} />
      <Tabs
        size="small"
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'lines',
            label: `${t('ar.ledger.tabs.lines')} (${L.lines.length})`,
            children: <LedgerLinesTable ledger={L} byDoc={byDoc} onVoid={setVoiding} onRecover={setRecovering} />,
          },
          {
            key: 'open',
            label: `${t('ar.ledger.tabs.open')} (${L.openItems.length})`,
            children: <OpenItemsTable ledger={L} />,
          },
          {
            key: 'credits',
            label: `${t('ar.ledger.tabs.credits')} (${L.credits.length})`,
            children: <CreditsTable ledger={L} onApply={setApplying} />,
          },
          {
            key: 'allocations',
            label: `${t('ar.ledger.tabs.allocations')} (${L.allocations.length})`,
            children: <AllocationsTable rows={L.allocations} lines={L.lines} />,
          },
          {
            key: 'writeOffs',
            label: `${t('ar.ledger.tabs.writeOffs')} (${L.writeOffs.length})`,
            children: <WriteOffsTable rows={L.writeOffs} onRecover={setRecovering} />,
          },
          {
            key: 'notes',
            label: `${t('ar.ledger.tabs.notes')} (${L.notes.length})`,
            children: <NotesTable ledger={L} onSetState={setNoteState} />,
          },
        ]}
      />
      {voiding && <VoidModal line={voiding} onClose={() => setVoiding(null)} />}
      {applying && <ApplyModal credit={applying} ledger={L} onClose={() => setApplying(null)} />}
      {noteState && <NoteStateModal note={noteState} onClose={() => setNoteState(null)} />}
      {recovering && <RecoveryModal writeOff={recovering} ledger={L} onClose={() => setRecovering(null)} />}
    </div>
  );
}
