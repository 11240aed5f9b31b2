// The customer list's light row tags (pages/customers/list/RowTags.tsx) must give exactly the
// HTML antd's <Tag> gives through the app's own tag components, so that the list looks the same.
import { ConfigProvider } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { CONFIDENTIALITY, LIFECYCLES } from '../../shared/customer-fields';
import { ConfidentialityText, LifecycleTag } from '../../renderer/src/components/Tags';
import { TierTag } from '../../renderer/src/pages/analysis/TierTag';
import {
  RowTagStyles,
  rowConfidentiality,
  rowLifecycleTag,
  rowTierTag,
  useRowTagClass,
} from '../../renderer/src/pages/customers/list/RowTags';
import { APP_THEME } from '../../renderer/src/theme';

// In the renderer's build 'antd' is antd's ES modules, the same copy as RowTags' 'antd/es/…'
// imports; under Node it would be the CommonJS copy, with contexts of its own.
vi.mock('antd', async () => await import('antd/es/index.js'));

// without an i18n instance react-i18next's t gives the key back: the same for both
const t = ((key: string) => key) as unknown as TFunction;

function html(node: ReactNode): string {
  const { warn } = console;
  console.warn = () => {}; // react-i18next's "no i18next instance" notice
  try {
    return renderToString(<ConfigProvider theme={APP_THEME}>{node}</ConfigProvider>);
  } finally {
    console.warn = warn;
  }
}

function Light({ cell }: { cell: (tag: ReturnType<typeof useRowTagClass>) => ReactNode }) {
  const tag = useRowTagClass();
  return (
    <>
      <RowTagStyles tag={tag} />
      {cell(tag)}
    </>
  );
}

describe('customer list row tags', () => {
  it.each(LIFECYCLES)('lifecycle %s is the same markup as <LifecycleTag>', (value) => {
    const real = html(<LifecycleTag value={value} />);
    expect(real).toContain('ant-tag');
    expect(html(<Light cell={(tag) => rowLifecycleTag(tag, t, value)} />)).toBe(real);
  });

  it.each(CONFIDENTIALITY)('confidentiality %s is the same markup as <ConfidentialityText>', (value) => {
    expect(html(<Light cell={(tag) => rowConfidentiality(tag, t, value)} />)).toBe(
      html(<ConfidentialityText value={value} />),
    );
  });

  it.each(['A', 'B', 'C', 'X', null])('value tier %s is the same markup as <TierTag>', (tier) => {
    const real = html(<TierTag tier={tier} />);
    if (tier) expect(real).toContain('ant-tag');
    expect(html(<Light cell={(tag) => rowTierTag(tag, tier)} />)).toBe(real);
  });
});
