// Frozen migration: visit plans and the comprehensive evaluation sheet (SPEC §3) — planned
// visits (generated from the tier × role plan and prospect grades, or typed in) with done marks,
// the plan runs per month, and saved evaluation sheets (客户综合评价表) with their history.
// Never edit after release — add a new dated file.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('visits')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('role', 'text', (c) => c.notNull()) // rep | team_lead | section_chief | manager | general_manager
    .addColumn('planned_on', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull()) // tier | prospect | manual
    .addColumn('basis', 'text') // the tier or prospect grade planned for
    .addColumn('done_on', 'text') // null: not done (missed once planned_on has passed)
    .addColumn('visited_by', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('visits_customer_role_day')
    .on('visits')
    .columns(['customer_id', 'role', 'planned_on'])
    .unique()
    .execute();
  await db.schema.createIndex('visits_planned_on').on('visits').columns(['planned_on', 'customer_id']).execute();

  await db.schema
    .createTable('visit_plan_runs')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('month', 'text', (c) => c.notNull()) // YYYY-MM
    .addColumn('created', 'integer', (c) => c.notNull())
    .addColumn('replaced', 'integer', (c) => c.notNull())
    .addColumn('customers', 'integer', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull()) // manual | monthly
    .addColumn('operator_name', 'text')
    .addColumn('run_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('visit_plan_runs_month').on('visit_plan_runs').columns(['month', 'id']).execute();

  await db.schema
    .createTable('customer_evaluations')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('evaluated_on', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('figures', 'text', (c) => c.notNull()) // JSON: the book's figures as saved
    .addColumn('rows', 'text', (c) => c.notNull()) // JSON: per row comment / problem / improvement (+ typed values)
    .addColumn('summary', 'text')
    .addColumn('evaluator', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('customer_evaluations_customer')
    .on('customer_evaluations')
    .columns(['customer_id', 'id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('visits migration cannot be reverted');
}
