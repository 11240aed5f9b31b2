// The customer form (create + edit), in tabs per SPEC §1 groups. Every field validates on blur
// and on submit with the shared zod schema (validateForm); server errors land on their field.
import { SaveOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Tabs } from 'antd';
import type { Rule } from 'antd/es/form';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, Link } from 'react-router';
import {
  CONFIDENTIALITY,
  CUSTOMER_KINDS,
  NATURES,
  PROFILE_FIELDS,
  PROSPECT_GRADES,
  type ProfileGroup,
} from '@shared/customer-fields';
import type { CustomerInput } from '@shared/schemas/customer';
import type { Customer } from '@shared/types';
import { ApiError, call } from '../../../api/client';
import { errorText, issueText, serverKeyText } from '../../../format/errors';
import { qk, useRegions } from '../../../hooks/queries';
import { ContactsEditor } from './ContactsEditor';
import {
  samePath,
  serverFieldPath,
  tabOfPath,
  validateForm,
  type CustomerFormValues,
  type FieldPath,
  type FormIssue,
} from './model';
import { ProfileFieldInput } from './ProfileFieldInput';
import { useFormLanguage } from '../../../hooks/useFormLanguage';

const COL = { xs: 24, md: 12, xl: 8 };

function Grid({ children }: { children: ReactNode }) {
  return <Row gutter={[20, 0]}>{children}</Row>;
}

