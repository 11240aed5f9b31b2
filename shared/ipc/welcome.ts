// First start on an empty book (merged into contract.ts): set up the company's own book (name,
// statement header, first operator with an optional password), or open a demo book to look around.
import { z } from 'zod';
import { channel } from './channel';
import type { AppInfo } from '../types';

const optionalText = (max: number) => z.string().trim().max(max, 'too_long').optional();

export const welcomeChannels = {
  'welcome:set-up': channel<AppInfo>()(
    z
      .object({
        name: z.string().trim().min(1, 'required').max(100, 'too_long'),
        address: optionalText(200),
        phone: optionalText(40),
        taxId: optionalText(40),
        bankAccount: optionalText(100),
        operatorName: z.string().trim().min(1, 'required').max(40, 'too_long'),
        password: z.string().max(200, 'too_long').optional(),
      })
      .strict(),
  ),
  'welcome:open-demo': channel<AppInfo>()(z.object({}).strict().default({})),
};
