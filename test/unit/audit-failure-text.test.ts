// A failed backup or restore in the audit log (main stores its message as `problem: {key, values}`)
// and an operator's role read in the page's language.
import { beforeAll, describe, expect, it } from 'vitest';
import { renderValue } from '../../renderer/src/components/ChangeList';
import { fieldLabel } from '../../renderer/src/format/errors';
import i18n, { loadLang } from '../../renderer/src/i18n';
import '../../renderer/src/pages/credit/i18n';

beforeAll(() => Promise.all([loadLang('zh-CN'), loadLang('en')]));

const problem = { key: 'backup_folder_not_found', values: { dir: 'E:\\备份' } };

describe('audit failures', () => {
  it('a failure reads in Chinese in zh-CN and in English in en', async () => {
    await i18n.changeLanguage('zh-CN');
    const t = i18n.t.bind(i18n);
    expect(fieldLabel(t, 'problem')).toBe('失败原因');
    expect(renderValue(t, 'zh-CN', ['problem'], problem, { entity: 'backup' })).toBe(
      '找不到备份文件夹：E:\\备份——U 盘或移动硬盘插好了吗？',
    );
    await i18n.changeLanguage('en');
    const te = i18n.t.bind(i18n);
    expect(fieldLabel(te, 'problem')).toBe('Why it failed');
    expect(renderValue(te, 'en', ['problem'], problem, { entity: 'backup' })).toBe(
      'backup folder not found: E:\\备份 — is the USB stick or drive plugged in?',
    );
  });

  it("an operator's role is named, not its code", async () => {
    await i18n.changeLanguage('zh-CN');
    const t = i18n.t.bind(i18n);
    expect(fieldLabel(t, 'role')).toBe('角色');
    expect(renderValue(t, 'zh-CN', ['role'], 'admin', { entity: 'operator' })).toBe('管理员');
  });
});
