// react-query keys and read hooks over the typed IPC client.
import { useQuery } from '@tanstack/react-query';
import { call } from '../api/client';

export const qk = {
  appInfo: ['app:info'] as const,
  regions: ['regions:list'] as const,
  operators: ['operators:list'] as const,
  company: ['settings:company'] as const,
  customers: ['customers'] as const,
  customerList: ['customers', 'list'] as const,
  customer: (id: number) => ['customers', 'get', id] as const,
  history: (id: number) => ['customers', 'history', id] as const,
  audit: ['audit:list'] as const,
};

export function useAppInfo() {
  return useQuery({ queryKey: qk.appInfo, queryFn: () => call('app:info', {}), staleTime: 60_000 });
}

export function useRegions() {
  return useQuery({ queryKey: qk.regions, queryFn: () => call('regions:list', {}), staleTime: 60_000 });
}

export function useOperators() {
  return useQuery({ queryKey: qk.operators, queryFn: () => call('operators:list', {}), staleTime: 60_000 });
}

export function useCompany() {
  return useQuery({ queryKey: qk.company, queryFn: () => call('settings:company', {}) });
}

export function useCustomer(id: number) {
  return useQuery({
    queryKey: qk.customer(id),
    queryFn: () => call('customers:get', { id }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useCustomerHistory(id: number) {
  return useQuery({
    queryKey: qk.history(id),
    queryFn: () => call('customers:history', { id }),
    enabled: Number.isInteger(id) && id > 0,
  });
}
