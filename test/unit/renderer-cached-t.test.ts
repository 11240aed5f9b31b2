import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { cachedT } from '../../renderer/src/pages/customers/list/cached-t';

describe('cachedT (the customer list rows’ labels)', () => {
  it('translates a key once per t, and passes calls with options through to t', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      lng: 'zh-CN',
      resources: { 'zh-CN': { translation: { kind: '企业', rows: '共 {{count}} 条' } } },
    });
    let calls = 0;
    const t = ((key: string, options?: Record<string, unknown>) => {
      calls++;
      return i18n.t(key, options);
    }) as unknown as typeof i18n.t;
    const label = cachedT(t);
    expect(label('kind')).toBe('企业');
    expect(label('kind')).toBe('企业');
    expect(calls).toBe(1);
    expect(label('rows', { count: 3 })).toBe('共 3 条');
    expect(label('rows', { count: 5 })).toBe('共 5 条');
    expect(calls).toBe(3);
  });
});
