// Voiding a claim credit note (kind `claim`) from the ledger: the confirmation says which
// complaint it belongs to and offers to void the complaint's claim too. When chosen, the void
// goes through complaints:void-claim (credit note and claim voided in one transaction, both audited).
import { useQuery } from '@tanstack/react-query';
import { Alert, Checkbox } from 'antd';
import { call } from '../../../api/client';
import type { LedgerLine } from '@shared/types-receivables';
import type { ComplaintRow } from '@shared/types-complaints';
import { useCT } from '../../complaints/common';
import '../../complaints/i18n';

/** The complaint whose live claim this ledger line is (null when it is not a claim credit note). */
export function useClaimComplaint(line: LedgerLine): ComplaintRow | null {
  const isClaim = line.kind === 'credit_note' && line.description === 'claim';
  const q = useQuery({
    queryKey: ['complaints', 'by-credit-note', line.id],
    queryFn: () => call('complaints:by-credit-note', { creditNoteId: line.id }),
    enabled: isClaim,
  });
  const k = isClaim ? (q.data ?? null) : null;
  return k && k.claimConfirmedOn && !k.claimVoidedAt ? k : null;
}

export function ClaimVoidChoice(props: { complaint: ComplaintRow; checked: boolean; onChange: (v: boolean) => void }) {
  const t = useCT();
  const k = props.complaint;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="ar-void-claim"
      title={t('claim.belongsTo', { number: k.number, date: k.claimConfirmedOn })}
      description={
        <Checkbox
          checked={props.checked}
          onChange={(e) => props.onChange(e.target.checked)}
          data-testid="ar-void-claim-too"
        >
          {t('claim.alsoVoidClaim', { number: k.number })}
        </Checkbox>
      }
    />
  );
}

/** Void the claim credit note, and with `alsoClaim` the complaint's claim in the same transaction. */
export function voidClaimCreditNote(line: LedgerLine, complaint: ComplaintRow, reason: string, alsoClaim: boolean) {
  if (alsoClaim) return call('complaints:void-claim', { id: complaint.id, reason, voidCreditNote: true });
  return call('credit-notes:void', { id: line.id, reason });
}
