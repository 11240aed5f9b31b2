// Routes #/customers/new and #/customers/:id/edit.
import { Alert, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { errorText } from '../../../format/errors';
import { useCustomer } from '../../../hooks/queries';
import { CustomerForm } from './CustomerForm';
import { customerToForm, emptyFormValues } from './model';

export function CustomerFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const numericId = id ? Number(id) : 0;
  const customer = useCustomer(numericId);
  if (!id) return <CustomerForm key="new" initial={emptyFormValues()} />;
  if (customer.isPending) return <Spin style={{ margin: 48 }} />;
  if (customer.isError)
    return <Alert style={{ margin: 20 }} type="error" showIcon title={errorText(t, customer.error)} />;
  // key: a fresh form per loaded version
  return (
    <CustomerForm
      key={`${customer.data.id}-${customer.data.version}`}
      initial={customerToForm(customer.data)}
      existing={customer.data}
    />
  );
}
