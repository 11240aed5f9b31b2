// #10: the printed customer cards take their field names and titles from the one label source
// (shared/labels/customer-fields.ts) that the screens use: every label printed on a card is the
// screen's label for that field, in zh-CN and en, and the print menu offers the printed titles.
import { describe, expect, it } from 'vitest';
import { cardsHtml, cardTitle } from '../../main/print/cards-html';
import { CARD_TITLES, CUSTOMER_FIELD_LABELS } from '../../shared/labels/customer-fields';
import { PROFILE_FIELDS } from '../../shared/customer-fields';
import { CARD_KINDS, type CardKind } from '../../shared/types-statements';
import type { CompanySettings, Customer } from '../../shared/types';
import { en } from '../../renderer/src/i18n/en';
import { zhCN } from '../../renderer/src/i18n/zh-CN';
import { statementsStrings } from '../../renderer/src/pages/statements/i18n';

const SCREENS = { 'zh-CN': zhCN, en } as const;

const customer = {
  id: 1,
  code: 'C000001',
  name: '杭州明远机电有限公司',
  kind: 'company',
  nature: 'ordinary_company',
  lifecycle: 'active',
  confidentiality: 'normal',
  address: '杭州',
  phone: '0571',
  email: 'a@b.cn',
  paymentTermsDays: 30,
  creditLimit: 100_000,
  creditRating: 'A',
  creditClass: 'B',
  valueTier: 'A',
  prospectGrade: null,
  regionCode: 'HZ',
  routeSeq: 3,
  profile: Object.fromEntries(PROFILE_FIELDS.map((f) => [f.key, f.type === 'money' ? 1 : 'x'])),
  contacts: [],
} as unknown as Customer;

const unescape = (h: string) =>
  h
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The label cells (th) of the cards' field tables. */
function printedLabels(kind: CardKind, lang: 'zh-CN' | 'en'): string[] {
  const html = cardsHtml(
    [kind],
    { customer, company: {} as CompanySettings, region: null, balance: 5, printedOn: '2026-11-23', complaints: [] },
    { lang },
  );
  const grids = [...html.matchAll(/<table class="grid kvgrid">([\s\S]*?)<\/table>/g)].map((m) => m[1]!);
  return grids.flatMap((g) => [...g.matchAll(/<th>([^<]*)<\/th>/g)].map((m) => unescape(m[1]!))).filter(Boolean);
}

describe('customer card labels have one source', () => {
  it('the screens show the shared field labels unchanged (zh-CN and en)', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const screen = SCREENS[lang].field as Record<string, string>;
      for (const [key, text] of Object.entries(CUSTOMER_FIELD_LABELS[lang]))
        expect(screen[key], `${lang} field.${key}`).toBe(text);
    }
  });

  it('every field label printed on the five cards is the screen’s label (zh-CN and en)', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const screenLabels = new Set(Object.values(SCREENS[lang].field as Record<string, string>));
      let n = 0;
      for (const kind of CARD_KINDS) {
        for (const text of printedLabels(kind, lang)) {
          expect(screenLabels.has(text), `${lang} ${kind} card prints "${text}"`).toBe(true);
          n++;
        }
      }
      expect(n).toBeGreaterThan(60);
    }
    // the words that used to differ between print and screen
    expect(printedLabels('grade', 'zh-CN')).toContain('账期（天）');
    expect(printedLabels('basic', 'en')).toContain('Lifecycle');
  });

  it('the printed titles are the ones the print menu offers', () => {
    for (const lang of ['zh-CN', 'en'] as const)
      for (const kind of CARD_KINDS) {
        expect(cardTitle(kind, lang)).toBe(CARD_TITLES[lang][kind]);
        expect(statementsStrings[lang].tab.cards[kind]).toBe(CARD_TITLES[lang][kind]);
      }
  });
});
