// 对账单: pick a customer, period, style and language; preview the print-ready statement in an
// iframe (srcdoc); print it (iframe.contentWindow.print(), recorded as sent) or save it as PDF
// (statements:pdf, base64 download). Self-contained: strings in ./i18n.ts (namespace 'statements').
import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Segmented, Space, Typography } from 'antd';
import { DatePicker } from '../../components/TypedDatePicker';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { call } from '../../api/client';
import { downloadBase64 } from '../../format/files';
import type { PrintLang, StatementStyle } from '@shared/types-statements';
import { CustomerPicker, isSensitive, useSensitiveConfirm, useT, type PickedCustomer } from './common';
import './i18n';
import i18n from '../../i18n';
import { errorText } from '../../format/errors';

const iso = (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : '');

export function StatementsPage({ initialCustomer }: { initialCustomer?: PickedCustomer | null } = {}) {
  const t = useT();
  const { message } = App.useApp();
  const confirmSensitive = useSensitiveConfirm();
  const [customer, setCustomer] = useState<PickedCustomer | null>(initialCustomer ?? null);
  const [from, setFrom] = useState<Dayjs | null>(dayjs().startOf('month').subtract(1, 'month'));
  const [to, setTo] = useState<Dayjs | null>(dayjs().startOf('month').subtract(1, 'day'));
  const [style, setStyle] = useState<StatementStyle>('balance_forward');
  const [lang, setLang] = useState<PrintLang>('zh-CN');
  const [includeVoided, setIncludeVoided] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const frame = useRef<HTMLIFrameElement>(null);
  const periodReversed = !!from && !!to && iso(from)! > iso(to)!;
  const ready = !!customer && !!from && !!to && !periodReversed;
  const q = { customerId: customer?.id ?? 0, from: iso(from), to: iso(to), style, lang, includeVoided };

  const preview = useQuery({
    queryKey: ['statements', 'html', q, confirmed],
    enabled: ready && (!isSensitive(customer?.confidentiality) || confirmed),
    queryFn: () => call('statements:html', { ...q, confirmed: confirmed || undefined }),
  });

  const askPreview = async () => {
    if (!customer) return;
    await confirmSensitive(isSensitive(customer.confidentiality), async () => setConfirmed(true));
  };

  const pdf = useMutation({
    mutationFn: () =>
      confirmSensitive(isSensitive(customer?.confidentiality), (c) =>
        call('statements:pdf', { ...q, confirmed: c || undefined }),
      ),
    onSuccess: (r) => {
      if (!r) return;
      downloadBase64(r.fileName, r.mime, r.base64);
      void message.success(t('saved', { file: r.fileName }));
    },
    onError: (e) => void message.error(errorText(i18n.t, e)),
  });

  const print = async () => {
    frame.current?.contentWindow?.print();
    if (customer)
      await call('statements:mark-sent', { customerId: customer.id, from: q.from, to: q.to, style }).catch(
        () => undefined,
      );
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <Card size="small">
        <Space wrap size="middle">
          <span>
            {t('customer')}:{' '}
            <CustomerPicker
              testId="statement-customer"
              value={customer}
              onChange={(c) => {
                setCustomer(c);
                setConfirmed(false);
              }}
            />
          </span>
          <span>
            {t('period')}:{' '}
            <DatePicker data-testid="statement-from" value={from} onChange={setFrom} allowClear={false} /> –{' '}
            <DatePicker data-testid="statement-to" value={to} onChange={setTo} allowClear={false} />
          </span>
          <Segmented<StatementStyle>
            value={style}
            onChange={setStyle}
            options={[
              { value: 'balance_forward', label: t('styles.balance_forward') },
              { value: 'open_item', label: t('styles.open_item') },
            ]}
          />
          <Segmented<PrintLang>
            value={lang}
            onChange={setLang}
            options={[
              { value: 'zh-CN', label: t('langs.zh-CN') },
              { value: 'en', label: t('langs.en') },
            ]}
          />
          <Checkbox checked={includeVoided} onChange={(e) => setIncludeVoided(e.target.checked)}>
            {t('includeVoided')}
          </Checkbox>
          <Button icon={<PrinterOutlined />} disabled={!preview.data} onClick={() => void print()}>
            {t('print')}
          </Button>
          <Button
            data-testid="statement-pdf"
            type="primary"
            icon={<FilePdfOutlined />}
            disabled={!ready}
            loading={pdf.isPending}
            onClick={() => pdf.mutate()}
          >
            {t('savePdf')}
          </Button>
        </Space>
      </Card>
      {!customer && <Alert type="info" title={t('pickCustomer')} />}
      {customer && isSensitive(customer.confidentiality) && !confirmed && (
        <Alert
          type="warning"
          title={t('confidentialText')}
          action={<Button onClick={() => void askPreview()}>{t('preview')}</Button>}
        />
      )}
      {periodReversed && (
        <Alert
          type="error"
          showIcon
          data-testid="statement-period-error"
          title={`${i18n.t('field.from')} ${i18n.t('validation.invalid_period')}`}
        />
      )}
      {preview.isError && <Alert type="error" title={errorText(i18n.t, preview.error)} />}
      <iframe
        ref={frame}
        data-testid="statement-preview"
        title={t('preview')}
        srcDoc={preview.data?.html ?? ''}
        sandbox="allow-same-origin allow-modals"
        // as tall as the statement: the page scrolls, not a box inside it
        onLoad={(ev) => {
          const doc = (ev.target as HTMLIFrameElement).contentDocument;
          const h = doc?.documentElement?.scrollHeight ?? 0;
          if (h > 0) (ev.target as HTMLIFrameElement).style.height = `${h + 4}px`;
        }}
        style={{
          width: '100%',
          height: '80vh',
          border: '1px solid #d9d9d9',
          background: '#e9ecef',
          display: preview.data ? 'block' : 'none',
        }}
      />
    </Space>
  );
}
