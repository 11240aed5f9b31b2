// Browser mode started on a book it cannot open for writing (read-only disk, no permission,
// another CreditDesk writing it): say why, in the page's language, and offer what the desktop's
// dialog offers — open it read-only (no lock, nothing written) — or try again for writing (after
// closing the other CreditDesk, say).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { readOnlyOfferFile } from '@shared/book-offer';
import { ApiError, call } from '../../api/client';
import { errorText, serverKeyText } from '../../format/errors';
import { qk } from '../../hooks/queries';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { BOOK_OFFER_NS } from './i18n';

/** The read-only offer for an app:info error, or null when the error offers nothing. */
export function ReadOnlyOffer({ error }: { error: unknown }) {
  const { t } = useTranslation(BOOK_OFFER_NS);
  const { t: tc } = useTranslation();
  const qc = useQueryClient();
  const file = error instanceof ApiError ? readOnlyOfferFile(error) : null;
  const open = useMutation({
    mutationFn: (readonly: boolean) => call('books:open', { path: file!, ...(readonly ? { readonly } : {}) }),
    onSuccess: (next) => {
      qc.setQueryData(qk.appInfo, next);
      void qc.invalidateQueries();
    },
  });
  if (!file) return null;
  return (
    <div className="full-center">
      <div style={{ position: 'absolute', top: 16, right: 16 }}>
        <LanguageSwitch />
      </div>
      <Result
        status="warning"
        title={t('title')}
        subTitle={
          <div data-testid="read-only-offer">
            <p>{serverKeyText(error) ?? errorText(tc, error)}</p>
            <p>{t('readOnlyHelp')}</p>
          </div>
        }
        extra={[
          <Button key="ro" type="primary" loading={open.isPending} onClick={() => open.mutate(true)}>
            {t('openReadOnly')}
          </Button>,
          <Button key="retry" disabled={open.isPending} onClick={() => open.mutate(false)}>
            {t('retry')}
          </Button>,
        ]}
      />
      {open.isError && <Alert type="error" showIcon title={errorText(tc, open.error)} />}
    </div>
  );
}
