// The list rows' tags (lifecycle, confidentiality, value tier) as plain spans with antd Tag's own
// markup — the same classes, colours and inline style — so they look exactly like <Tag>.
// Why: a screen of rows held ~60 Tags, each with a dozen hooks (config, semantic styles, closable,
// cssinjs lookups, its own preset-colour style component, a useTranslation subscription per tag):
// a large part of the first screen's render. Here the table registers Tag's styles once
// (useRowTagClass + <RowTagStyles/>) and each row only builds a span.
// test/unit/renderer-row-tags.test.tsx renders both and compares the HTML.
import { FastColor } from '@ant-design/fast-color';
import { ConfigProvider } from 'antd';
import useTagStyle from 'antd/es/tag/style';
import PresetCmp from 'antd/es/tag/style/presetCmp';
import StatusCmp from 'antd/es/tag/style/statusCmp';
import { useContext, useMemo, type CSSProperties } from 'react';
import type { TFunction } from 'i18next';
import type { Confidentiality, Lifecycle } from '@shared/customer-fields';
import { CONF_COLOR, LIFECYCLE_COLOR } from '../../../components/Tags';
import { TIER_COLOURS } from '../../analysis/TierTag';

/** What every row tag needs from the table: Tag's class prefix and its style classes. */
export interface RowTagClass {
  prefix: string;
  /** cssinjs hash class and css-var class, as antd's Tag adds them */
  style: string;
}

/** Tag's styles registered once for the whole table (what each <Tag> would do for itself). */
export function useRowTagClass(): RowTagClass {
  const { getPrefixCls } = useContext(ConfigProvider.ConfigContext);
  const prefix = getPrefixCls('tag');
  const [hashId, cssVarCls] = useTagStyle(prefix);
  return useMemo(() => ({ prefix, style: `${hashId} ${cssVarCls}` }), [prefix, hashId, cssVarCls]);
}

/** The preset and status colour styles (blue, green…, default), rendered once beside the rows. */
export function RowTagStyles({ tag }: { tag: RowTagClass }) {
  return (
    <>
      <PresetCmp prefixCls={tag.prefix} />
      <StatusCmp prefixCls={tag.prefix} />
    </>
  );
}

const NO_MARGIN: CSSProperties = { marginInlineEnd: 0 };

/** A filled Tag of a preset or status colour (blue, gold, default…). */
const cls = (tag: RowTagClass, color: string | undefined) =>
  `${tag.prefix} ${tag.prefix}-filled${color ? ` ${tag.prefix}-${color}` : ''} ${tag.style}`;

export function rowLifecycleTag(tag: RowTagClass, t: TFunction, value: Lifecycle) {
  return (
    <span data-testid="lifecycle-tag" data-value={value} className={cls(tag, LIFECYCLE_COLOR[value])} style={NO_MARGIN}>
      {t(`enums.lifecycle.${value}`)}
    </span>
  );
}

export function rowConfidentiality(tag: RowTagClass, t: TFunction, value: Confidentiality) {
  if (value === 'normal') return <span className="muted">{t('enums.confidentiality.normal')}</span>;
  return (
    <span className={cls(tag, CONF_COLOR[value])} style={NO_MARGIN}>
      {t(`enums.confidentiality.${value}`)}
    </span>
  );
}

// Tag's colours for a custom colour (antd tag/hooks/useColor): text in the colour, background its
// 95 % lightness
const TIER_STYLE: Record<string, CSSProperties> = Object.fromEntries(
  Object.entries(TIER_COLOURS).map(([tier, color]) => {
    const hsl = new FastColor(color).toHsl();
    hsl.l = 0.95;
    const background = new FastColor(hsl).toHexString();
    return [tier, { backgroundColor: background, color, marginInlineEnd: 0, minWidth: 24, textAlign: 'center' }];
  }),
);

const TIER_PLAIN: CSSProperties = { marginInlineEnd: 0, minWidth: 24, textAlign: 'center' };

export function rowTierTag(tag: RowTagClass, tier: string | null | undefined) {
  if (!tier) return <span>—</span>;
  const style = TIER_STYLE[tier];
  return (
    <span className={cls(tag, undefined)} style={style ?? TIER_PLAIN}>
      {tier}
    </span>
  );
}
