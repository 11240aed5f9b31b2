// Rows of the printed complaint record card (客户投诉记录卡, the fifth customer card).
import type { PrintLang } from '../../../shared/types-statements';
import { formatMoney } from '../../../shared/money';
import type { ServiceContext } from '../context';
import { read } from '../book-queue';
import { complaintOut, listComplaintRows } from '../../db/complaints-store';
import { complaintLabel } from '../../../shared/complaint-labels';

export interface CardComplaint {
  date: string;
  kind: string;
  content: string;
  handling: string;
  result: string;
}

export async function complaintsForCard(
  ctx: ServiceContext,
  customerId: number,
  lang: PrintLang,
): Promise<CardComplaint[]> {
  const today = ctx.clock.today();
  return read(ctx, (sqlite) =>
    listComplaintRows(sqlite, { customerId }, today, { limit: 1000 }).rows.map((r) => {
      const c = complaintOut(r, today);
      const L = (group: Parameters<typeof complaintLabel>[0], v: string | null) =>
        v ? complaintLabel(group, v, lang) : '';
      const people = [c.receivedBy, c.followUpBy, c.replyPerson].filter(Boolean).join(' / ');
      const handling = [
        `${c.number} ${L('status', c.status)}`,
        people,
        c.responsibility
          ? `${lang === 'zh-CN' ? '责任：' : 'Responsibility: '}${L('responsibility', c.responsibility)}`
          : '',
      ]
        .filter(Boolean)
        .join(lang === 'zh-CN' ? '；' : '; ');
      const result = [
        L('resolution', c.resolution),
        c.compensation ? formatMoney(c.compensation) : '',
        c.creditNoteNumber && !c.creditNoteVoid ? c.creditNoteNumber : '',
        c.satisfaction ? `${lang === 'zh-CN' ? '满意度' : 'Satisfaction'} ${c.satisfaction}/5` : '',
      ]
        .filter(Boolean)
        .join(' ');
      return { date: c.receivedOn, kind: L('type', c.type), content: c.description, handling, result };
    }),
  );
}
