// A complaint's audit entry reads with the complaint card's labels and its codes in words, not
// the credit area's 调查渠道 or raw codes such as product_quality (seen in the audit log at 1280).
import { beforeAll, describe, expect, it } from 'vitest';
import { renderValue } from '../../renderer/src/components/ChangeList';
import { complaintFieldLabel } from '../../renderer/src/pages/complaints/audit-labels';
import i18n, { loadLang } from '../../renderer/src/i18n';

import '../../renderer/src/pages/complaints/i18n';

// the main catalogues load on demand (one language at start in the app)
beforeAll(() => Promise.all([loadLang('zh-CN'), loadLang('en')]));

describe('complaint audit entries', () => {
  it('zh-CN: card labels and codes in words', async () => {
    await i18n.changeLanguage('zh-CN');
    const t = i18n.t.bind(i18n);
    expect(
      ['channel', 'receivedOn', 'type', 'severity', 'replyBy', 'customerName'].map((k) => complaintFieldLabel(t, k)),
    ).toEqual(['投诉方式', '受理日期', '投诉类别', '严重程度', '回复期限', '客户']);
    const v = (key: string, value: string) => renderValue(t, 'zh-CN', [key], value, { entity: 'complaint' });
    for (const [key, value] of [
      ['channel', 'phone'],
      ['type', 'product_quality'],
      ['severity', 'normal'],
      ['status', 'received'],
    ])
      expect(v(key, value), key).toMatch(/^[\u4e00-\u9fff]+$/);
    expect(t('audit.entities.complaint')).toBe('投诉');
  });

  it('en: the same in English', async () => {
    await i18n.changeLanguage('en');
    const t = i18n.t.bind(i18n);
    expect(complaintFieldLabel(t, 'channel')).not.toBe('channel');
    expect(renderValue(t, 'en', ['type'], 'product_quality', { entity: 'complaint' })).toBe('Product quality');
    expect(t('audit.entities.complaint')).toBe('Complaint');
    await i18n.changeLanguage('zh-CN');
  });
});
