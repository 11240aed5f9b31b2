// The complaint record card as a drawer: record a new complaint, or edit one — assign people,
// move the status forward, resolve (responsibility + resolution), confirm the compensation as a
// claim credit note, void the claim (offering to void its credit note).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Checkbox,
  DatePicker,
  Divider,
  Drawer,
  Form,
  Input,
  Rate,
  Select,
  Space,
  Steps,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { call } from '../../api/client';
import { ApiError } from '../../api/client';
import { money, moneyText, parseMoneyText } from '../../format/money';
import { CustomerPicker, type PickedCustomer } from '../statements/common';
import { useToday } from '../receivables/common';
import {
  COMPLAINT_CHANNELS,
  COMPLAINT_SEVERITIES,
  COMPLAINT_STATUSES,
  COMPLAINT_TYPES,
  RESOLUTIONS,
  RESPONSIBILITIES,
  SUPPLIER_CLAIM_STATUSES,
  type ComplaintDetail,
  type ComplaintStatus,
} from '@shared/types-complaints';
import { complaintKeys, invalidateComplaints, showFieldErrors, useCT } from './common';

const FIELDS = [
  'customerId',
  'receivedOn',
  'channel',
  'type',
  'description',
  'severity',
  'replyBy',
  'repliedOn',
  'receivedBy',
  'followUpBy',
  'replyPerson',
  'invoiceIds',
  'disputesInvoices',
  'responsibility',
  'resolution',
  'compensation',
  'supplierClaim',
  'supplierClaimStatus',
  'satisfaction',
  'followUpOn',
  'note',
];
const DATES = ['receivedOn', 'replyBy', 'repliedOn', 'followUpOn'] as const;

type Values = Record<string, unknown>;

function toForm(c: ComplaintDetail): Values {
  const v: Values = {
    ...c,
    invoiceIds: c.invoices.map((i) => i.id),
    compensation: moneyText(c.compensation || null),
    supplierClaim: moneyText(c.supplierClaim || null),
  };
  for (const d of DATES) v[d] = c[d] ? dayjs(c[d] as string) : null;
  return v;
}

