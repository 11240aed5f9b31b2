// zod schemas for customer data, shared by the renderer's forms and main's IPC validation.
// Messages are i18n keys under `validation.*`; the renderer translates them, main prefixes the field.
import { z } from 'zod';
import { isoDate } from './common';
import {
  BUYING_ROLES,
  CONFIDENTIALITY,
  CUSTOMER_KINDS,
  LIFECYCLES,
  NATURES,
  PROFILE_FIELDS,
  PROSPECT_GRADES,
  type ProfileField,
} from '../customer-fields';

export { isoDate };

export const fen = z.number('invalid_money').int('invalid_money').refine(Number.isSafeInteger, 'invalid_money');
export const nonNegativeFen = fen.refine((n) => n >= 0, 'must_not_be_negative');

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'too_long')
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional();

/** The patterns of a code, a phone number and an e-mail address (also customer-fast.ts's). */
export const CODE_PATTERN = /^$|^[A-Za-z0-9][A-Za-z0-9_-]*$/; // empty is reported as required only
export const PHONE_PATTERN = /^$|^[0-9+()\-\s/转,，]{3,40}$/;
export const EMAIL_PATTERN = /^$|^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const customerCode = z
  .string('required')
  .trim()
  .min(1, 'required')
  .max(32, 'too_long')
  .regex(CODE_PATTERN, 'invalid_code');

export const phone = z
  .string()
  .trim()
  .max(40, 'too_long')
  .regex(PHONE_PATTERN, 'invalid_phone')
  .transform((s) => (s === '' ? null : s))
  .nullable()
  .optional();

export const email = z
  .string()
  .trim()
  .max(120, 'too_long')
  .regex(EMAIL_PATTERN, 'invalid_email')
  .transform((s) => (s === '' ? null : s))
  .nullable()
  .optional();

const emptyToNull = (v: unknown) => (v === '' ? null : v);

function profileFieldSchema(f: ProfileField): z.ZodType<unknown> {
  switch (f.type) {
    case 'date':
      return z.preprocess(emptyToNull, isoDate.nullable()).optional();
    case 'money':
      return nonNegativeFen.nullable().optional();
    case 'select':
      return z
        .preprocess(emptyToNull, z.enum(f.options as [string, ...string[]], 'invalid_option').nullable())
        .optional();
    case 'longtext':
      return optionalText(2000);
    default:
      return optionalText(200);
  }
}

export const profileSchema = z
  .object(Object.fromEntries(PROFILE_FIELDS.map((f) => [f.key, profileFieldSchema(f)])))
  .strict();

export type Profile = Record<string, string | number | null | undefined>;

export const contactInput = z
  .object({
    id: z.number().int().positive().optional(),
    name: z.string('required').trim().min(1, 'required').max(60, 'too_long'),
    title: optionalText(60),
    phone,
    mobile: phone,
    email,
    wechat: optionalText(60),
    birthday: z.preprocess(emptyToNull, isoDate.nullable()).optional(),
    notes: optionalText(500),
    buyingRole: z.enum(BUYING_ROLES, 'invalid_option').nullable().optional(),
    isKeyPayer: z.boolean().optional(),
  })
  .strict();

export const customerInput = z
  .object({
    code: customerCode,
    name: z.string('required').trim().min(1, 'required').max(100, 'too_long'),
    kind: z.enum(CUSTOMER_KINDS, 'invalid_option'),
    nature: z.enum(NATURES, 'invalid_option'),
    prospectGrade: z.enum(PROSPECT_GRADES, 'invalid_option').nullable().optional(),
    regionCode: z
      .string()
      .trim()
      .max(20, 'too_long')
      .transform((s) => (s === '' ? null : s))
      .nullable()
      .optional(),
    routeSeq: z
      .number('invalid_number')
      .int('invalid_number')
      .min(0, 'out_of_range')
      .max(999999, 'out_of_range')
      .nullable()
      .optional(),
    confidentiality: z.enum(CONFIDENTIALITY, 'invalid_option').default('normal'),
    address: optionalText(200),
    phone,
    email,
    paymentTermsDays: z
      .number('invalid_number')
      .int('invalid_number')
      .min(0, 'out_of_range')
      .max(3650, 'out_of_range')
      .default(30),
    creditLimit: nonNegativeFen.default(0),
    profile: profileSchema.default({}),
    contacts: z.array(contactInput).max(50, 'too_many').default([]),
  })
  .strict()
  .superRefine((c, ctx) => {
    const keyPayers = c.contacts.filter((x) => x.isKeyPayer).length;
    if (keyPayers > 1) ctx.addIssue({ code: 'custom', path: ['contacts'], message: 'one_key_payer' });
  });

export type CustomerInput = z.input<typeof customerInput>;
export type CustomerInputParsed = z.output<typeof customerInput>;
export type ContactInput = z.output<typeof contactInput>;

export const lifecycleSchema = z.enum(LIFECYCLES);
