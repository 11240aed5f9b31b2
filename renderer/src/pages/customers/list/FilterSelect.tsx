// A multi-select filter of the customer list that costs nothing until it is used. The list is the
// first screen, and its 8 antd Selects (with their responsive tag measuring, which forces layout)
// were a good part of its start: until a filter is pointed at, focused or has a value, a plain
// copy of an empty antd Select's markup stands in. It carries antd's own classes, so antd's
// prebuilt styles (renderer/build/antd-static-styles.ts) draw it exactly as the real one, hover
// included. The real Select (its own chunk) replaces it on first use, open and focused, or at once
// when the filter has a value (e.g. /customers?tier=A from the analysis page).
import { DownOutlined } from '@ant-design/icons';
import { ConfigProvider, type SelectProps } from 'antd';
// antd's own style hook of Select (no Select code): registers the component's CSS variables
// (its heights and paddings), which antd writes at run time when a Select first renders
import useSelectStyle from 'antd/es/select/style';
import { lazy, Suspense, useContext, useState, type CSSProperties } from 'react';

const Select = lazy(async () => ({ default: (await import('./FilterSelectReal')).Select }));

type Props<V> = SelectProps<V> & { 'data-testid': string };
type Use = 'none' | 'value' | 'pointer' | 'keyboard';

export function FilterSelect<V>(props: Props<V>) {
  const empty = props.value === undefined || (Array.isArray(props.value) && props.value.length === 0);
  const [use, setUse] = useState<Use>(empty ? 'none' : 'value');
  if (use === 'none' && !empty) setUse('value');
  const standIn = (
    <StandIn testId={props['data-testid']} placeholder={props.placeholder} style={props.style} onUse={setUse} />
  );
  if (use === 'none') return standIn;
  const RealSelect = Select as unknown as (p: Props<V>) => React.ReactElement;
  return (
    <Suspense fallback={standIn}>
      <RealSelect {...props} defaultOpen={use === 'pointer'} autoFocus={use !== 'value'} />
    </Suspense>
  );
}

/** The markup antd 6 gives an empty multiple Select with a placeholder (checked by test/e2e). */
function StandIn({
  testId,
  placeholder,
  style,
  onUse,
}: {
  testId: string;
  placeholder: React.ReactNode;
  style?: CSSProperties;
  onUse: (how: Use) => void;
}) {
  const prefix = useContext(ConfigProvider.ConfigContext).getPrefixCls('select');
  const rootCls = `${prefix}-css-var`;
  const [hashId, cssVarCls] = useSelectStyle(prefix, rootCls);
  return (
    <div
      data-testid={testId}
      data-stand-in=""
      className={`${prefix} ${prefix}-outlined ${cssVarCls} ${rootCls} ${hashId} ${prefix}-multiple ${prefix}-show-arrow ${prefix}-show-search`}
      style={style}
      onMouseDown={(e) => {
        e.preventDefault(); // the real one takes the focus
        onUse('pointer');
      }}
    >
      <div className="ant-select-content">
        <div className="ant-select-content-item ant-select-content-item-prefix" style={{ opacity: 1, order: -1 }}>
          <div className="ant-select-placeholder">{placeholder}</div>
        </div>
        <div className="ant-select-content-item ant-select-content-item-suffix" style={{ opacity: 1, order: 0 }}>
          <input
            autoComplete="new-password"
            className="ant-select-input"
            role="combobox"
            aria-expanded="false"
            aria-haspopup="listbox"
            aria-autocomplete="list"
            type="text"
            value=""
            readOnly
            style={{ '--select-input-width': 4 } as CSSProperties}
            onFocus={() => onUse('keyboard')}
          />
        </div>
      </div>
      <div className="ant-select-suffix">
        <DownOutlined />
      </div>
    </div>
  );
}
