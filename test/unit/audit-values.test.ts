// The audit log shows records in words: labels translated, money formatted, codes named (issue 16 item 8).
import { beforeAll, describe, expect, it } from 'vitest';
import { renderValue } from '../../renderer/src/components/ChangeList';
import { fieldLabel } from '../../renderer/src/format/errors';
import i18n, { loadLang } from '../../renderer/src/i18n';

// the main catalogues load on demand (one language at start in the app)
beforeAll(() => Promise.all([loadLang('zh-CN'), loadLang('en')]));

describe('audit values', () => {
  it('a credit override reason reads in Chinese with formatted money', async () => {
    await i18n.changeLanguage('zh-CN');
    const t = i18n.t.bind(i18n);
    const reasons = [
      {
        code: 'over_limit',
        severity: 'block',
        message: 'exposure 110866560 would exceed the limit 107000000 by 3866560',
      },
    ];
    const text = renderValue(t, 'zh-CN', ['reasons'], reasons, {
      entity: 'invoice',
      record: { projected: 110866560, limit: 107000000 },
    });
    expect(text).toContain('1,108,665.60');
    expect(text).toContain('1,070,000.00');
    expect(text).toContain('38,665.60');
    expect(text).not.toMatch(/110866560|exposure/);
  });
  it('record keys and codes are labelled, sizes and checksums readable', async () => {
    await i18n.changeLanguage('zh-CN');
    const t = i18n.t.bind(i18n);
    const labels = ['file', 'bytes', 'sha256', 'from', 'to', 'output'].map((k) => fieldLabel(t, k));
    expect(labels).toEqual(['文件', '大小', '校验值（SHA-256）', '开始日期', '结束日期', '输出方式']);
    expect(renderValue(t, 'zh-CN', ['kind'], 'manual', { entity: 'backup' })).toBe('手动');
    expect(renderValue(t, 'zh-CN', ['output'], 'combined', { entity: 'statement_run' })).toBe('合并为一个文件');
    expect(renderValue(t, 'zh-CN', ['kind'], 'bank_acceptance', { entity: 'note_receivable' })).toBe('银行承兑汇票');
    expect(renderValue(t, 'zh-CN', ['bytes'], 5 * 1024 * 1024, { entity: 'backup' })).toBe('5.0 MB');
    expect(renderValue(t, 'zh-CN', ['sha256'], 'a'.repeat(64), { entity: 'backup' })).toBe('aaaaaaaaaaaa…');
    expect(renderValue(t, 'zh-CN', ['statedDifference'], -12345)).toContain('123.45');
  });
  it('English too', async () => {
    await i18n.changeLanguage('en');
    const t = i18n.t.bind(i18n);
    expect(fieldLabel(t, 'sha256')).toBe('Checksum (SHA-256)');
    expect(renderValue(t, 'en', ['kind'], 'manual', { entity: 'backup' })).toBe('Manual');
    await i18n.changeLanguage('zh-CN');
  });
});