export function CustomerForm({ initial, existing }: { initial: CustomerFormValues; existing?: Customer }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const regions = useRegions();
  const [form] = Form.useForm<CustomerFormValues>();
  useFormLanguage(form);
  const kind = Form.useWatch('kind', form) ?? initial.kind;
  const [tab, setTab] = useState('basic');
  const [listError, setListError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const readOnly = existing?.readOnly ?? false;

  /** antd rule backed by the shared zod schema: the issue for this exact path, translated. */
  const rule = useMemo(
    () =>
      (path: FieldPath): Rule => ({
        validator: async () => {
          const r = validateForm(form.getFieldsValue(true) as CustomerFormValues);
          if (r.ok) return;
          const mine = r.issues.find((i) => samePath(i.path, path));
          if (mine) throw new Error(issueText(t, mine.key));
        },
      }),
    [form, t],
  );

  // antd types field names from the values type; paths here come from zod/server at runtime
  const setErrors = (fields: { name: FieldPath; errors: string[] }[]) =>
    form.setFields(fields as Parameters<typeof form.setFields>[0]);

  const showIssues = (issues: FormIssue[]) => {
    const cleared = form
      .getFieldsError()
      .filter((f) => f.errors.length > 0)
      .map((f) => ({ name: f.name, errors: [] as string[] }));
    setErrors(cleared);
    const onList = issues.find((i) => i.path.length === 1 && i.path[0] === 'contacts');
    setListError(onList ? issueText(t, onList.key) : null);
    setErrors(issues.filter((i) => i !== onList).map((i) => ({ name: i.path, errors: [issueText(t, i.key)] })));
    if (issues[0]) setTab(tabOfPath(issues[0].path));
  };

  const save = useMutation({
    mutationFn: (input: CustomerInput) =>
      existing
        ? call('customers:update', { id: existing.id, version: existing.version, data: input })
        : call('customers:create', input),
    onSuccess: async (c) => {
      await qc.invalidateQueries({ queryKey: qk.customers });
      void qc.invalidateQueries({ queryKey: qk.appInfo });
      void message.success(t(existing ? 'form.updated' : 'form.created', { code: c.code }));
      navigate(`/customers/${c.id}`, { replace: true });
    },
    onError: (e) => {
      if (e instanceof ApiError) {
        if (e.code === 'CONFLICT' && e.field === 'code') return showIssues([{ path: ['code'], key: 'duplicate_code' }]);
        if (e.code === 'CONFLICT' && e.field === 'version') return setFormError(t('form.versionConflict'));
        if (e.code === 'VALIDATION' && e.rows?.length) {
          return showIssues(
            e.rows.map((r) => ({ path: serverFieldPath(r.field.replace(/^data\./, '')), key: r.message })),
          );
        }
        if (e.code === 'VALIDATION' && e.field) {
          const path = serverFieldPath(e.field.replace(/^data\./, ''));
          setErrors([{ name: path, errors: [serverKeyText(e) ?? issueText(t, e.message.replace(/^[\w.]+: /, ''))] }]);
          setTab(tabOfPath(path));
          return;
        }
      }
      setFormError(errorText(t, e));
    },
  });

  const submit = () => {
    setFormError(null);
    const r = validateForm(form.getFieldsValue(true) as CustomerFormValues);
    if (!r.ok) {
      showIssues(r.issues);
      void message.error(t('form.fixErrors'));
      return;
    }
    showIssues([]);
    save.mutate(r.input);
  };

  const field = (
    name: keyof CustomerFormValues,
    label: string,
    node: ReactNode,
    opts: { required?: boolean; change?: boolean } = {},
  ) => (
    <Col {...COL} key={name}>
      <Form.Item
        name={name}
        label={label}
        required={opts.required}
        rules={[rule([name])]}
        validateTrigger={opts.change ? ['onBlur', 'onChange'] : 'onBlur'}
      >
        {node}
      </Form.Item>
    </Col>
  );
  const profileGroup = (group: ProfileGroup) =>
    PROFILE_FIELDS.filter((f) => f.group === group).map((f) => (
      <Col {...(f.type === 'longtext' ? { xs: 24, xl: 16 } : COL)} key={f.key}>
        <ProfileFieldInput field={f} rule={rule} />
      </Col>
    ));
  const select = (options: readonly string[], ns: string, testid?: string, clear = false) => (
    <Select
      allowClear={clear}
      placeholder={t('form.selectPlaceholder')}
      options={options.map((o) => ({ value: o, label: t(`${ns}.${o}`) }))}
      data-testid={testid}
    />
  );

  const tabs = [
    {
      key: 'basic',
      label: t('form.tabs.basic'),
      children: (
        <Grid>
          {field(
            'code',
            t('field.code'),
            <Input maxLength={32} className="code" placeholder="C000123" data-testid="field-code" />,
            { required: true },
          )}
          {field('name', t('field.name'), <Input maxLength={100} data-testid="field-name" />, { required: true })}
          {field('kind', t('field.kind'), select(CUSTOMER_KINDS, 'enums.kind', 'field-kind'), {
            required: true,
            change: true,
          })}
          {field('nature', t('field.nature'), select(NATURES, 'enums.nature', 'field-nature'), {
            required: true,
            change: true,
          })}
          {field('phone', t('field.phone'), <Input maxLength={40} data-testid="field-phone" />)}
          {field('email', t('field.email'), <Input maxLength={120} data-testid="field-email" />)}
          <Col xs={24} xl={16}>
            <Form.Item name="address" label={t('field.address')} rules={[rule(['address'])]} validateTrigger="onBlur">
              <Input maxLength={200} data-testid="field-address" />
            </Form.Item>
          </Col>
          {profileGroup('basic')}
        </Grid>
      ),
    },
    ...(kind === 'individual'
      ? [
          {
            key: 'individual',
            label: t('form.tabs.individual'),
            children: (
              <>
                <Alert type="info" showIcon title={t('form.individualOnly')} style={{ marginBottom: 16 }} />
                <Grid>{profileGroup('individual')}</Grid>
              </>
            ),
          },
        ]
      : []),
    {
      key: 'characteristics',
      label: t('form.tabs.characteristics'),
      children: <Grid>{profileGroup('characteristics')}</Grid>,
    },
    { key: 'business', label: t('form.tabs.business'), children: <Grid>{profileGroup('business')}</Grid> },
    {
      key: 'trade',
      label: t('form.tabs.trade'),
      children: (
        <Grid>
          {field(
            'paymentTermsDays',
            t('field.paymentTermsDays'),
            <InputNumber
              min={0}
              max={3650}
              precision={0}
              style={{ width: '100%' }}
              data-testid="field-paymentTermsDays"
            />,
            {
              required: true,
            },
          )}
          {field(
            'creditLimit',
            t('field.creditLimit'),
            // an existing customer's limit changes only through a credit-limit decision (card ▸ 信用 ▸ worksheet)
            <Input
              className="num"
              prefix="¥"
              placeholder={t('form.moneyPlaceholder')}
              data-testid="field-creditLimit"
              readOnly={!!existing}
              disabled={!!existing}
              addonAfter={
                existing ? (
                  <Link to={`/customers/${existing.id}?tab=credit`} data-testid="limit-worksheet-link">
                    {t('credit:tab.worksheet')}
                  </Link>
                ) : undefined
              }
            />,
          )}
          {profileGroup('trade')}
        </Grid>
      ),
    },
    {
      key: 'classification',
      label: t('form.tabs.classification'),
      children: (
        <Grid>
          {field(
            'prospectGrade',
            t('field.prospectGrade'),
            <Select
              allowClear
              placeholder={t('form.selectPlaceholder')}
              options={PROSPECT_GRADES.map((g) => ({ value: g, label: g }))}
            />,
            {
              change: true,
            },
          )}
          {field(
            'regionCode',
            t('field.regionCode'),
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('form.selectPlaceholder')}
              loading={regions.isPending}
              options={(regions.data ?? []).map((r) => ({ value: r.code, label: `${r.code} ${r.name}` }))}
              data-testid="field-regionCode"
            />,
            { change: true },
          )}
          {field(
            'routeSeq',
            t('field.routeSeq'),
            <InputNumber min={0} max={999999} precision={0} style={{ width: '100%' }} />,
          )}
          {field(
            'confidentiality',
            t('field.confidentiality'),
            select(CONFIDENTIALITY, 'enums.confidentiality', 'field-confidentiality'),
            { required: true, change: true },
          )}
        </Grid>
      ),
    },
    {
      key: 'contacts',
      label: t('form.tabs.contacts'),
      children: <ContactsEditor form={form} rule={rule} listError={listError} />,
    },
    { key: 'address', label: t('form.tabs.address'), children: <Grid>{profileGroup('address')}</Grid> },
  ].map((x) => ({ ...x, forceRender: true }));

  const buttons = (
    <>
      <Button onClick={() => navigate(existing ? `/customers/${existing.id}` : '/customers')}>
        {t('common.cancel')}
      </Button>
      <Button
        type="primary"
        icon={<SaveOutlined />}
        loading={save.isPending}
        disabled={readOnly}
        onClick={submit}
        data-testid="save-customer"
      >
        {t('common.save')}
      </Button>
    </>
  );

  return (
    <div className="page">
      <div className="page-title-row">
        <h1>{existing ? t('form.titleEdit', { code: existing.code }) : t('form.titleNew')}</h1>
        <div className="spacer" />
        {buttons}
      </div>
      {readOnly && <Alert type="warning" showIcon title={t('form.readOnly')} />}
      {formError && <Alert type="error" showIcon title={formError} closable={{ onClose: () => setFormError(null) }} />}
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Form<CustomerFormValues>
          form={form}
          layout="vertical"
          initialValues={initial}
          disabled={readOnly}
          onFinish={submit}
          requiredMark
          data-testid="customer-form"
        >
          <Tabs activeKey={tabs.some((x) => x.key === tab) ? tab : 'basic'} onChange={setTab} items={tabs} />
        </Form>
      </Card>
      <div className="page-title-row">
        <div className="spacer" />
        {buttons}
      </div>
    </div>
  );
}
