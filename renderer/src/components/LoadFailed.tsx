// The app could not load its info from main: the error and a retry. Its own chunk (routes/
// lazy-gates.tsx): antd's Result and its pictures are not needed on a normal start.
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../format/errors';

export function LoadFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="full-center">
      <Result
        status="error"
        title={t('app.loadFailed')}
        subTitle={errorText(t, error)}
        extra={<Button onClick={onRetry}>{t('app.retry')}</Button>}
      />
    </div>
  );
}
