// Contacts: an editable list; at most one key person for payment (checking one unchecks others).
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, Empty, Form, Input, Row, Select, type FormInstance } from 'antd';
import { DatePicker } from '../../../components/TypedDatePicker';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { BUYING_ROLES } from '@shared/customer-fields';
import type { CustomerFormValues, FieldPath } from './model';
import { dateItemProps } from './ProfileFieldInput';

export function ContactsEditor({
  form,
  rule,
  listError,
}: {
  form: FormInstance<CustomerFormValues>;
  rule: (p: FieldPath) => Rule;
  listError: string | null;
}) {
  const { t } = useTranslation();
  return (
    <Form.List name="contacts">
      {(fields, { add, remove }) => (
        <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
          {listError && <Alert type="error" showIcon title={listError} />}
          {fields.length === 0 && <Empty description={t('form.noContacts')} image={Empty.PRESENTED_IMAGE_SIMPLE} />}
          {fields.map((f, i) => {
            const p = (k: string): FieldPath => ['contacts', f.name, k];
            const item = (k: string) => ({
              name: [f.name, k],
              rules: [rule(p(k))],
              validateTrigger: 'onBlur' as const,
            });
            return (
              <Card
                key={f.key}
                size="small"
                title={t('form.contact', { n: i + 1 })}
                data-testid="contact-card"
                extra={
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)}>
                    {t('common.remove')}
                  </Button>
                }
              >
                <Row gutter={16}>
                  <Col span={6}>
                    <Form.Item {...item('name')} label={t('field.contactName')} required>
                      <Input maxLength={60} data-testid="contact-name" />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item {...item('title')} label={t('field.title')}>
                      <Input maxLength={60} />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item {...item('phone')} label={t('field.phone')}>
                      <Input maxLength={40} />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item {...item('mobile')} label={t('field.mobile')}>
                      <Input maxLength={40} />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item {...item('email')} label={t('field.email')}>
                      <Input maxLength={120} />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item {...item('wechat')} label={t('field.wechat')}>
                      <Input maxLength={60} />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item
                      {...item('birthday')}
                      {...dateItemProps}
                      label={t('field.birthday')}
                      validateTrigger={['onBlur', 'onChange']}
                    >
                      <DatePicker style={{ width: '100%' }} placeholder={t('form.datePlaceholder')} />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item {...item('buyingRole')} label={t('field.buyingRole')}>
                      <Select
                        allowClear
                        placeholder={t('form.selectPlaceholder')}
                        options={BUYING_ROLES.map((r) => ({ value: r, label: t(`enums.buyingRole.${r}`) }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={18}>
                    <Form.Item {...item('notes')} label={t('field.notes')}>
                      <Input maxLength={500} />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item name={[f.name, 'isKeyPayer']} valuePropName="checked" label=" " colon={false}>
                      <Checkbox
                        data-testid="contact-key-payer"
                        onChange={(e) => {
                          if (!e.target.checked) return;
                          const contacts = form.getFieldValue('contacts') as CustomerFormValues['contacts'];
                          contacts.forEach((_c, j) => {
                            if (j !== f.name) form.setFieldValue(['contacts', j, 'isKeyPayer'], false);
                          });
                        }}
                      >
                        {t('field.isKeyPayer')}
                      </Checkbox>
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            );
          })}
          <div>
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ name: '', isKeyPayer: false })}
              data-testid="add-contact"
            >
              {t('form.addContact')}
            </Button>
            <span className="muted" style={{ marginInlineStart: 12, fontSize: 12 }}>
              {t('form.keyPayerHint')}
            </span>
          </div>
        </div>
      )}
    </Form.List>
  );
}
