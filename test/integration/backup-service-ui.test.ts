// @vitest-environment happy-dom
// The backup page rendered against the real handlers (window.api backed by dispatch on a
// temporary desk): back up now → verified result; inspect → manifest; confirm → restored.
import fs from 'node:fs';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import { createElement } from 'react';
import { beforeAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadLang } from '../../renderer/src/i18n';

import { BackupPage } from '../../renderer/src/pages/backup/BackupPage';
import { dispatch } from '../../main/ipc/register';
import { CHANNELS } from '../../shared/ipc/contract';
import { HUASHENG, openTestDesk, tempDir, type TestDesk } from '../support/book';

// the main catalogues load on demand (one language at start in the app)
beforeAll(() => Promise.all([loadLang('zh-CN'), loadLang('en')]));

let t: TestDesk;
let usb: string;

beforeEach(async () => {
  t = await openTestDesk();
  t.desk.backup.configure({ kdf: { N: 1024, r: 8, p: 1 }, listDrives: async () => [] });
  usb = tempDir('cd-ui-usb-');
  (window as unknown as { api: unknown }).api = Object.fromEntries(
    CHANNELS.map((c) => [c, (input: unknown) => dispatch(t.handlers, c, input)]),
  );
});

afterEach(async () => {
  cleanup();
  await t.close();
  fs.rmSync(usb, { recursive: true, force: true });
});

function renderPage() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  // (no JSX: the integration suite collects *.test.ts)
  return render(
    createElement(QueryClientProvider, { client: qc }, createElement(AntApp, null, createElement(BackupPage))),
  );
}

describe('BackupPage', () => {
  it('backs up, inspects and restores through the page', async () => {
    const reload = vi.fn();
    let stubbed = false;
    try {
      Object.defineProperty(window.location, 'reload', { configurable: true, value: reload });
      stubbed = window.location.reload === reload;
    } catch {
      /* keep the real location */
    }
    renderPage();
    const dir = (await screen.findByTestId('backup-dir')) as HTMLInputElement;
    expect(screen.getByText('备份与恢复')).toBeTruthy();
    fireEvent.change(dir, { target: { value: usb } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('backup-now'));
    });
    const result = await screen.findByTestId('backup-result', {}, { timeout: 10_000 });
    expect(result.textContent).toMatch(/已校验 ✓/);
    const file = fs.readdirSync(usb).find((f) => f.endsWith('.cdbak'))!;
    expect(result.textContent).toContain(file);

    await t.ok('customers:create', HUASHENG);

    fireEvent.change(screen.getByTestId('restore-file'), { target: { value: `${usb}/${file}` } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('restore-inspect'));
    });
    const manifest = await screen.findByTestId('restore-manifest', {}, { timeout: 10_000 });
    expect(manifest.textContent).toContain('测试商贸有限公司');
    expect(manifest.textContent).toMatch(/校验通过/);
    await waitFor(() => expect((screen.getByTestId('restore-confirm') as HTMLButtonElement).disabled).toBe(false));
    await act(async () => {
      fireEvent.click(screen.getByTestId('restore-confirm'));
    });
    const ok = await screen.findByTestId('restore-confirm-ok');
    expect(document.body.textContent).toMatch(/另存一份/);
    await act(async () => {
      fireEvent.click(ok);
    });
    await screen.findByTestId('restore-done', {}, { timeout: 10_000 });
    expect((await t.ok('customers:list', {})).total).toBe(0);
    if (stubbed) await waitFor(() => expect(reload).toHaveBeenCalled(), { timeout: 3000 });
  });

  it('a refused backup reads in Chinese to the end (#16): the inspect result carries its message key', async () => {
    const empty = `${usb}/空的.cdbak`;
    fs.writeFileSync(empty, '');
    renderPage();
    fireEvent.change(await screen.findByTestId('restore-file'), { target: { value: empty } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('restore-inspect'));
    });
    await waitFor(() => expect(document.body.textContent).toContain('空的.cdbak 是空文件，不是 CreditDesk 备份'), {
      timeout: 10_000,
    });
    expect(document.body.textContent).not.toMatch(/is empty|not a CreditDesk backup/);
  });
});
