// Prints one investigation's 资信调查表 (credit:investigation-sheet) in the page's language; a
// confidential customer asks first (as statements and cards do).
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { errorText } from '../../format/errors';
import { currentLang } from '../../i18n';
import { printHtml, useSensitiveConfirm } from '../statements/common';

export function useInvestigationPrint() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirmSensitive = useSensitiveConfirm();
  return async (investigationId: number) => {
    try {
      const r = await confirmSensitive(false, (confirmed) =>
        call('credit:investigation-sheet', {
          investigationId,
          lang: currentLang() === 'en' ? 'en' : 'zh-CN',
          confirmed: confirmed || undefined,
        }),
      );
      if (r) printHtml(r.html);
    } catch (e) {
      void message.error(errorText(t, e));
    }
  };
}
