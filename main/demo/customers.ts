// Demo book: realistic Chinese customers (companies, people, addresses, phones), deterministic
// for a seed, fast enough for 100,000 customers (bulk inserts in one transaction).
import { fakerZH_CN, type Faker } from '@faker-js/faker';
import type { ServiceContext } from '../services/context';
import { customerColumns } from '../services/customers';
import { customerInput } from '../../shared/schemas/customer';
import { ORG_FORMS, type BuyingRole } from '../../shared/customer-fields';

export const DEMO_REGIONS = [
  { code: 'HD', name: '华东区', area: '上海、江苏、浙江、安徽' },
  { code: 'HB', name: '华北区', area: '北京、天津、河北、山西' },
  { code: 'HN', name: '华南区', area: '广东、广西、海南、福建' },
  { code: 'HZ', name: '华中区', area: '湖北、湖南、河南、江西' },
  { code: 'XN', name: '西南区', area: '四川、重庆、云南、贵州' },
  { code: 'XB', name: '西北区', area: '陕西、甘肃、宁夏、新疆' },
  { code: 'DB', name: '东北区', area: '辽宁、吉林、黑龙江' },
];

const INDUSTRIES = [
  '批发零售',
  '制造业',
  '建筑安装',
  '餐饮服务',
  '物流运输',
  '电子电器',
  '食品饮料',
  '纺织服装',
  '五金机电',
  '医药器械',
];
const ROLES: BuyingRole[] = ['decision_maker', 'purchaser', 'user', 'influencer', 'initiator'];
const TITLES = ['总经理', '采购经理', '财务经理', '出纳', '老板', '仓库主管', '副总经理'];

export interface DemoCustomer {
  code: string;
  input: ReturnType<typeof customerInput.parse>;
  lifecycle: 'prospect' | 'active' | 'suspended' | 'terminated';
}

export function makeDemoCustomers(count: number, seed: number): DemoCustomer[] {
  const f: Faker = fakerZH_CN;
  f.seed(seed);
  const routeByRegion = new Map<string, number>();
  const out: DemoCustomer[] = [];
  for (let i = 1; i <= count; i++) {
    const individual = f.number.int({ min: 1, max: 10 }) === 1;
    const region = f.helpers.arrayElement(DEMO_REGIONS).code;
    const route = (routeByRegion.get(region) ?? 0) + 10;
    routeByRegion.set(region, route);
    const person = f.person.lastName() + f.person.firstName();
    const name = individual ? person : f.company.name();
    const mobile = f.phone.number();
    const roll = f.number.int({ min: 1, max: 100 });
    const lifecycle = roll <= 8 ? 'prospect' : roll <= 95 ? 'active' : roll <= 98 ? 'suspended' : 'terminated';
    const confRoll = f.number.int({ min: 1, max: 100 });
    const raw = {
      code: `C${String(i).padStart(6, '0')}`,
      name,
      kind: individual ? 'individual' : 'company',
      nature: individual
        ? 'individual'
        : f.helpers.weightedArrayElement([
            { value: 'ordinary_company', weight: 80 },
            { value: 'trade_partner', weight: 12 },
            { value: 'special_company', weight: 5 },
            { value: 'government', weight: 3 },
          ]),
      prospectGrade: lifecycle === 'prospect' ? f.helpers.arrayElement(['A', 'B', 'C', 'D']) : null,
      regionCode: region,
      routeSeq: route,
      confidentiality:
        confRoll <= 85 ? 'normal' : confRoll <= 95 ? 'secret' : confRoll <= 99 ? 'confidential' : 'top_secret',
      address: `${f.location.state()}${f.location.city()}${f.location.street()}${f.number.int({ min: 1, max: 999 })}号`,
      phone: `0${f.number.int({ min: 10, max: 999 })}-${f.number.int({ min: 2000000, max: 89999999 })}`,
      email: `${f.string.alphanumeric({ length: 6, casing: 'lower' })}@${f.helpers.arrayElement(['163.com', 'qq.com', '126.com', 'sina.com'])}`,
      paymentTermsDays: f.helpers.arrayElement([0, 15, 30, 30, 30, 45, 60, 90]),
      creditLimit: f.number.int({ min: 1, max: 200 }) * 1_000_000, // ¥10,000 steps, in fen
      profile: individual
        ? {
            gender: f.helpers.arrayElement(['male', 'female']),
            occupation: f.person.jobTitle(),
            payment_habit: f.helpers.arrayElement(['按时付款', '月底结清', '常需催收']),
            best_visit_time: f.helpers.arrayElement(['上午', '下午', '周末']),
          }
        : {
            legal_rep: f.person.lastName() + f.person.firstName(),
            manager: person,
            org_form: f.helpers.arrayElement(ORG_FORMS.slice(0, 4)),
            industry: f.helpers.arrayElement(INDUSTRIES),
            registered_capital: f.number.int({ min: 10, max: 5000 }) * 1_000_000,
            founded_on: f.date.between({ from: '1995-01-01', to: '2022-12-31' }).toISOString().slice(0, 10),
            trading_since: f.date.between({ from: '2015-01-01', to: '2026-06-30' }).toISOString().slice(0, 10),
            cooperation_attitude: f.helpers.arrayElement(['积极', '一般', '配合']),
            best_visit_time: f.helpers.arrayElement(['上午9-11点', '下午2-5点', '周三下午']),
          },
      contacts: [
        {
          name: person,
          title: f.helpers.arrayElement(TITLES),
          mobile,
          wechat: `wx_${f.string.alphanumeric({ length: 8, casing: 'lower' })}`,
          buyingRole: f.helpers.arrayElement(ROLES),
          isKeyPayer: true,
        },
      ],
    };
    out.push({ code: raw.code, input: customerInput.parse(raw), lifecycle });
  }
  return out;
}

