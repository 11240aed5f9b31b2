// Beside the company name while the book is open read-only: nothing the user does can be saved.
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { BOOK_OFFER_NS } from './i18n';

export function ReadOnlyTag() {
  const { t } = useTranslation(BOOK_OFFER_NS);
  return (
    <Tooltip title={t('readonlyTagHelp')}>
      <Tag color="orange" data-testid="book-readonly">
        {t('readonlyTag')}
      </Tag>
    </Tooltip>
  );
}
