// 设置: company, operators, regions, language.
import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { CompanySettings } from './CompanySettings';
import { OperatorsPanel } from './OperatorsPanel';
import { RegionsPanel } from './RegionsPanel';
import { ArSettingsPanel } from '../receivables';
import { Link } from 'react-router';

export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <div className="page-title-row">
        <h1>{t('settings.title')}</h1>
      </div>
      <Card title={t('settings.company')} data-testid="settings-company">
        <CompanySettings />
      </Card>
      <Card title={t('settings.operators')} data-testid="settings-operators">
        <OperatorsPanel />
      </Card>
      <Card title={t('settings.regions')} data-testid="settings-regions">
        <RegionsPanel />
      </Card>
      <Card title={t('ar.settings.title')} data-testid="settings-receivables">
        <ArSettingsPanel />
      </Card>
      <Card title={t('nav.credit')} data-testid="settings-credit">
        <Link to="/credit/settings">{t('settings.link', { ns: 'credit' })}</Link>
      </Card>
      <Card title={t('settings.language')}>
        <LanguageSwitch />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('settings.languageHint')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
