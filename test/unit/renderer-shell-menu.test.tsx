// The shell's light left menu (components/ShellMenu.tsx) must give exactly the HTML antd's <Menu>
// gives for the same items (inline, dark), so that the menu looks the same.
import { TeamOutlined, SettingOutlined, AccountBookOutlined } from '@ant-design/icons';
import { ConfigProvider, Menu } from 'antd';
import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { ShellMenu } from '../../renderer/src/components/ShellMenu';
import { APP_THEME } from '../../renderer/src/theme';

// In the renderer's build 'antd' is antd's ES modules, the same copy as ShellMenu's 'antd/es/…'
// import; under Node it would be the CommonJS copy, with contexts of its own.
vi.mock('antd', async () => await import('antd/es/index.js'));

const html = (node: ReactNode) =>
  renderToString(<ConfigProvider theme={APP_THEME}>{node}</ConfigProvider>)
    // each renders its own React id into rc-menu's item ids
    .replace(/rc-menu-uuid-[^"]*?-(\/)/g, 'rc-menu-uuid-ID-$1');

const ITEMS = [
  { key: '/customers', icon: <TeamOutlined />, label: '客户档案' },
  { key: '/receivables', icon: <AccountBookOutlined />, label: 'Receivables' },
  { key: '/settings', icon: <SettingOutlined />, label: '设置' },
];
const STYLE = { background: 'transparent', borderInlineEnd: 0 };

describe('shell menu', () => {
  it.each(['/customers', '/settings', '/nowhere'])('selected %s is the same markup as antd <Menu>', (selected) => {
    const real = html(
      <Menu theme="dark" mode="inline" selectedKeys={[selected]} style={STYLE} items={ITEMS} onClick={() => {}} />,
    );
    expect(real).toContain('ant-menu-item');
    const light = html(<ShellMenu items={ITEMS} selectedKey={selected} onSelect={() => {}} style={STYLE} />);
    expect(light).toBe(real);
  });
});
