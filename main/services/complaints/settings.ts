// The reply-by days per severity (及时处理), kept in the book's settings.
import { DEFAULT_REPLY_DAYS, COMPLAINT_SEVERITIES, type ReplyDays } from '../../../shared/types-complaints';
import { writeAudit } from '../audit';
import type { ServiceContext } from '../context';
import { getSetting } from '../settings';
import { serialize } from '../book-queue';

const KEY = 'complaints.reply_days';

export async function loadReplyDays(ctx: ServiceContext): Promise<ReplyDays> {
  const raw = await getSetting(ctx, KEY);
  if (!raw) return { ...DEFAULT_REPLY_DAYS };
  const v = JSON.parse(raw) as Partial<ReplyDays>;
  const out = { ...DEFAULT_REPLY_DAYS };
  for (const s of COMPLAINT_SEVERITIES) if (typeof v[s] === 'number') out[s] = v[s];
  return out;
}

export async function saveReplyDays(ctx: ServiceContext, replyDays: ReplyDays): Promise<{ replyDays: ReplyDays }> {
  const before = await loadReplyDays(ctx);
  await serialize(ctx, () =>
    ctx.book.db.transaction().execute(async (trx) => {
      const value = JSON.stringify(replyDays);
      await trx
        .insertInto('settings')
        .values({ key: KEY, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute();
      await writeAudit(ctx, trx, { entity: 'settings', entityId: KEY, action: 'update', before, after: replyDays });
    }),
  );
  return { replyDays: await loadReplyDays(ctx) };
}
