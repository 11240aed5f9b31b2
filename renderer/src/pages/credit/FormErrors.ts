// Server field errors (VALIDATION rows, refused approvals) onto antd Form fields, in the page's language.
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import { errorText, issueText } from '../../format/errors';
import { approvalErrorText } from './ApprovalFields';

/** `map` turns a server field path into the form's name path; unknown fields → returned as text. */
export function applyServerErrors(
  form: FormInstance,
  t: TFunction,
  e: unknown,
  map: (field: string) => (string | number)[] | null,
): string | null {
  if (!(e instanceof ApiError)) return errorText(t, e);
  if (e.field === 'approval.name' || e.field === 'approval.password') {
    form.setFields([
      { name: 'approverName', errors: [] },
      { name: 'approverPassword', errors: [] },
      { name: e.field === 'approval.name' ? 'approverName' : 'approverPassword', errors: [approvalErrorText(t, e)] },
    ]);
    return null;
  }
  if (e.code === 'VALIDATION' && e.rows?.length) {
    const left: string[] = [];
    for (const r of e.rows) {
      const name = map(r.field);
      const text = issueText(t, r.message, r.values);
      if (name) form.setFields([{ name, errors: [text] }]);
      else left.push(text);
    }
    return left.length ? left.join('；') : null;
  }
  return errorText(t, e);
}
