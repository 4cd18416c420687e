import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  decideWindowOpen,
  isAllowedNavigation,
  isAllowedPermission,
  isSafeExternalUrl,
  isTrustedSender,
  originOf,
  windowWebPreferences,
  withContentSecurityPolicy,
} from './window-policy.js';

const CORE = 'http://127.0.0.1:7420';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name as string, sources];
    }),
  );
}

describe('windowWebPreferences (DESIGN §8)', () => {
  const prefs = windowWebPreferences('/app/out/electron/shell/preload.cjs', { devTools: false });

  it('isolates and sandboxes the renderer with no Node', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('keeps web security on and the risky features off', () => {
    expect(prefs).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    });
    expect(prefs.enableBlinkFeatures).toBeUndefined();
  });

  it('gives a window without a preload no bridge, and turns script off when asked', () => {
    const printer = windowWebPreferences(null, { devTools: false, javascript: false });
    expect(printer).not.toHaveProperty('preload');
    expect(printer).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(prefs.javascript).toBe(true);
  });

  it('loads the given preload and allows devTools only when asked', () => {
    expect(prefs.preload).toBe('/app/out/electron/shell/preload.cjs');
    expect(prefs.devTools).toBe(false);
    expect(windowWebPreferences('/p.cjs', { devTools: true }).devTools).toBe(true);
  });
});

describe('contentSecurityPolicy', () => {
  const policy = contentSecurityPolicy(CORE);
  const d = directives(policy);

  it('allows only the core itself by default', () => {
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('never allows eval or inline script', () => {
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toContain('wasm-unsafe-eval');
    expect(d.get('script-src')).not.toContain("'unsafe-inline'");
    expect(policy).not.toMatch(/(^|\s)\*(\s|;|$)/);
  });

  it('connects to the core over http and its WebSocket', () => {
    expect(d.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:7420']);
    expect(directives(contentSecurityPolicy('https://desk.example:8443/')).get('connect-src')).toEqual([
      "'self'",
      'wss://desk.example:8443',
    ]);
  });

  it('allows images from the core, data: and blob:, and styles from the core only', () => {
    expect(d.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(d.get('style-src')).toEqual(["'self'"]);
    expect(d.get('base-uri')).toEqual(["'self'"]);
  });

  it('refuses an origin that is not http(s)', () => {
    expect(() => contentSecurityPolicy('file:///tmp/x')).toThrow(/not an http\(s\) origin/);
  });

  it('is added to response headers without dropping a policy the core sent', () => {
    const headers = withContentSecurityPolicy({ 'content-type': ['text/html'], 'content-security-policy': ["default-src 'none'"] }, policy);
    expect(headers).toEqual({ 'content-type': ['text/html'], 'Content-Security-Policy': ["default-src 'none'", policy] });
    expect(withContentSecurityPolicy(undefined, policy)).toEqual({ 'Content-Security-Policy': [policy] });
  });
});

describe('isAllowedNavigation', () => {
  it('allows pages of the core', () => {
    expect(isAllowedNavigation('http://127.0.0.1:7420/review/abc', CORE)).toBe(true);
    expect(isAllowedNavigation('http://127.0.0.1:7420/?token=x', `${CORE}/`)).toBe(true);
  });

  it.each([
    'https://example.com/',
    'http://127.0.0.1:7421/',
    'http://localhost:7420/',
    'https://127.0.0.1:7420/',
    'http://127.0.0.1:7420@evil.example/',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'javascript:alert(1)',
    'about:blank',
    'not a url',
    '',
  ])('denies %s', (url) => {
    expect(isAllowedNavigation(url, CORE)).toBe(false);
  });
});

describe('window.open', () => {
  it('never opens a window', () => {
    for (const url of [`${CORE}/overlay/card`, 'https://example.com/', 'about:blank', 'file:///x']) {
      expect(decideWindowOpen(url, CORE).action).toBe('deny');
    }
  });

  it('hands clearly safe http(s) links to the system browser', () => {
    expect(decideWindowOpen('https://obsproject.com/kb', CORE).openExternally).toBe('https://obsproject.com/kb');
    expect(decideWindowOpen('http://example.com/a?b=c', null).openExternally).toBe('http://example.com/a?b=c');
  });

  it.each([
    [`${CORE}/?token=secret`, 'the core itself (the token would leak into the browser)'],
    ['http://localhost:4455/', 'localhost'],
    ['http://192.168.1.20/', 'a private address'],
    ['http://10.0.0.1/', 'a private address'],
    ['http://172.20.0.1/', 'a private address'],
    ['http://169.254.1.1/', 'link-local'],
    ['http://0x7f.1/', 'loopback in hex'],
    ['http://[::1]:7420/', 'an IPv6 literal'],
    ['http://router/', 'a single-label host'],
    ['http://printer.local/', 'mDNS'],
    ['https://user:pass@example.com/', 'credentials'],
    ['file:///etc/passwd', 'file:'],
    ['javascript:alert(1)', 'javascript:'],
    ['mailto:a@example.com', 'mailto:'],
    [`https://example.com/${'a'.repeat(2100)}`, 'an overlong URL'],
  ])('keeps %s out of the browser (%s)', (url) => {
    expect(decideWindowOpen(url, CORE).openExternally).toBeNull();
    expect(isSafeExternalUrl(url, CORE)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts frames showing the core', () => {
    expect(isTrustedSender('http://127.0.0.1:7420/', CORE)).toBe(true);
  });

  it.each([undefined, null, '', 'https://example.com/', 'http://127.0.0.1:9999/', 'file:///app/index.html', 'about:blank'])(
    'refuses %s',
    (url) => {
      expect(isTrustedSender(url, CORE)).toBe(false);
    },
  );
});

describe('permissions', () => {
  it('grants clipboard writes and fullscreen to the core only', () => {
    expect(isAllowedPermission('clipboard-sanitized-write', `${CORE}/`, CORE)).toBe(true);
    expect(isAllowedPermission('clipboard-sanitized-write', 'https://example.com/', CORE)).toBe(false);
  });

  it.each(['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'hid', 'serial'])('refuses %s', (permission) => {
    expect(isAllowedPermission(permission, `${CORE}/`, CORE)).toBe(false);
  });
});

describe('originOf', () => {
  it('treats opaque origins as none', () => {
    expect(originOf('data:text/plain,x')).toBeNull();
    expect(originOf('http://127.0.0.1:7420/a')).toBe(CORE);
  });
});
