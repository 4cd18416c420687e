import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot, startDesk, type E2eDesk } from './harness.js';

/**
 * The devices page as a field controller uses it, in rehearsal (simulated OBS and a simulated Stream
 * Deck MK.2 behind the library's HID seam): the deck listed with model and serial, a scene dragged
 * onto a key and saved, a hotkey captured and fired from the console.
 */
describe('devices: hardware, bindings editor, hotkeys', () => {
  let desk: E2eDesk;
  let page: Page;

  const api = async (path: string) => (await desk.api('GET', path)).body as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- asserting on response shapes

  beforeAll(async () => {
    desk = await startDesk({ obs: { kind: 'demo' }, prefix: 'livedesk-e2e-controls' });
    page = await desk.console('/devices');
  });

  afterAll(async () => desk?.stop());

  it('lists the Stream Deck with its model and serial', async () => {
    const row = page.locator('[data-testid="hardware"] [data-device="streamdeck:DEMO-MK2"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('Stream Deck MK.2');
    expect(await row.textContent()).toContain('DEMO-MK2');
    expect(await row.locator('.badge-open').count()).toBe(1);
  });

  it('drags a scene onto a key, saves it, and the deck shows it', async () => {
    const scenes = (await api('/state')).obs.scenes as string[];
    const scene = scenes[2] as string;
    await page.locator(`[data-palette="scene:${scene}"]`).dragTo(page.locator('[data-testid="bindings-editor"] .bind-key[data-key="7"]'));
    await page.locator('[data-testid="bindings-editor"] .bind-key[data-key="7"]', { hasText: scene }).waitFor();
    await page.locator('[data-testid="bindings-save"]').click();
    await expect.poll(async () => (await api('/bindings')).layouts?.default?.pages?.[0]?.keys?.['7']?.action?.scene).toBe(scene);
    await expect.poll(async () => (await api('/state')).surfaces.find((s: { id: string }) => s.id === 'streamdeck:DEMO-MK2')?.keys?.[7]?.label).toBe(scene);
    await shot(page, 'devices-zh.png');
  });

  it('captures a hotkey and fires it while the console has focus', async () => {
    await page.locator('[data-testid="hotkey-capture"]').click();
    await page.keyboard.press('Control+Shift+Digit2');
    await page.locator('[data-testid="hotkey-capture"]', { hasText: 'CommandOrControl+Shift+2' }).waitFor();
    const scenes = (await api('/state')).obs.scenes as string[];
    const target = scenes[3] as string;
    await page.locator('[data-testid="hotkey-action"]').selectOption(`scene:${target}`);
    await page.locator('[data-testid="hotkey-add"]').click();
    await page.locator('[data-testid="bindings-save"]').click();
    await expect.poll(async () => (await api('/bindings')).hotkeys?.[0]?.accelerator).toBe('CommandOrControl+Shift+2');

    await page.locator('.nav-link').first().click();
    await page.locator('[data-testid="virtual-deck"] .deck-mirror').waitFor();
    await page.locator('body').click({ position: { x: 5, y: 890 } });
    await page.keyboard.press('Control+Shift+Digit2');
    await expect.poll(async () => (await api('/state')).obs.programScene).toBe(target);
    await shot(page, 'console-deck-zh.png');

    await page.locator('.lang-toggle').click();
    await page.locator('.nav-link', { hasText: 'Devices' }).click();
    await page.locator('[data-testid="devices-page"]').waitFor();
    await shot(page, 'devices-en.png');
  });
});
