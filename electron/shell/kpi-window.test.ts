import { describe, expect, it } from 'vitest';
import { KPI_WINDOW_SPEC, kpiWindowUrl } from './kpi-window.js';
import { contentSecurityPolicy, decideWindowOpen, isAllowedNavigation, isTrustedSender } from './window-policy.js';

const CORE = 'http://127.0.0.1:7420';

describe('desk KPI window', () => {
  it('is small and always on top, on the core\'s /kpi page', () => {
    expect(KPI_WINDOW_SPEC).toMatchObject({ route: '/kpi', alwaysOnTop: true });
    expect(KPI_WINDOW_SPEC.width).toBeLessThan(600);
    expect(kpiWindowUrl(CORE)).toBe('http://127.0.0.1:7420/kpi');
    expect(kpiWindowUrl(`${CORE}/`, 'en')).toBe('http://127.0.0.1:7420/kpi?lang=en');
  });

  it('gets the same policy as the console: its page may navigate, use the bridge, and connect its socket', () => {
    const url = kpiWindowUrl(CORE);
    expect(isAllowedNavigation(url, CORE)).toBe(true);
    expect(isTrustedSender(url, CORE)).toBe(true);
    expect(contentSecurityPolicy(CORE)).toContain('connect-src \'self\' ws://127.0.0.1:7420');
    // It opens nothing else inside the app.
    expect(decideWindowOpen('http://127.0.0.1:7420/overlay/board', CORE).action).toBe('deny');
  });
});
