// One source for labels: the screens, printed cards, exports and the import headers say the same
// thing for the same field and bucket (shared/labels, shared/customer-fields.ts).
import { describe, expect, it } from 'vitest';
import { BUCKET_LABELS, bucketColumnHeader, bucketLabel } from '../../shared/labels/buckets';
import { CHINESE_HEADERS, PROFILE_KEYS } from '../../shared/customer-fields';
import { DEFAULT_DUE_BUCKETS, DEFAULT_ISSUE_BUCKETS } from '../../main/domain/ageing';
import { zhCN } from '../../renderer/src/i18n/zh-CN';
import { en } from '../../renderer/src/i18n/en';

describe('labels', () => {
  it('profile fields: the screen (zh-CN) and the import/export headers agree', () => {
    const field = zhCN.field as Record<string, string>;
    const differ = PROFILE_KEYS.filter((k) => field[k] !== undefined && field[k] !== CHINESE_HEADERS[k]).map(
      (k) => `${k}: screen ${field[k]} vs file ${CHINESE_HEADERS[k]}`,
    );
    expect(differ).toEqual([]);
    expect(CHINESE_HEADERS.interests).toBe('兴趣爱好');
  });

  it('every default bucket has a label in both languages, and the screens use them', () => {
    const keys = [...DEFAULT_DUE_BUCKETS, ...DEFAULT_ISSUE_BUCKETS].map((b) => b.key);
    for (const locale of ['zh-CN', 'en'] as const)
      for (const k of keys) expect(BUCKET_LABELS[locale][k], `${locale} ${k}`).toBeTruthy();
    expect(zhCN.ar.bucket).toBe(BUCKET_LABELS['zh-CN']);
    expect(en.ar.bucket).toBe(BUCKET_LABELS.en);
  });

  it('the 31–60 bucket reads the same on screen, on the statement and in the export', () => {
    expect(bucketLabel('31-60', 'zh-CN')).toBe('31–60天');
    expect(bucketColumnHeader('31-60', 'zh-CN')).toBe('逾期31–60天');
    expect(bucketColumnHeader('not_due', 'zh-CN')).toBe('未到期');
    expect(bucketColumnHeader('31-60', 'en')).toBe('31-60');
    expect(bucketLabel('custom_key', 'en')).toBe('custom_key');
  });
});