/** Writes demo regions and customers (with contacts) into an empty book, in one transaction. */
export async function insertDemoCustomers(ctx: ServiceContext, customers: DemoCustomer[]): Promise<void> {
  const now = ctx.clock.now().toISOString();
  await ctx.book.db.transaction().execute(async (trx) => {
    for (const r of DEMO_REGIONS) {
      await trx
        .insertInto('regions')
        .values({ ...r, created_at: now })
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
    }
    for (let i = 0; i < customers.length; i += 500) {
      const chunk = customers.slice(i, i + 500);
      const ids = await trx
        .insertInto('customers')
        .values(
          chunk.map((c) => ({
            ...customerColumns(c.input),
            lifecycle: c.lifecycle,
            opening_review:
              c.lifecycle === 'prospect'
                ? null
                : JSON.stringify({ requestedBy: '业务员', approvedBy: '总经理', approvedAt: now, note: 'demo' }),
            created_at: now,
            updated_at: now,
          })),
        )
        .returning('id')
        .execute();
      const contacts = chunk.flatMap((c, j) =>
        c.input.contacts.map((k, s) => ({
          customer_id: ids[j].id,
          name: k.name,
          title: k.title ?? null,
          phone: k.phone ?? null,
          mobile: k.mobile ?? null,
          email: k.email ?? null,
          wechat: k.wechat ?? null,
          birthday: null,
          notes: null,
          buying_role: k.buyingRole ?? null,
          is_key_payer: k.isKeyPayer ? 1 : 0,
          sort: s,
        })),
      );
      await trx.insertInto('contacts').values(contacts).execute();
    }
    await trx
      .insertInto('audit_log')
      .values({
        at: now,
        operator_id: ctx.session.operator?.id || null,
        operator_name: ctx.session.operator?.name ?? null,
        entity: 'demo',
        entity_id: null,
        customer_id: null,
        action: 'demo',
        before: null,
        after: JSON.stringify({ customers: customers.length }),
        note: null,
      })
      .execute();
  });
}
