// #16 polish: a failed backup in the audit log reads in the page's language (main stores its
// message as key + values), an old history entry's English sentence is translated where it is
// one of main's messages, and the backup history's "Encrypted" header stays on one line at 1280 px.
// Screenshots of the audit log and the backup page, zh-CN and en, 1440×900 and 1280×720.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { BackupHistoryEntry } from '@shared/types-backup';
import { startE2E } from './support';

it('failures read in the page language; the backup history fits at 1280 px', async () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    const e = await startE2E({
      locale,
      setup: async (desk) => {
        desk.backup.configure({ kdf: { N: 1024, r: 8, p: 1 }, listDrives: async () => [] });
        await desk.backup.create({ dir: desk.backup.defaultDir });
        const notAFolder = path.join(desk.backup.defaultDir, 'a-file.txt');
        fs.writeFileSync(notAFolder, 'x');
        await desk.backup.create({ dir: notAFolder }).catch(() => undefined);
        // an entry written before main stored message keys: its English sentence only
        const state = (desk.backup as unknown as { state: { addHistory(e: BackupHistoryEntry): void } }).state;
        state.addHistory({
          id: 'old-1',
          at: '2026-11-01T08:00:00.000Z',
          kind: 'manual',
          bookPath: desk.ctx.book.path,
          company: '华盛商贸有限公司',
          dir: '/media/usb/bk',
          file: null,
          bytes: 0,
          encrypted: false,
          verified: false,
          ok: false,
          problem: 'not-found',
          message: 'backup folder not found: /media/usb/bk — is the USB stick or drive plugged in?',
          durationMs: 5,
          rotated: 0,
        } as BackupHistoryEntry);
      },
    });
    try {
      const base = e.server.url.split('#')[0];
      await e.page.goto(`${base}#/audit`);
      const failed = e.page.locator('[data-testid="audit-table"] tr', {
        hasText: locale === 'en' ? 'Backup failed' : '备份失败',
      });
      await failed.first().waitFor({ timeout: 20_000 });
      const text = await failed.first().innerText();
      if (locale === 'zh-CN') {
        expect(text).toContain('失败原因');
        expect(text).toContain('这不是文件夹：');
        expect(text).not.toMatch(/not a folder|problem/);
      } else {
        expect(text).toContain('Why it failed');
        expect(text).toContain('not a folder:');
      }
      for (const [w, h] of [
        [1440, 900],
        [1280, 720],
      ] as const) {
        await e.page.setViewportSize({ width: w, height: h });
        await e.shot(`audit-failure-${locale}-${w}x${h}`);
      }

      await e.page.goto(`${base}#/backup`);
      const history = e.page.locator('[data-testid="backup-history"]');
      await history.locator('tbody tr').nth(2).waitFor({ timeout: 20_000 });
      expect(await history.innerText()).not.toMatch(/problem\./); // no raw key
      // the old entry's tooltip: its sentence in the page language
      await history.getByText('/media/usb/bk').first().hover();
      const tip = e.page.locator('.ant-tooltip', { hasText: '/media/usb/bk' });
      await tip.waitFor({ timeout: 10_000 });
      expect(await tip.innerText()).toContain(locale === 'en' ? 'backup folder not found' : '找不到备份文件夹');
      const headerLines = () =>
        history.locator('th', { hasText: locale === 'en' ? 'Encrypted' : '加密' }).evaluate((th) => {
          const r = document.createRange();
          r.selectNodeContents(th);
          return Math.round(r.getBoundingClientRect().height / parseFloat(getComputedStyle(th).lineHeight));
        });
      for (const [w, h] of [
        [1440, 900],
        [1280, 720],
      ] as const) {
        await e.page.setViewportSize({ width: w, height: h });
        await e.page.mouse.move(0, 0);
        expect(await headerLines()).toBe(1);
        await history.scrollIntoViewIfNeeded();
        await e.shot(`backup-history-${locale}-${w}x${h}`);
      }
    } finally {
      await e.close();
    }
  }
}, 300_000);
