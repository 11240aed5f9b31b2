// Route #/receivables/entry — fast keyboard entry of receivables documents, one tab per kind.
import { Card, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useToday } from '../common';
import { ArImportButtons } from '../ArImportButtons';
import { InvoiceForm } from './InvoiceForm';
import { CreditNoteForm, NoteForm, WriteOffForm } from './OtherForms';
import { ReceiptForm } from './ReceiptForm';
import { RecoveryForm } from './RecoveryForm';

export function ArEntryPage() {
  const { t } = useTranslation();
  const today = useToday();
  const [tab, setTab] = useState('invoice');
  return (
    <div className="page" data-testid="ar-entry">
      <div className="page-title-row">
        <h1>{t('ar.entry.title')}</h1>
        <div className="spacer" />
        <ArImportButtons />
      </div>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          destroyOnHidden
          items={[
            { key: 'invoice', label: t('ar.entry.tabs.invoice'), children: <InvoiceForm today={today} /> },
            { key: 'receipt', label: t('ar.entry.tabs.receipt'), children: <ReceiptForm today={today} /> },
            { key: 'creditNote', label: t('ar.entry.tabs.creditNote'), children: <CreditNoteForm today={today} /> },
            { key: 'writeOff', label: t('ar.entry.tabs.writeOff'), children: <WriteOffForm today={today} /> },
            { key: 'recovery', label: t('ar.entry.tabs.recovery'), children: <RecoveryForm today={today} /> },
            { key: 'note', label: t('ar.entry.tabs.note'), children: <NoteForm today={today} /> },
          ]}
        />
      </Card>
    </div>
  );
}
