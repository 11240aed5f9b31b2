// Warning signs ticked in the customer's recent credit investigations (资信调查), shown in the
// customer card's header so they are seen whichever tab is open (SPEC §4; issue #12 item 1).
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { warningSignLabel } from '@shared/credit-labels';
import { currentLang } from '../../i18n';
import { CREDIT_NS } from './i18n';
import { useCreditProfile } from './useCreditProfile';

export function CardWarningSigns({ customerId }: { customerId: number }) {
  const { t } = useTranslation(CREDIT_NS);
  const q = useCreditProfile(customerId);
  const signs = q.data?.recentWarningSigns ?? [];
  if (signs.length === 0) return null;
  const lang = currentLang() === 'en' ? 'en' : 'zh';
  return (
    <div className="card-warning-signs" data-testid="credit-warnings">
      <span style={{ marginInlineEnd: 8 }}>{t('tab.warnings')}</span>
      {signs.map((w) => (
        <Tag key={w.key} color="volcano">
          {warningSignLabel(w.key, lang)} · {w.date}
        </Tag>
      ))}
    </div>
  );
}
