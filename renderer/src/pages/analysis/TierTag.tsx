// A value tier shown as a small coloured tag (A/B/C), "—" when not computed.
import { Tag } from 'antd';

export const TIER_COLOURS: Record<string, string> = { A: '#1d5fd1', B: '#d48806', C: '#8c8c8c' };

export function TierTag({ tier, testid }: { tier: string | null | undefined; testid?: string }) {
  if (!tier) return <span data-testid={testid}>—</span>;
  return (
    <Tag
      color={TIER_COLOURS[tier]}
      style={{ marginInlineEnd: 0, minWidth: 24, textAlign: 'center' }}
      data-testid={testid}
    >
      {tier}
    </Tag>
  );
}
