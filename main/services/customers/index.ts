export { listCustomers, applyCustomerFilter, type CustomerFilter, type ListCustomersInput } from './query';
export { getCustomer, createCustomer, updateCustomer, approveOpening, setLifecycle, customerColumns } from './commands';
export { importCustomers } from './import';
export { exportCustomers, MASK } from './export';
