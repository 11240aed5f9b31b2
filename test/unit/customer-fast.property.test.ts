// customerInputFast (the import's parse of a plain customer without zod) against the zod schema it
// repeats: whenever it answers, zod accepts the same candidate and gives exactly the same data
// (keys, order, values); and it does answer for the plain valid rows a large import is made of.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { customerInput } from '../../shared/schemas/customer';
import { customerInputFast, type CustomerCandidate } from '../../shared/schemas/customer-fast';

// characters that pass or fail the code, phone and e-mail patterns, whitespace zod's trim removes
const CHARS = [...'Aa0_-+()/转,，@.名 \t', '\u3000', '\u00a0', '\n', 'é', '😀'];
const textOf = (maxLength: number) => fc.array(fc.constantFrom(...CHARS), { maxLength }).map((cs) => cs.join(''));
/** Strings around a length bound: padded plain text of length bound ± 1, and mixed text. */
const around = (bound: number, fill: string) =>
  fc.oneof(
    textOf(12),
    fc.integer({ min: bound - 1, max: bound + 1 }).map((n) => fill.repeat(n)),
    fc.integer({ min: bound - 2, max: bound }).map((n) => ` ${fill.repeat(n)} `),
  );
const numberish = (min: number, max: number) =>
  fc.oneof(
    fc.integer({ min: min - 2, max: min + 2 }),
    fc.integer({ min: max - 2, max: max + 2 }),
    fc.constantFrom(-0, 0.5, NaN, Infinity, 2 ** 53, -(2 ** 53), Number.MAX_SAFE_INTEGER),
    fc.double(),
  );
const maybe = <T>(a: fc.Arbitrary<T>) => fc.oneof(a, fc.constantFrom(undefined, null, ''));

/** Mostly a valid value (from `valid`), sometimes an edge case around the field's rules. */
const field = <T, U>(valid: fc.Arbitrary<T>, edge: fc.Arbitrary<U>) =>
  fc.oneof({ arbitrary: valid, weight: 12 }, { arbitrary: edge, weight: 1 });
const digits = fc.array(fc.constantFrom(...'0123456789-'), { minLength: 3, maxLength: 14 }).map((cs) => cs.join(''));

const candidate: fc.Arbitrary<CustomerCandidate> = fc.record({
  code: field(
    fc.stringMatching(/^[A-Z][A-Za-z0-9_-]{0,31}$/),
    fc.oneof(around(32, 'C'), fc.constantFrom(' C-1 ', '-C', '')),
  ),
  name: field(fc.constantFrom('华盛贸易有限公司', 'ABC', ' 名 '), fc.oneof(around(100, '名'), fc.constant('  '))),
  kind: field(fc.constantFrom('company', 'individual'), fc.constantFrom('Company', '', undefined)),
  nature: field(fc.constantFrom('government', 'trade_partner', 'individual'), fc.constantFrom('other', undefined)),
  prospectGrade: field(fc.constantFrom('A', 'D', null), fc.constantFrom('E', 'a', undefined)),
  regionCode: field(fc.constantFrom('XB', 'HN', null), maybe(around(20, 'R'))),
  routeSeq: field(fc.oneof(fc.nat(999999), fc.constant(null)), maybe(numberish(0, 999999))),
  confidentiality: field(fc.constantFrom('normal', 'top_secret'), fc.constantFrom('public', undefined, null)),
  address: field(fc.constantFrom('宁夏回族自治区长徽市莫中心19号', undefined), maybe(around(200, '路'))),
  phone: field(
    fc.oneof(digits, fc.constant('')),
    maybe(fc.oneof(around(40, '1'), fc.constantFrom('(010) 1234转5', '12', '123a'))),
  ),
  email: field(
    fc.constantFrom('a@b.cn', undefined),
    maybe(fc.oneof(around(120, 'a'), fc.constantFrom('a@b', ' x@y.z ', 'a b@c.d'))),
  ),
  paymentTermsDays: field(
    fc.integer({ min: 0, max: 3650 }),
    fc.oneof(numberish(0, 3650), fc.constantFrom(undefined, null, '30')),
  ),
  creditLimit: field(fc.nat(), fc.oneof(numberish(0, Number.MAX_SAFE_INTEGER), fc.constantFrom(undefined, -0))),
  profile: field(
    fc.constant({}),
    fc.constantFrom({ website: 'x.cn' }, { org_form: 'llc' }, { org_form: 'nope' }, { unknown_key: 'x' }),
  ),
  contacts: field(fc.constant([]), fc.constant([{ name: 'x' }])),
});

it('customerInputFast answers only what customerInput.safeParse gives, key for key', () => {
  let answered = 0;
  let zodOnly = 0;
  fc.assert(
    fc.property(candidate, (c) => {
      const fast = customerInputFast(c);
      const parsed = customerInput.safeParse(c);
      if (fast === null) {
        if (parsed.success && (c.contacts as unknown[]).length === 0) zodOnly++;
        return;
      }
      answered++;
      expect(parsed.success).toBe(true);
      expect(fast).toStrictEqual(parsed.data);
      expect(Object.keys(fast)).toEqual(Object.keys(parsed.data!));
      expect(Object.is(fast.creditLimit, parsed.data!.creditLimit)).toBe(true);
    }),
    { numRuns: 8000 },
  );
  // not vacuous: the fast parse answers often, and zod alone accepts next to nothing it declines
  console.log({ answered, zodOnly });
  expect(answered).toBeGreaterThan(2000);
});

it('customerInputFast answers for plain valid rows (those of a large import)', () => {
  const plain: CustomerCandidate = {
    code: 'C000001',
    name: '武安市磊传媒股份有限公司',
    kind: 'company',
    nature: 'trade_partner',
    prospectGrade: 'A',
    regionCode: 'XB',
    routeSeq: 10,
    confidentiality: 'normal',
    address: '宁夏回族自治区长徽市莫中心19号',
    phone: '0752-89019775',
    email: 'qas3gw@qq.com',
    paymentTermsDays: 30,
    creditLimit: 27000000,
    profile: {},
    contacts: [],
  };
  for (const c of [
    plain,
    {
      ...plain,
      prospectGrade: null,
      regionCode: null,
      routeSeq: null,
      address: undefined,
      phone: '',
      email: undefined,
    },
    { ...plain, creditLimit: 0, paymentTermsDays: 0, kind: 'individual', nature: 'individual' },
    { ...plain, profile: { website: 'example.cn' } },
  ]) {
    const fast = customerInputFast(c);
    expect(fast).not.toBeNull();
    expect(fast).toStrictEqual(customerInput.parse(c));
  }
});
