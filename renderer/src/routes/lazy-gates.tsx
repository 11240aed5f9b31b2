// Screens shown before the app's shell only in some starts (choose an operator, offer a read-only
// opening, loading failed) load on first render: on a usual start the first screen's code then
// leaves out what only they use (antd's List, Pagination, Select, Card, Tabs, Result).
import { Spin } from 'antd';
import { lazy, Suspense, type ComponentProps, type ComponentType } from 'react';

/** A named export of a module, loaded on first render, with a spinner meanwhile. */
function gate<P extends object>(load: () => Promise<ComponentType<P>>) {
  const Lazy = lazy(async () => ({ default: await load() }));
  return function Gate(props: P) {
    return (
      <Suspense
        fallback={
          <div className="full-center">
            <Spin size="large" />
          </div>
        }
      >
        <Lazy {...(props as ComponentProps<typeof Lazy>)} />
      </Suspense>
    );
  };
}

export const OperatorGate = gate(async () => (await import('../pages/login/OperatorGate')).OperatorGate);
export const ReadOnlyOffer = gate(async () => (await import('../pages/book-offer/ReadOnlyOffer')).ReadOnlyOffer);
export const LoadFailed = gate(async () => (await import('../components/LoadFailed')).LoadFailed);
