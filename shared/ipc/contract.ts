// The one IPC contract: channel → zod input schema + output type. The main handler map,
// the preload bridge and the renderer client are all typed from this object, so a renamed
// channel or changed shape fails to compile everywhere at once.
import { z } from 'zod';
import { CONFIDENTIALITY, LIFECYCLES, NATURES } from '../customer-fields';
import { customerInput } from '../schemas/customer';
import type {
  AppInfo,
  AuditEntry,
  CompanySettings,
  Customer,
  CustomerListRow,
  ExportFile,
  ImportSummary,
  Operator,
  Region,
} from '../types';
import { OPERATOR_ROLES } from '../types';

import { channel } from './channel';
import { importFileInput } from './files';
import { id } from '../schemas/common';
import { receivablesChannels } from './receivables';
import { backupChannels } from './backup';
import { statementsChannels } from './statements';
import { welcomeChannels } from './welcome';
import { analysisChannels } from './analysis';
import { creditChannels } from './credit';
import { collectionsChannels } from './collections';
import { collectionRunsChannels } from './collection-runs';
import { complaintsChannels } from './complaints';
import { serviceChannels } from './service';
import { visitsChannels } from './visits';

const empty = z.object({}).strict().default({});

export const customerFilter = z
  .object({
    query: z.string().max(100).optional(),
    nature: z.array(z.enum(NATURES)).optional(),
    lifecycle: z.array(z.enum(LIFECYCLES)).optional(),
    region: z.array(z.string().max(20)).optional(),
    confidentiality: z.array(z.enum(CONFIDENTIALITY)).optional(),
    /** terminated customers leave the active lists unless asked for */
    includeTerminated: z.boolean().optional(),
    /** value tier A/B/C; 'none' = not computed */
    valueTier: z.array(z.enum(['A', 'B', 'C', 'none'])).optional(),
    /** credit rating AAA…D; 'none' = not rated */
    creditRating: z.array(z.string().max(8)).optional(),
    /** credit report class A/B/C (信用报告类别); 'none' = not set */
    creditClass: z.array(z.enum(['A', 'B', 'C', 'none'])).optional(),
    /** prospect grade A–D; 'none' = no grade */
    prospectGrade: z.array(z.enum(['A', 'B', 'C', 'D', 'none'])).optional(),
  })
  .strict();

const auditQuery = z
  .object({
    customerId: id.optional(),
    /** a customer code, resolved in main (the viewer filters by code as people type it) */
    customerCode: z.string().trim().max(32).optional(),
    operator: z.string().max(40).optional(),
    entity: z.string().max(40).optional(),
    from: z.string().max(30).optional(),
    to: z.string().max(30).optional(),
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  })
  .strict();

export const customerSort = z.enum([
  'code',
  'name',
  'region',
  'lifecycle',
  'creditLimit',
  'valueTier',
  'creditRating',
  'creditClass',
]);

