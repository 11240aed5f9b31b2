// The "include confidential" switch of an export (ageing, audit log). Off: main masks the
// confidential/top-secret customers' fields (main/reports/ageing-export.ts, services/audit.ts).
// On: a confirmation first, then the export is sent with includeSensitive + confirmed and main
// writes it to the audit log.
import { App, Checkbox } from 'antd';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { SENSITIVE_EXPORT_NS } from './i18n';

export type SensitiveFlags = { includeSensitive?: true; confirmed?: true };

export function useSensitiveExport(kind: 'ageing' | 'audit'): {
  checkbox: ReactElement;
  /** Runs `exportWith` masked, or after the user confirms, unmasked. */
  run: (exportWith: (flags: SensitiveFlags) => void) => void;
  /** "n customers were masked" for the success message, or '' when none was. */
  maskedNote: (masked: number) => string;
} {
  const { t } = useTranslation(SENSITIVE_EXPORT_NS);
  const { modal } = App.useApp();
  const [on, setOn] = useState(false);
  const checkbox = (
    <Checkbox checked={on} onChange={(e) => setOn(e.target.checked)} data-testid={`${kind}-include-sensitive`}>
      {t('include')}
    </Checkbox>
  );
  const run = (exportWith: (flags: SensitiveFlags) => void) => {
    if (!on) return exportWith({});
    modal.confirm({
      title: t(`${kind}.title`),
      content: t(`${kind}.text`),
      okText: t('ok'),
      cancelText: t('cancel'),
      okButtonProps: { danger: true, ...({ 'data-testid': 'confirm-sensitive' } as object) },
      width: 520,
      onOk: () => exportWith({ includeSensitive: true, confirmed: true }),
    });
  };
  const maskedNote = (masked: number) => (masked > 0 ? t('masked', { masked }) : '');
  return { checkbox, run, maskedNote };
}
