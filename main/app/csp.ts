// The renderer's Content-Security-Policy: one constant for the desktop window (app:// protocol,
// shell/window.ts) and browser mode (serve/server.ts).
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";
