// Planned visits avoid public holidays (the visit settings' holiday list) the way they avoid
// weekends: a visit falling on one moves to the nearest working day of its period.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDesk, type TestDesk } from '../support/book';
import { activeCustomer } from '../support/worked-example';

let t: TestDesk;
let c1: number;
beforeEach(async () => {
  t = await openTestDesk({ now: '2026-11-23T09:00:00.000Z' });
  c1 = await activeCustomer(t.ok, 'C1');
  await t.ok('invoices:create', { customerId: c1, number: 'A-1', issueDate: '2026-09-01', amount: 3_650_000 });
  await t.ok('analysis:recompute', {}); // the only customer: tier A
});
afterEach(async () => t.close());

const repVisits = async () =>
  (await t.ok('visits:list', { from: '2026-12-01', to: '2026-12-31', customerId: c1 })).rows
    .filter((r: { role: string }) => r.role === 'rep')
    .map((r: { plannedOn: string }) => r.plannedOn);

describe('visit plans and public holidays', () => {
  it('a visit on a holiday moves to the nearest working day; settings keep the list, audited', async () => {
    await t.ok('visits:generate', { month: '2026-12' });
    // tier A account rep 3 a month: Dec 2, Dec 12 (Saturday → Friday 11), Dec 22
    expect(await repVisits()).toEqual(['2026-12-02', '2026-12-11', '2026-12-22']);

    const s = await t.ok('visits:update-plan-settings', { holidays: ['2026-12-11', '2026-12-02'] });
    expect(s.holidays).toEqual(['2026-12-02', '2026-12-11']);
    await t.ok('visits:generate', { month: '2026-12' });
    // Dec 2 (Wed, holiday) → Tue 1 (tie with Thu 3: the earlier); Dec 12 (Sat) → Fri 11 is a holiday → Thu 10
    expect(await repVisits()).toEqual(['2026-12-01', '2026-12-10', '2026-12-22']);
    const audit = t.desk.ctx.book.sqlite
      .prepare("SELECT after FROM audit_log WHERE entity = 'settings' AND entity_id = 'visit-plan' ORDER BY id DESC")
      .get() as { after: string };
    expect(JSON.parse(audit.after).holidays).toEqual(['2026-12-02', '2026-12-11']);
  });

  it('a date that does not exist is refused with its field named, and nothing changes', async () => {
    const before = await t.ok('visits:plan-settings', {});
    const r = await t.call('visits:update-plan-settings', { holidays: ['2026-10-01', '2026-02-30'] });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'holidays.1', message: 'visits.error.holiday' },
    });
    expect(await t.ok('visits:plan-settings', {})).toEqual(before);
  });
});

describe('make-up working days (调休上班)', () => {
  it('a weekend date worked is a working day: visits fall on it and move to it; kept, audited', async () => {
    // Sat Dec 12 would move to Fri Dec 11; as a make-up working day the visit stays on the Saturday
    const s = await t.ok('visits:update-plan-settings', { workdays: ['2026-12-12'] });
    expect(s.workdays).toEqual(['2026-12-12']);
    await t.ok('visits:generate', { month: '2026-12' });
    expect(await repVisits()).toEqual(['2026-12-02', '2026-12-12', '2026-12-22']);
    // Sat 12 no longer worked, Fri 11 and Mon 14 holidays, Sun 13 worked instead
    await t.ok('visits:update-plan-settings', { holidays: ['2026-12-11', '2026-12-14'], workdays: ['2026-12-13'] });
    await t.ok('visits:generate', { month: '2026-12' });
    // Sat 12 (off again) → Fri 11 holiday, Sun 13 worked: the nearest working day, one day later
    expect(await repVisits()).toEqual(['2026-12-02', '2026-12-13', '2026-12-22']);
    const audit = t.desk.ctx.book.sqlite
      .prepare(
        "SELECT before, after FROM audit_log WHERE entity = 'settings' AND entity_id = 'visit-plan' ORDER BY id DESC",
      )
      .get() as { before: string; after: string };
    expect(JSON.parse(audit.before).workdays).toEqual(['2026-12-12']);
    expect(JSON.parse(audit.after).workdays).toEqual(['2026-12-13']);
  });

  it('refused by field, nothing changed: not a date, not a weekend, also a holiday', async () => {
    await t.ok('visits:update-plan-settings', { holidays: ['2026-10-01'], workdays: ['2026-10-10'] });
    const before = await t.ok('visits:plan-settings', {});
    const refused = async (patch: object, field: string, message: string) => {
      const r = await t.call('visits:update-plan-settings', patch);
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', field, message } });
      expect(await t.ok('visits:plan-settings', {})).toEqual(before);
    };
    await refused({ workdays: ['2026-09-27', '2026-13-01'] }, 'workdays.1', 'visits.error.workday');
    await refused({ workdays: ['2026-09-27', '2026-10-09'] }, 'workdays.1', 'visits.error.workdayNotWeekend'); // a Friday
    await refused(
      { workdays: ['2026-10-03'], holidays: ['2026-10-03'] },
      'workdays.0',
      'visits.error.workdayIsHoliday',
    );
    // a new holiday on the saved make-up working day names the holiday
    await refused({ holidays: ['2026-10-01', '2026-10-10'] }, 'holidays.1', 'visits.error.holidayIsWorkday');
    // a saved holiday may not become a make-up day either
    await refused({ workdays: ['2026-10-10', '2026-10-01'] }, 'workdays.1', 'visits.error.workdayNotWeekend');
  });
});
