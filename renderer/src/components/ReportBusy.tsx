// Over a report while it is computed (a big book's first ageing can take seconds): a spinner
// and what is happening, on top of the previous figures instead of an empty or stale grid.
import { Spin } from 'antd';

export function ReportBusy({ label }: { label: string }) {
  return (
    <div
      data-testid="report-busy"
      style={{
        position: 'absolute',
        inset: 0,
        zIndex: 5,
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'rgba(255, 255, 255, 0.6)',
      }}
    >
      <Spin size="large" description={label} />
    </div>
  );
}
