import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { startDeskFixture, type DeskFixture } from '../testing/desk-fixture.js';
import { busActionSchema } from '../contract/index.js';
import { SessionLog } from './session-log.js';
import { StateHub } from './state-hub.js';

let f: DeskFixture;
beforeAll(async () => {
  f = await startDeskFixture();
});
afterAll(async () => {
  vi.restoreAllMocks();
  await f.close();
});

describe('press path (issue 15)', () => {
  it('writes the OBS request before the press is logged or any state is published', async () => {
    const { desk } = f;
    await desk.dispatch({ type: 'session.start', title: 'press order' }, { surface: 'system' });
    desk.hub.flush();
    const order: string[] = [];
    const send = WebSocket.prototype.send;
    vi.spyOn(WebSocket.prototype, 'send').mockImplementation(function (this: WebSocket, data: unknown, ...rest: unknown[]) {
      if (typeof data === 'string' && data.includes('"SetCurrentProgramScene"')) order.push('obs write');
      return (send as (...args: unknown[]) => void).call(this, data, ...rest);
    });
    const log = SessionLog.prototype.log;
    vi.spyOn(SessionLog.prototype, 'log').mockImplementation(function (this: SessionLog, event) {
      order.push(`log ${event.kind}`);
      return log.call(this, event);
    });
    // The request's timeout timer too: nothing is armed before the request has left.
    const arm = globalThis.setTimeout;
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((...args: Parameters<typeof setTimeout>) => {
      order.push('timer');
      return arm(...args);
    }) as typeof setTimeout);
    const patch = StateHub.prototype.patch;
    vi.spyOn(StateHub.prototype, 'patch').mockImplementation(function (this: StateHub, change) {
      order.push(`publish ${Object.keys(change).join(',')}`);
      return patch.call(this, change);
    });

    // Key 2 of the first row switches to the second scene (Host).
    desk.deck.press(1, true);
    await f.waitForState((s) => s.obs.programScene === 'Host');
    vi.restoreAllMocks();
    expect(order[0]).toBe('obs write');
    expect(order).toContain('log press');
  });

  it('validates a key\'s bound action on its first press, not on every press', async () => {
    const { desk } = f;
    const parse = vi.spyOn(busActionSchema, 'safeParse');
    const scene = (name: string) => parse.mock.calls.filter(([input]) => (input as { type?: string; scene?: string }).type === 'obs.scene' && (input as { scene?: string }).scene === name).length;
    // Keys 3 and 4 of the first row switch to the third and fourth scenes; the key-bounce guard wants presses apart.
    let at = Date.now() + 10_000;
    desk.deck.press(2, true, (at += 1_000));
    await f.waitForState((s) => s.obs.programScene === 'Product A');
    desk.deck.press(3, true, (at += 1_000));
    await f.waitForState((s) => s.obs.programScene === 'Product B');
    desk.deck.press(2, true, (at += 1_000));
    await f.waitForState((s) => s.obs.programScene === 'Product A');
    expect(scene('Product A')).toBe(1);
    expect(scene('Product B')).toBe(1);
    parse.mockRestore();
  });
});
