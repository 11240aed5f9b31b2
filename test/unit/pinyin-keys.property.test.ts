// pinyinKeys (one pinyin-pro conversion, tone marks taken off per syllable) must give exactly
// fullPinyin and pinyinInitials (two conversions each), which the customers' search text and
// name order were built with: a customer import stores both keys for every name.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { fullPinyin, pinyinInitials, pinyinKeys } from '../../main/domain/pinyin-search';

// polyphones read in context (行 重 长 乐 的 了), 一/不 tone sandhi, ü (绿 女 吕 略 律), syllables
// with combining or rare tone marks (嗯 呣 欸 噷), characters outside the BMP (𠀀 𪚥 𫖯), characters
// with two syllables (兛 瓩), Latin, digits, spaces, full-width and ASCII punctuation, an emoji
const POOL = [
  ...'华盛贸易重庆长安银行行业不一了乐音乐的确目的绿女吕略律嗯呣欸噷兛瓩有限公司（）·、-',
  '𠀀',
  '𪚥',
  '𫖯',
  '😀',
  ...'ABCxyz019 .,_&',
  '\u3000',
];
const text = fc.array(fc.constantFrom(...POOL), { maxLength: 16 }).map((cs) => cs.join(''));

it('pinyinKeys = { fullPinyin, pinyinInitials } on mixed text', () => {
  fc.assert(
    fc.property(text, (t) => {
      expect(pinyinKeys(t)).toEqual({ full: fullPinyin(t), initials: pinyinInitials(t) });
    }),
    { numRuns: 2000 },
  );
});

it('pinyinKeys on examples with ü, polyphones, sandhi and non-Chinese runs', () => {
  for (const t of ['', '绿源ABC商行', '吕布', '重庆长安', '一不做二不休', 'ABC', '嗯', '兛', '𠀀有限公司', 'A 行 B'])
    expect(pinyinKeys(t)).toEqual({ full: fullPinyin(t), initials: pinyinInitials(t) });
  expect(pinyinKeys('绿源ABC商行')).toEqual({ full: 'lvyuanabcshanghang', initials: 'lyabcsh' });
});
