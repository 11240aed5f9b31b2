// ImportErrorsModal loaded when an import is first refused: the page that holds the import button
// (the customer list, the first screen) does not load antd's Table for it up front.
import { lazy, Suspense, useState, type ComponentProps } from 'react';

const Modal = lazy(async () => ({ default: (await import('./ImportErrorsModal')).ImportErrorsModal }));

export function ImportErrorsModal(props: ComponentProps<typeof Modal>) {
  const [needed, setNeeded] = useState(false);
  if (props.rows !== null && !needed) setNeeded(true); // once shown, it stays mounted (close animation)
  if (!needed && props.rows === null) return null;
  return (
    <Suspense fallback={null}>
      <Modal {...props} />
    </Suspense>
  );
}
