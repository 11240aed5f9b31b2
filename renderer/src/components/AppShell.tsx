// Layout: left menu (real screens only), header with company, operator and language.
import {
  AccountBookOutlined,
  AuditOutlined,
  BarChartOutlined,
  CheckSquareOutlined,
  FileTextOutlined,
  FormOutlined,
  PrinterOutlined,
  SafetyOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
  SwapOutlined,
  SafetyCertificateOutlined,
  CommentOutlined,
} from '@ant-design/icons';
import { PieChartOutlined } from '@ant-design/icons';
import { AlertOutlined, CalendarOutlined, CarOutlined, PhoneOutlined, PushpinOutlined } from '@ant-design/icons';
import '../pages/collections/i18n';
import '../pages/collections/runs-i18n';
import { Button, Dropdown, Layout, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { AppInfo } from '@shared/types';
import { LanguageSwitch } from './LanguageSwitch';
import { ShellMenu } from './ShellMenu';
import '../pages/analysis/i18n';
import '../pages/visits/i18n';
import '../pages/complaints/i18n';
import '../pages/credit/i18n';
import { ReadOnlyTag } from '../pages/book-offer/ReadOnlyTag';

const { Sider, Header, Content } = Layout;
const MENU_STYLE = { background: 'transparent', borderInlineEnd: 0 };

export function AppShell({
  info,
  onSwitchOperator,
  children,
}: {
  info: AppInfo;
  onSwitchOperator: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  // Areas with several menu items (receivables, statements) select by full path.
  const selected = /^\/(receivables|statements|collections)/.test(pathname)
    ? pathname
    : '/' + (pathname.split('/')[1] || 'customers');

  // Electron's application menu (File ▸ Company settings…) asks the page to navigate.
  useEffect(() => {
    const shell = (window as { creditdeskShell?: { onMenu(listener: (command: string) => void): void } })
      .creditdeskShell;
    shell?.onMenu((command) => {
      if (command === 'settings') navigate('/settings');
    });
  }, [navigate]);

  return (
    <Layout style={{ height: '100vh' }}>
      {/* the menu scrolls on its own in a short window (1280×720): the page and header stay put */}
      <Sider width={208} theme="dark" style={{ background: '#0f2440', overflowY: 'auto' }}>
        <div className="brand">
          <div className="brand-mark">CD</div>
          <div>
            <div className="brand-name">CreditDesk</div>
            <div className="brand-sub">{t('app.shortName')}</div>
          </div>
        </div>
        {/* antd Menu's look and keys without its per-item machinery (ShellMenu.tsx) */}
        <ShellMenu
          selectedKey={selected}
          style={MENU_STYLE}
          onSelect={(key) => navigate(key)}
          items={[
            { key: '/customers', icon: <TeamOutlined />, label: t('nav.customers') },
            { key: '/receivables', icon: <AccountBookOutlined />, label: t('nav.receivables') },
            { key: '/receivables/entry', icon: <FormOutlined />, label: t('nav.arEntry') },
            { key: '/receivables/ageing', icon: <BarChartOutlined />, label: t('nav.ageing') },
            { key: '/statements', icon: <FileTextOutlined />, label: t('nav.statements') },
            { key: '/statements/batch', icon: <PrinterOutlined />, label: t('nav.statementBatch') },
            { key: '/statements/confirmations', icon: <CheckSquareOutlined />, label: t('nav.confirmations') },
            { key: '/analysis', icon: <PieChartOutlined />, label: t('nav', { ns: 'analysis' }) },
            { key: '/credit', icon: <SafetyCertificateOutlined />, label: t('nav.credit') },
            { key: '/collections/calendar', icon: <CalendarOutlined />, label: t('nav.collectionCalendar') },
            { key: '/collections/today', icon: <PhoneOutlined />, label: t('nav.worklist') },
            { key: '/collections/dunning', icon: <AlertOutlined />, label: t('nav.dunning') },
            { key: '/collections/runs', icon: <CarOutlined />, label: t('nav.collectionRuns') },
            { key: '/collections/promises', icon: <PushpinOutlined />, label: t('nav.promises') },
            { key: '/complaints', icon: <CommentOutlined />, label: t('complaints:nav') },
            { key: '/visits', icon: <CarOutlined />, label: t('visits:nav') },
            { key: '/audit', icon: <AuditOutlined />, label: t('nav.audit') },
            { key: '/backup', icon: <SafetyOutlined />, label: t('nav.backup') },
            { key: '/settings', icon: <SettingOutlined />, label: t('nav.settings') },
          ]}
        />
      </Sider>
      <Layout>
        <Header className="app-header">
          <Typography.Text
            strong
            className="company-name"
            ellipsis
            title={info.book.company}
            data-testid="company-name"
          >
            {info.book.company}
          </Typography.Text>
          {info.readonly && <ReadOnlyTag />}
          <div className="spacer" />
          <Dropdown
            trigger={['click']}
            menu={{
              items: [{ key: 'switch', icon: <SwapOutlined />, label: t('app.switchOperator') }],
              onClick: () => onSwitchOperator(),
            }}
          >
            <Button type="text" icon={<UserOutlined />} data-testid="current-operator">
              {t('app.operatorIs', { name: info.currentOperator?.name ?? '—' })}
            </Button>
          </Dropdown>
          <LanguageSwitch />
        </Header>
        <Content style={{ overflow: 'auto', minHeight: 0 }}>{children}</Content>
      </Layout>
    </Layout>
  );
}