export const contract = {
  ...receivablesChannels,
  ...backupChannels,
  ...statementsChannels,
  ...welcomeChannels,
  ...analysisChannels,
  ...creditChannels,
  ...collectionsChannels,
  ...collectionRunsChannels,
  ...complaintsChannels,
  ...serviceChannels,
  ...visitsChannels,
  'app:info': channel<AppInfo>()(empty),
  'app:set-locale': channel<{ locale: string }>()(z.object({ locale: z.enum(['zh-CN', 'en']) }).strict()),

  // path: typed (browser mode only); pathToken: staged by the desktop's native dialog (#15 10f)
  'books:open': channel<AppInfo>()(
    z
      .object({
        path: z.string().min(1).optional(),
        pathToken: z.string().min(1).max(100).optional(),
        readonly: z.boolean().optional(),
        openAnyway: z.boolean().optional(),
      })
      .strict()
      .refine((v) => (v.path === undefined) !== (v.pathToken === undefined), { message: 'required', path: ['path'] }),
  ),
  'books:create': channel<AppInfo>()(
    z
      .object({
        path: z.string().min(1).optional(),
        pathToken: z.string().min(1).max(100).optional(),
        company: z.string().trim().min(1, 'required').max(100, 'too_long'),
      })
      .strict()
      .refine((v) => (v.path === undefined) !== (v.pathToken === undefined), { message: 'required', path: ['path'] }),
  ),

  'settings:company': channel<CompanySettings>()(empty),
  'settings:update-company': channel<CompanySettings>()(
    z
      .object({
        name: z.string().trim().min(1, 'required').max(100, 'too_long'),
        address: z.string().max(200, 'too_long'),
        taxId: z.string().max(40, 'too_long'),
        phone: z.string().max(40, 'too_long'),
        bankAccount: z.string().max(100, 'too_long'),
        currency: z.string().regex(/^[A-Z]{3}$/, 'invalid_option'),
        logoDataUrl: z
          .string()
          .max(2_000_000, 'too_long')
          .regex(/^data:image\/(png|jpeg|svg\+xml);base64,/, 'invalid_option')
          .nullable(),
      })
      .partial()
      .strict(),
  ),

  'operators:list': channel<Operator[]>()(empty),
  'operators:create': channel<Operator>()(
    z
      .object({
        name: z.string().trim().min(1, 'required').max(40, 'too_long'),
        password: z.string().max(200).optional(),
        role: z.enum(OPERATOR_ROLES).optional(),
      })
      .strict(),
  ),
  'operators:login': channel<Operator>()(z.object({ id, password: z.string().max(200).optional() }).strict()),

  'regions:list': channel<Region[]>()(empty),
  'regions:upsert': channel<Region>()(
    z
      .object({
        code: z.string().trim().min(1, 'required').max(20, 'too_long'),
        name: z.string().trim().min(1, 'required').max(60, 'too_long'),
        area: z.string().max(200, 'too_long').nullable(),
      })
      .strict(),
  ),

  'customers:list': channel<{ total: number; rows: CustomerListRow[] }>()(
    z
      .object({
        filter: customerFilter.optional(),
        sort: customerSort.optional(),
        order: z.enum(['asc', 'desc']).optional(),
        offset: z.number().int().min(0).optional(),
        limit: z.number().int().min(1).max(1000).optional(),
      })
      .strict(),
  ),
  'customers:get': channel<Customer>()(
    z
      .object({ id: id.optional(), code: z.string().max(32).optional() })
      .strict()
      .refine((v) => v.id !== undefined || v.code !== undefined, 'required'),
  ),
  'customers:create': channel<Customer>()(customerInput),
  'customers:update': channel<Customer>()(
    z.object({ id, version: z.number().int().positive(), data: customerInput }).strict(),
  ),
  'customers:approve-opening': channel<Customer>()(
    z
      .object({
        id,
        approvedBy: z.string().trim().min(1, 'required').max(40, 'too_long'),
        requestedBy: z.string().trim().max(40, 'too_long').optional(),
        note: z.string().max(500, 'too_long').optional(),
      })
      .strict(),
  ),
  'customers:set-lifecycle': channel<Customer>()(
    z
      .object({
        id,
        to: z.enum(['suspended', 'active', 'terminated']),
        reason: z.string().trim().min(1, 'required').max(500, 'too_long'),
      })
      .strict(),
  ),
  'customers:history': channel<AuditEntry[]>()(z.object({ id }).strict()),
  'customers:import': channel<ImportSummary>()(importFileInput),
  'customers:export': channel<ExportFile>()(
    z
      .object({
        filter: customerFilter.optional(),
        format: z.enum(['csv', 'xlsx']),
        /** unmask confidential/top-secret customers: requires confirmed: true, audit logged */
        includeSensitive: z.boolean().optional(),
        confirmed: z.boolean().optional(),
        locale: z.enum(['zh-CN', 'en']).optional(),
      })
      .strict(),
  ),

  'audit:list': channel<{ total: number; rows: AuditEntry[] }>()(auditQuery),
  'audit:export': channel<ExportFile>()(
    auditQuery.extend({
      format: z.enum(['csv', 'xlsx']),
      locale: z.enum(['zh-CN', 'en']).optional(),
      /** unmask entries of confidential/top-secret customers: requires confirmed: true */
      includeSensitive: z.boolean().optional(),
      confirmed: z.boolean().optional(),
    }),
  ),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = Contract[C]['output'];
/** What the handler in main returns and IPC carries (OutputOf unless the channel has a wire form). */
export type WireOf<C extends Channel> = Contract[C]['wire'];
export const CHANNELS = Object.keys(contract) as Channel[];
