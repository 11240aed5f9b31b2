// #15 item 10f in the page: in the desktop app (window.creditdeskShell present; faked here with a
// token staged in this process) the restore card offers "Choose file…" and sends the dialog's
// token to inspect (kept) and restore (spent).
import path from 'node:path';
import { expect, it } from 'vitest';
import { stagedPaths } from '../../main/services/files/staged-paths';
import { startE2E } from './support';

it('restore card: Choose file… sends the staged token through inspect and restore', async () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    let file = '';
    const e = await startE2E({
      locale,
      setup: async (desk) => {
        desk.backup.configure({ kdf: { N: 1024, r: 8, p: 1 }, listDrives: async () => [] });
        file = (await desk.backup.create({ dir: path.join(desk.backup.defaultDir) })).file;
      },
    });
    try {
      const staged = stagedPaths.stage(file, 'backup-file');
      await e.page.addInitScript((s) => {
        (window as unknown as { creditdeskShell: unknown }).creditdeskShell = {
          chooseBackupFile: async () => s,
          onMenu: () => {},
        };
      }, staged);
      await e.page.goto(`${e.server.url.split('#')[0]}#/backup`);
      await e.page.locator('[data-testid="restore-choose-file"]').click();
      expect(await e.page.locator('[data-testid="restore-file"]').inputValue()).toBe(file);
      await e.page.locator('[data-testid="restore-inspect"]').click();
      await e.page.locator('[data-testid="restore-manifest"]').waitFor();
      await e.page.locator('[data-testid="restore-choose-file"]').scrollIntoViewIfNeeded();
      await e.shot(`restore-choose-file-${locale}`);
      await e.page.locator('[data-testid="restore-inspect"]').click();
      await e.page.locator('[data-testid="restore-manifest"]').waitFor();
      await e.page.locator('[data-testid="restore-confirm"]').click();
      await e.page.locator('[data-testid="restore-confirm-ok"]').click();
      await e.page.locator('[data-testid="restore-done"]').waitFor();
      expect(() => stagedPaths.take(staged.token, 'backup-file', 'file')).toThrow();
    } finally {
      await e.close();
    }
  }
}, 120_000);
