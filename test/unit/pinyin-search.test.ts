import { describe, expect, it } from 'vitest';
import { buildSearchText, fullPinyin, normaliseQuery, pinyinInitials } from '../../main/domain/pinyin-search';

describe('pinyin search keys', () => {
  it('gives initials and full pinyin of Chinese names', () => {
    expect(pinyinInitials('华盛贸易')).toBe('hsmy');
    expect(fullPinyin('华盛贸易')).toBe('huashengmaoyi');
    expect(fullPinyin('重庆长安')).toBe('chongqingchangan'); // polyphones read in context
    expect(pinyinInitials('绿源ABC商行')).toBe('lyabcsh');
    expect(fullPinyin('吕布')).toBe('lvbu');
  });

  it('builds one lower-case key with code, name, phones, initials and full pinyin', () => {
    expect(
      buildSearchText({ code: 'C000123', name: '华盛贸易', phones: ['0571-8888 1234', null, '13800138000'] }),
    ).toBe('c000123|华盛贸易|057188881234|13800138000|hsmy|huashengmaoyi');
  });

  it('normalises typed queries the same way', () => {
    expect(normaliseQuery('  HuaSheng ')).toBe('huasheng');
    expect(normaliseQuery('0571-8888 1234')).toBe('057188881234');
    const key = buildSearchText({ code: 'C1', name: '华盛贸易', phones: ['0571-8888 1234'] });
    for (const q of ['hsmy', 'huasheng', 'HSMY', '华盛', '8888 1234', 'c1'])
      expect(key.includes(normaliseQuery(q))).toBe(true);
    expect(key.includes(normaliseQuery('hsmx'))).toBe(false);
  });
});
