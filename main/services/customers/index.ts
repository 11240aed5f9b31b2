export { listCustomers, applyCustomerFilter, type ListCustomersInput } from './query';
export type { CustomerFilter } from './filter';
export { getCustomer, createCustomer, updateCustomer, approveOpening, setLifecycle, customerColumns } from './commands';
export { importCustomers } from './import';
export { exportCustomers, MASK } from './export';
