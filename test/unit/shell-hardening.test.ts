// Packaging and shell settings that protect a desktop install: Electron fuses in the
// electron-builder config, and shell.openExternal only for the app's own help links.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HELP_LINK_PREFIXES, isAllowedExternal } from '../../main/shell/external-links';

describe('electron-builder fuses', () => {
  it('turns off run-as-node, NODE_OPTIONS and inspect; turns on cookie encryption and ASAR integrity', () => {
    // the top-level `electronFuses:` block of electron-builder.yml: indented `key: true|false` lines
    const text = fs.readFileSync('electron-builder.yml', 'utf8');
    const block = /^electronFuses:\n((?:[ ]+\S+: (?:true|false)\n?)+)/m.exec(text)?.[1] ?? '';
    const fuses = Object.fromEntries(
      [...block.matchAll(/^ +(\w+): (true|false)$/gm)].map((m) => [m[1], m[2] === 'true']),
    );
    expect(fuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });
});

describe('openExternal allow-list', () => {
  it('refuses everything outside the help prefixes, other protocols and credentials in URLs', () => {
    const help = ['https://help.example.org/creditdesk/'];
    expect(isAllowedExternal('https://help.example.org/creditdesk/backup.html', help)).toBe(true);
    for (const bad of [
      'https://evil.example/',
      'https://help.example.org/other/',
      'https://help.example.org.evil.example/creditdesk/',
      'https://user:pw@help.example.org/creditdesk/',
      'http://help.example.org/creditdesk/',
      'file:///C:/Windows/System32/calc.exe',
      'ms-msdt:/id PCWDiagnostic',
      'smb://host/share',
      'not a url',
    ]) {
      expect(isAllowedExternal(bad, help), bad).toBe(false);
    }
    // the shipped list: nothing but the app's own help (none yet)
    expect(HELP_LINK_PREFIXES.every((p) => p.startsWith('https://'))).toBe(true);
    expect(isAllowedExternal('https://evil.example/')).toBe(false);
  });
});
