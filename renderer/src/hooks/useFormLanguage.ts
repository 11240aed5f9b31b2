// A field error is text made when the form was checked. After a language switch, the fields
// showing an error are checked again, so their messages come in the new language (a message
// the server gave goes away if the field now passes the form's own rules; saving shows it again).
import type { FormInstance } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export function useFormLanguage(form: FormInstance): void {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const shown = useRef(lang);
  useEffect(() => {
    if (shown.current === lang) return;
    shown.current = lang;
    const withErrors = form
      .getFieldsError()
      .filter((f) => f.errors.length > 0)
      .map((f) => f.name);
    if (withErrors.length) form.validateFields(withErrors).catch(() => undefined);
  }, [lang, form]);
}
