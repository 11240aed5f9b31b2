// The skeleton every document entry form shares: customer first, Enter moves on, save, then
// clear the document fields and put the focus back for the next one.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { arErrorText, CustomerPicker, errorField, invalidateAr, type CustomerOption } from '../common';
import { CustomerFacts } from './fields';
import { focusFirst, useEnterNav } from './keyboard';
import { useFormLanguage } from '../../../hooks/useFormLanguage';

export type Values = Record<string, unknown> & {
  date?: Dayjs;
  issueDate?: Dayjs;
  maturityDate?: Dayjs;
  amount?: string;
};

/**
 * The skeleton every entry form shares: customer first, Enter navigation, clear + refocus.
 * `customer` starts the form on a customer (opened from that customer's ledger).
 */
export function useEntry<R>(opts: {
  fields: string[];
  run: (customer: CustomerOption, v: Values) => Promise<R>;
  done: (r: R, customer: CustomerOption) => void;
  keep: string[];
  customer?: CustomerOption | null;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  useFormLanguage(form);
  const box = useRef<HTMLDivElement>(null);
  const [customer, setCustomer] = useState<CustomerOption | null>(opts.customer ?? null);
  const [customerError, setCustomerError] = useState(false);
  const save = useMutation({
    mutationFn: (a: { customer: CustomerOption; v: Values }) => opts.run(a.customer, a.v),
    onSuccess: (r, a) => {
      invalidateAr(qc);
      opts.done(r, a.customer);
      form.resetFields(opts.fields.filter((f) => !opts.keep.includes(f)));
      setCustomer(null);
      focusFirst(box.current);
    },
    onError: (e) => {
      const f = errorField(e);
      if (f && opts.fields.includes(f)) form.setFields([{ name: f, errors: [arErrorText(t, e)] }]);
      else void message.error(arErrorText(t, e));
    },
  });
  const submit = useCallback(async () => {
    if (save.isPending) return;
    if (!customer) setCustomerError(true);
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    if (customer) save.mutate({ customer, v });
  }, [customer, form, save]);
  const onKeyDown = useEnterNav(box, () => void submit());
  const picker = (testid: string, onPick?: () => void): ReactNode => (
    <Form.Item
      label={t('ar.entry.customer')}
      className="ar-wide"
      validateStatus={customerError ? 'error' : undefined}
      help={customerError ? t('ar.entry.needCustomer') : undefined}
    >
      <CustomerPicker
        value={customer}
        autoFocus
        testid={testid}
        onChange={(c) => {
          setCustomer(c);
          setCustomerError(false);
          onPick?.();
        }}
      />
      <CustomerFacts customer={customer} />
    </Form.Item>
  );
  return { form, box, customer, save, submit, onKeyDown, picker, t, message };
}
