// Which links may leave the app for the user's browser (shell.openExternal). Only the app's own
// help pages: a link planted in data (a customer's web site field, an imported note) or a page
// script must not open arbitrary URLs or other protocols (file:, smb:, ms-msdt: …).
// The app has no online help yet, so the list is empty: add its https prefix here when it does.
export const HELP_LINK_PREFIXES: readonly string[] = [];

export function isAllowedExternal(url: string, prefixes: readonly string[] = HELP_LINK_PREFIXES): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:' || u.username || u.password) return false;
  const normal = u.href;
  return prefixes.some((p) => normal.startsWith(p));
}
