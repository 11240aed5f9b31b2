// The app's left menu as plain elements with antd Menu's own markup (inline, dark theme): the
// same classes, roles and inline style, so it looks exactly like <Menu>, under antd's Menu styles
// (registered once here). Why: <Menu> builds rc-menu's contexts, an Overflow list and a Tooltip
// (rc-trigger with its alignment hooks) around each of the 19 items, ~1/4 of the app's first render
// at every cold start. This one only builds the list. It does what the shell's menu needs: a click
// or Enter/Space opens an item; ArrowUp/ArrowDown/Home/End move the focus among the items.
// test/unit/renderer-shell-menu.test.tsx renders both and compares the HTML.
import { ConfigProvider } from 'antd';
import useMenuStyle from 'antd/es/menu/style';
import {
  cloneElement,
  isValidElement,
  useContext,
  useId,
  type CSSProperties,
  type KeyboardEvent,
  type ReactElement,
} from 'react';

export interface ShellMenuItem {
  key: string;
  icon: ReactElement<{ className?: string }>;
  label: string;
}

const ITEM_STYLE: CSSProperties = { paddingLeft: 24 }; // rc-menu's inline indent of a first-level item

export function ShellMenu({
  items,
  selectedKey,
  onSelect,
  style,
}: {
  items: ShellMenuItem[];
  selectedKey: string;
  onSelect: (key: string) => void;
  style?: CSSProperties;
}) {
  const { getPrefixCls } = useContext(ConfigProvider.ConfigContext);
  const prefix = getPrefixCls('menu');
  const rootCls = `${prefix}-css-var`;
  const [hashId, cssVarCls] = useMenuStyle(prefix, rootCls);
  const uuid = `rc-menu-uuid-${useId()}`;

  // arrows move the focus among the items (from the list itself, ArrowDown goes to the first one)
  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const lis = [...e.currentTarget.querySelectorAll<HTMLLIElement>(':scope > li[role="menuitem"]')];
    const at = lis.indexOf(document.activeElement as HTMLLIElement);
    const to =
      e.key === 'ArrowDown'
        ? (at + 1) % lis.length
        : e.key === 'ArrowUp'
          ? (at <= 0 ? lis.length : at) - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? lis.length - 1
              : -1;
    if (to >= 0) {
      e.preventDefault();
      lis[to]?.focus();
    } else if ((e.key === 'Enter' || e.key === ' ') && at >= 0) {
      e.preventDefault();
      onSelect(items[at].key);
    }
  };

  return (
    <>
      <ul
        className={`${prefix} ${prefix}-root ${prefix}-inline ${prefix}-dark ${hashId} ${cssVarCls} ${rootCls}`}
        style={style}
        role="menu"
        tabIndex={0}
        data-menu-list="true"
        onKeyDown={onKeyDown}
      >
        {items.map((item) => (
          <li
            key={item.key}
            className={`${prefix}-item${item.key === selectedKey ? ` ${prefix}-item-selected` : ''}`}
            style={ITEM_STYLE}
            role="menuitem"
            tabIndex={-1}
            data-menu-id={`${uuid}-${item.key}`}
            onClick={() => onSelect(item.key)}
          >
            {isValidElement(item.icon)
              ? cloneElement(item.icon, {
                  className: [item.icon.props.className, `${prefix}-item-icon`].filter(Boolean).join(' '),
                })
              : null}
            <span className={`${prefix}-title-content`}>{item.label}</span>
          </li>
        ))}
      </ul>
      {/* rc-menu's measuring box, kept so the sider's children are the same */}
      <div style={{ display: 'none' }} aria-hidden="true" />
    </>
  );
}