export function ComplaintDrawer({
  open,
  id,
  customer,
  onClose,
}: {
  open: boolean;
  id: number | null;
  customer?: PickedCustomer | null;
  onClose: () => void;
}) {
  const t = useCT();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [picked, setPicked] = useState<PickedCustomer | null>(customer ?? null);
  const today = useToday();
  const [moveDate, setMoveDate] = useState<Dayjs>(dayjs(today));
  const current = useQuery({
    queryKey: [...complaintKeys.all, 'get', id],
    queryFn: () => call('complaints:get', { id: id! }),
    enabled: open && id !== null,
  });
  const settings = useQuery({
    queryKey: [...complaintKeys.all, 'settings'],
    queryFn: () => call('complaints:settings', {}),
    enabled: open,
  });
  const c = id !== null ? current.data : undefined;
  const customerId = c?.customerId ?? picked?.id;
  const invoices = useQuery({
    queryKey: ['ar', 'complaint-invoices', customerId],
    queryFn: () => call('invoices:list', { customerId: customerId!, limit: 500 }),
    enabled: open && !!customerId,
  });

  useEffect(() => {
    if (!open) return;
    setMoveDate(dayjs(today));
    if (id === null) {
      form.resetFields();
      form.setFieldsValue({
        receivedOn: dayjs(today),
        channel: 'phone',
        type: 'product_quality',
        severity: 'normal',
        supplierClaimStatus: 'none',
      });
      setPicked(customer ?? null);
    } else if (c) {
      form.resetFields();
      form.setFieldsValue(toForm(c));
    }
  }, [open, id, c, customer, form, today]);

  const payload = (v: Values) => {
    const out: Values = {};
    for (const f of FIELDS) {
      if (f === 'customerId') continue;
      let x = v[f];
      if ((DATES as readonly string[]).includes(f)) x = x ? (x as Dayjs).format('YYYY-MM-DD') : null;
      if (f === 'compensation' || f === 'supplierClaim') {
        const p = parseMoneyText(x as string);
        x = p.ok ? (p.fen ?? 0) : Number.NaN;
      }
      if (typeof x === 'string') x = x.trim() || null;
      if (x === undefined) continue;
      if (x === null && ['channel', 'type', 'severity', 'supplierClaimStatus', 'description', 'receivedOn'].includes(f))
        continue;
      if (f === 'replyBy' && x === null && id === null) continue;
      if (f === 'disputesInvoices') x = !!x;
      out[f] = x;
    }
    return out;
  };

  const save = useMutation({
    mutationFn: async (a: { v: Values; confirmed?: boolean }) => {
      const data: Values = { ...payload(a.v), ...(a.confirmed ? { confirmedOverInvoices: true } : {}) };
      if (id === null) return call('complaints:create', { customerId: picked!.id, ...data } as never);
      return call('complaints:update', { id, version: c!.version, data: data as never });
    },
    onSuccess: () => {
      invalidateComplaints(qc);
      void message.success(t('form.saved'));
      if (id === null) onClose();
    },
    onError: (e, a) => {
      if (
        e instanceof ApiError &&
        e.rows?.length === 1 &&
        e.rows[0].message === 'compensation_above_invoices' &&
        !a.confirmed
      ) {
        const total = Number(e.rows[0].values?.total ?? 0);
        const p = parseMoneyText(a.v.compensation as string);
        modal.confirm({
          title: t('form.overConfirmTitle'),
          content: t('form.overConfirmText', { amount: money(p.ok ? p.fen : 0), total: money(total) }),
          okText: t('form.confirm'),
          cancelText: t('form.cancel'),
          onOk: () => save.mutate({ v: a.v, confirmed: true }),
        });
        return;
      }
      const rest = showFieldErrors(t, form, e, FIELDS);
      if (rest) void message.error(rest);
    },
  });

  const move = useMutation({
    mutationFn: (to: ComplaintStatus) => call('complaints:move', { id: id!, to, date: moveDate.format('YYYY-MM-DD') }),
    onSuccess: () => {
      invalidateComplaints(qc);
      void message.success(t('progress.moved'));
    },
    onError: (e) => {
      const rest = showFieldErrors(t, form, e, FIELDS);
      if (rest) void message.error(rest);
    },
  });

  const claim = useMutation({
    mutationFn: (confirmed: boolean) =>
      call('complaints:confirm-claim', { id: id!, confirmedOverInvoices: confirmed || undefined }),
    onSuccess: (r) => {
      invalidateComplaints(qc);
      void message.success(t('claim.done', { number: r.creditNote.number }));
    },
    onError: (e) => {
      const rest = showFieldErrors(t, form, e, FIELDS);
      if (rest) void message.error(rest);
    },
  });

  const confirmClaim = () => {
    if (!c) return;
    const total = c.invoices.reduce((s, i) => s + i.amount, 0);
    const over = c.invoices.length > 0 && c.compensation > total;
    modal.confirm({
      title: t('claim.confirm'),
      content: over
        ? `${t('claim.confirmText', { amount: money(c.compensation) })} ${t('form.overConfirmText', { amount: money(c.compensation), total: money(total) })}`
        : t('claim.confirmText', { amount: money(c.compensation) }),
      okText: t('form.confirm'),
      cancelText: t('form.cancel'),
      onOk: () => claim.mutate(over),
    });
  };

  const voidClaim = () => {
    if (!c) return;
    let reason = '';
    let also = !c.creditNoteVoid;
    modal.confirm({
      title: t('claim.void'),
      content: (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Input
            data-testid="complaint-void-reason"
            placeholder={t('claim.voidReason')}
            onChange={(e) => (reason = e.target.value)}
          />
          {!c.creditNoteVoid && c.creditNoteNumber && (
            <Checkbox defaultChecked onChange={(e) => (also = e.target.checked)}>
              {t('claim.voidAlso', { number: c.creditNoteNumber })}
            </Checkbox>
          )}
        </Space>
      ),
      okText: t('form.confirm'),
      cancelText: t('form.cancel'),
      onOk: async () => {
        try {
          await call('complaints:void-claim', { id: c.id, reason, voidCreditNote: also });
          invalidateComplaints(qc);
          void message.success(t('claim.voided'));
        } catch (e) {
          void message.error(showFieldErrors(t, form, e, FIELDS) ?? '');
          throw e;
        }
      },
    });
  };

  const opt = (group: string, values: readonly string[]) =>
    values.map((v) => ({ value: v, label: t(`${group}.${v}`) }));
  const days = settings.data?.replyDays;
  const statusIndex = c ? COMPLAINT_STATUSES.indexOf(c.status) : 0;
  const next = c ? COMPLAINT_STATUSES.slice(statusIndex + 1) : [];
  const claimLive = !!c?.claimConfirmedOn && !c?.claimVoidedAt;
  const invoiceOptions = useMemo(
    () =>
      (invoices.data?.rows ?? [])
        .filter((i) => !i.voidedAt)
        .map((i) => ({ value: i.id, label: `${i.number}　${i.issueDate}　${money(i.amount)}` })),
    [invoices.data],
  );

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={720}
      title={c ? t('form.titleEdit', { number: c.number }) : t('form.titleNew')}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('form.cancel')}</Button>
          <Button
            type="primary"
            data-testid="complaint-save"
            loading={save.isPending}
            onClick={() =>
              void form.validateFields().then((v) => {
                if (id === null && !picked) void message.error(t('form.needCustomer'));
                else save.mutate({ v });
              })
            }
          >
            {t('form.save')}
          </Button>
        </Space>
      }
    >
      {c && (
        <>
          <Steps
            size="small"
            current={statusIndex}
            items={COMPLAINT_STATUSES.map((s) => ({ title: t(`status.${s}`) }))}
            style={{ marginBottom: 12 }}
          />
          <Space wrap style={{ marginBottom: 8 }}>
            <span>{t('progress.date')}</span>
            <DatePicker
              value={moveDate}
              onChange={(d) => d && setMoveDate(d)}
              allowClear={false}
              data-testid="complaint-move-date"
            />
            {next.map((s) => (
              <Button
                key={s}
                data-testid={`complaint-move-${s}`}
                loading={move.isPending && move.variables === s}
                onClick={() => move.mutate(s)}
              >
                {t('progress.move', { to: t(`status.${s}`) })}
              </Button>
            ))}
          </Space>
          {c.overdueReply && (
            <Alert type="error" showIcon title={`${t('overdue')}: ${c.replyBy}`} style={{ marginBottom: 8 }} />
          )}
        </>
      )}
      <Form form={form} layout="vertical" className="complaint-form" requiredMark={false}>
        {id === null && (
          <Form.Item label={t('form.customer')} required>
            <CustomerPicker value={picked} onChange={setPicked} testId="complaint-customer" />
          </Form.Item>
        )}
        <Space.Compact block style={{ gap: 12, display: 'flex', flexWrap: 'wrap' }}>
          <Form.Item
            name="receivedOn"
            label={t('form.receivedOn')}
            rules={[{ required: true, message: t('validation.required', { ns: 'translation' }) }]}
          >
            <DatePicker allowClear={false} data-testid="complaint-received-on" />
          </Form.Item>
          <Form.Item name="channel" label={t('form.channel')} style={{ minWidth: 110 }}>
            <Select options={opt('channel', COMPLAINT_CHANNELS)} />
          </Form.Item>
          <Form.Item name="type" label={t('form.type')} style={{ minWidth: 170 }}>
            <Select data-testid="complaint-type" options={opt('type', COMPLAINT_TYPES)} />
          </Form.Item>
          <Form.Item name="severity" label={t('form.severity')} style={{ minWidth: 110 }}>
            <Select data-testid="complaint-severity" options={opt('severity', COMPLAINT_SEVERITIES)} />
          </Form.Item>
        </Space.Compact>
        <Form.Item
          name="description"
          label={t('form.description')}
          rules={[{ required: true, whitespace: true, message: t('validation.required', { ns: 'translation' }) }]}
        >
          <Input.TextArea rows={3} maxLength={4000} data-testid="complaint-description" />
        </Form.Item>
        <Space.Compact block style={{ gap: 12, display: 'flex', flexWrap: 'wrap' }}>
          <Form.Item name="replyBy" label={t('form.replyBy')} style={{ marginBottom: 4 }}>
            <DatePicker data-testid="complaint-reply-by" />
          </Form.Item>
          <Form.Item name="repliedOn" label={t('form.repliedOn')} style={{ marginBottom: 4 }}>
            <DatePicker data-testid="complaint-replied-on" />
          </Form.Item>
          <Form.Item name="followUpOn" label={t('form.followUpOn')} style={{ marginBottom: 4 }}>
            <DatePicker />
          </Form.Item>
        </Space.Compact>
        {days && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 12 }}>
            {t('form.replyByHelp', days)}
          </Typography.Paragraph>
        )}
        <Divider titlePlacement="start" plain>
          {t('form.people')}
        </Divider>
        <Space.Compact block style={{ gap: 12, display: 'flex' }}>
          <Form.Item name="receivedBy" label={t('form.receivedBy')} style={{ flex: 1 }}>
            <Input maxLength={40} data-testid="complaint-received-by" />
          </Form.Item>
          <Form.Item name="followUpBy" label={t('form.followUpBy')} style={{ flex: 1 }}>
            <Input maxLength={40} data-testid="complaint-follow-up-by" />
          </Form.Item>
          <Form.Item name="replyPerson" label={t('form.replyPerson')} style={{ flex: 1 }}>
            <Input maxLength={40} data-testid="complaint-reply-person" />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="invoiceIds" label={t('form.invoices')}>
          <Select
            mode="multiple"
            allowClear
            placeholder={t('form.invoicesPlaceholder')}
            options={invoiceOptions}
            disabled={!customerId}
            data-testid="complaint-invoices"
            optionFilterProp="label"
          />
        </Form.Item>
        <Form.Item name="disputesInvoices" valuePropName="checked">
          <Checkbox data-testid="complaint-disputes">{t('form.disputesInvoices')}</Checkbox>
        </Form.Item>
        <Divider titlePlacement="start" plain>
          {t('form.handling')}
        </Divider>
        <Space.Compact block style={{ gap: 12, display: 'flex', flexWrap: 'wrap' }}>
          <Form.Item name="responsibility" label={t('form.responsibility')} style={{ minWidth: 150 }}>
            <Select
              allowClear
              data-testid="complaint-responsibility"
              options={opt('responsibility', RESPONSIBILITIES)}
            />
          </Form.Item>
          <Form.Item name="resolution" label={t('form.resolution')} style={{ minWidth: 150 }}>
            <Select allowClear data-testid="complaint-resolution" options={opt('resolution', RESOLUTIONS)} />
          </Form.Item>
          <Form.Item name="compensation" label={t('form.compensation')} style={{ width: 170 }}>
            <Input
              className="num"
              inputMode="decimal"
              prefix="¥"
              disabled={claimLive}
              data-testid="complaint-compensation"
            />
          </Form.Item>
        </Space.Compact>
        <Space.Compact block style={{ gap: 12, display: 'flex', flexWrap: 'wrap' }}>
          <Form.Item name="supplierClaim" label={t('form.supplierClaim')} style={{ width: 170 }}>
            <Input className="num" inputMode="decimal" prefix="¥" />
          </Form.Item>
          <Form.Item name="supplierClaimStatus" label={t('form.supplierClaimStatus')} style={{ minWidth: 140 }}>
            <Select options={opt('supplierClaimStatus', SUPPLIER_CLAIM_STATUSES)} />
          </Form.Item>
          <Form.Item name="satisfaction" label={t('form.satisfaction')}>
            <Rate count={5} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="note" label={t('form.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
      {c && (c.resolution === 'compensation' || c.resolution === 'refund' || c.claimConfirmedOn) && (
        <>
          <Divider titlePlacement="start" plain>
            {t('claim.title')}
          </Divider>
          {claimLive ? (
            <Space orientation="vertical">
              <Typography.Text data-testid="complaint-credit-note">
                {t('claim.linked', { number: c.creditNoteNumber, date: c.claimConfirmedOn })} · {money(c.compensation)}
              </Typography.Text>
              {c.creditNoteVoid && <Alert type="warning" showIcon title={t('claim.creditNoteVoid')} />}
              <Button danger onClick={voidClaim} data-testid="complaint-void-claim">
                {t('claim.void')}
              </Button>
            </Space>
          ) : (
            <Space>
              <Typography.Text type="secondary">{t('claim.none')}</Typography.Text>
              <Button
                type="primary"
                ghost
                onClick={confirmClaim}
                loading={claim.isPending}
                disabled={c.compensation <= 0}
                data-testid="complaint-confirm-claim"
              >
                {t('claim.confirm')}
              </Button>
            </Space>
          )}
        </>
      )}
    </Drawer>
  );
}
