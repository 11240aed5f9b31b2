// Print helpers of the statement templates: escaping, safe file names, logo filter, footer.
import { describe, expect, it } from 'vitest';
import { amt, esc, safeLogo, sanitizeFileName } from '../../main/print/html';
import { countPdfPages, footerTemplate } from '../../main/print/pdf';
import { statementFileName } from '../../main/print/statement-html';

describe('statement print helpers', () => {
  it('escapes user text', () => {
    expect(esc(`<img src=x onerror="a('b')">&`)).toBe('&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;');
    expect(esc(null)).toBe('');
  });
  it('formats amounts with grouping, blank zero on request', () => {
    expect(amt(260000)).toBe('2,600.00');
    expect(amt(-40000)).toBe('-400.00');
    expect(amt(0, true)).toBe('');
  });
  it('sanitizes file names: <code>-<name>-对账单-<to>.pdf', () => {
    expect(statementFileName({ to: '2026-04-30', customer: { code: 'C1', name: '华盛/贸易:有限*公司?' } })).toBe(
      'C1-华盛_贸易_有限_公司_-对账单-2026-04-30.pdf',
    );
    expect(sanitizeFileName('..\\..\\etc\\passwd')).toBe('_.._etc_passwd');
    expect(sanitizeFileName('CON')).toBe('_CON');
    expect(sanitizeFileName('x'.repeat(300))).toHaveLength(120);
  });
  it('accepts only data:image logos', () => {
    expect(safeLogo('data:image/png;base64,iVBORw0KGgo=')).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(safeLogo('file:///etc/passwd')).toBeNull();
    expect(safeLogo('data:image/png;base64,x" onerror="y')).toBeNull();
  });
  it('footer is ASCII with Chromium page number fields', () => {
    const f = footerTemplate({ footerLabel: 'C1 华盛<script>' });
    expect(f).toContain('class="pageNumber"');
    expect(f).toContain('class="totalPages"');
    expect(f).not.toMatch(/华盛|<script>/);
    expect(countPdfPages(Buffer.from('<< /Type /Pages /Count 2 >> << /Type /Page >> << /Type /Page >>'))).toBe(2);
  });
});
