// #16 in the browser: a damaged backup (one flipped byte in its payload) is refused at inspect,
// and the detail under the problem reads in the page's language — Chinese to the end in zh-CN.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { startE2E } from './support';

it('a damaged backup is refused with its detail in the page language', async () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    let file = '';
    const e = await startE2E({
      locale,
      setup: async (desk) => {
        desk.backup.configure({ kdf: { N: 1024, r: 8, p: 1 }, listDrives: async () => [] });
        const made = (await desk.backup.create({ dir: path.join(desk.backup.defaultDir) })).file;
        const bytes = fs.readFileSync(made);
        bytes[bytes.length - 200] ^= 0xff; // inside the payload: checksum mismatch
        file = path.join(path.dirname(made), 'damaged.cdbak');
        fs.writeFileSync(file, bytes);
      },
    });
    try {
      await e.page.goto(`${e.server.url.split('#')[0]}#/backup`);
      await e.page.locator('[data-testid="restore-file"]').fill(file);
      await e.page.locator('[data-testid="restore-inspect"]').click();
      const detail = e.page.getByText(
        locale === 'en' ? /damaged\.cdbak is damaged: checksum mismatch/ : /damaged\.cdbak 已损坏：校验和不符/,
      );
      await detail.waitFor({ timeout: 20_000 });
      await detail.scrollIntoViewIfNeeded();
      const body = await e.page.locator('body').innerText();
      if (locale === 'zh-CN') expect(body).not.toMatch(/is damaged|checksum mismatch/);
      await e.shot(`backup-refused-${locale}-1440`);
      await e.page.setViewportSize({ width: 1280, height: 720 });
      await detail.scrollIntoViewIfNeeded();
      await e.shot(`backup-refused-${locale}-1280`);
    } finally {
      await e.close();
    }
  }
}, 120_000);
