import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { applyStatePatch, OVERLAY_STATE_KEYS, overlayStateSchema, type DeskState, type OverlayState, type WsServerMessage } from '../contract/index.js';
import { startDeskFixture, type DeskFixture } from '../testing/desk-fixture.js';

let f: DeskFixture;
beforeAll(async () => {
  f = await startDeskFixture();
});
afterAll(async () => {
  await f.close();
});

/**
 * A /ws client that keeps the state the way the console does: the whole state on connect, then each
 * patch applied on top (a gap fails the test). `until` resolves once the held state matches.
 */
async function follow(token: string, patches: boolean) {
  const ws = new WebSocket(`${f.server.url.replace('http', 'ws')}/ws?token=${token}${patches ? '&patch=1' : ''}`);
  const messages: WsServerMessage[] = [];
  let held: DeskState | OverlayState | null = null;
  let gaps = 0;
  const waiters: { match: () => boolean; resolve: () => void }[] = [];
  ws.on('message', (data) => {
    const m = JSON.parse(data.toString()) as WsServerMessage;
    messages.push(m);
    if (m.type === 'state' || m.type === 'overlay') held = m.state;
    else if (m.type === 'patch' || m.type === 'overlay.patch') {
      const next = applyStatePatch(held as DeskState, m as Extract<WsServerMessage, { type: 'patch' }>);
      if (!next) gaps++;
      held = next;
    }
    for (const w of [...waiters]) {
      if (!w.match()) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  return {
    ws,
    messages,
    get held() {
      return held;
    },
    get gaps() {
      return gaps;
    },
    until(match: (state: DeskState | OverlayState | null) => boolean) {
      return new Promise<void>((resolve) => (match(held) ? resolve() : waiters.push({ match: () => match(held), resolve })));
    },
  };
}

const weight = (grams: number) => ({ device: 's', grams, value: grams, unit: 'g' as const, status: 'stable' as const, net: false, placed: false, at: 1 });

describe('publication by change (patch=1)', () => {
  it('sends a console only the keys that changed, and its patched state equals the whole state', async () => {
    const whole = await follow(f.token, false);
    const patched = await follow(f.token, true);
    await patched.until((s) => s !== null);
    f.desk.hub.patch({ scale: weight(120) });
    f.desk.hub.patch({ alerts: [{ id: 'a', level: 'info', text: 'x', ts: 1 }] });
    f.desk.hub.flush();
    f.desk.hub.patch({ scale: null, alerts: [] });
    const rev = f.desk.hub.state.rev;
    await whole.until((s) => s?.rev === rev);
    await patched.until((s) => s?.rev === rev);

    expect(patched.gaps).toBe(0);
    expect(patched.messages[0]?.type).toBe('state');
    // Other parts of the desk may publish meanwhile (a connect between two pushes gets the whole state
    // once more), so the check is that our change travelled as a patch naming just what changed.
    const ours = patched.messages.find((m) => m.type === 'patch' && 'scale' in m.set && 'alerts' in m.set) as Extract<WsServerMessage, { type: 'patch' }> | undefined;
    expect(ours).toBeDefined();
    expect(Object.keys(ours?.set ?? {}).length).toBeLessThan(Object.keys(f.desk.hub.state).length / 2);
    expect(patched.held).toEqual(whole.held);
    expect(patched.held).toEqual(JSON.parse(JSON.stringify(f.desk.hub.state)));
    whole.ws.close();
    patched.ws.close();
  });

  it('sends an overlay its own keys (the flash sale included), as overlay patches', async () => {
    const overlay = await follow(f.overlayToken, true);
    await overlay.until((s) => s !== null);
    f.desk.hub.patch({ alerts: [{ id: 'b', level: 'warn', text: 'y', ts: 2 }] }); // not an overlay key: nothing sent
    f.desk.hub.flush();
    f.desk.hub.patch({ flashSale: { sku: 'TEA-01', endsAt: Date.now() + 60_000 } } as Partial<DeskState>);
    f.desk.hub.flush();
    await overlay.until((s) => (s as OverlayState | null)?.flashSale != null);
    const patches = overlay.messages.filter((m) => m.type === 'overlay.patch');
    expect(patches).toHaveLength(1);
    expect(Object.keys((patches[0] as { set: object }).set)).toEqual(['flashSale']);
    expect(overlay.messages.some((m) => m.type === 'state' || m.type === 'patch')).toBe(false);
    expect(Object.keys(overlay.held ?? {}).sort()).toEqual(Object.keys(overlayStateSchema.shape).sort());
    expect(OVERLAY_STATE_KEYS).toContain('flashSale');
    f.desk.hub.patch({ flashSale: null, alerts: [] });
    overlay.ws.close();
  });

  it('answers resync with the whole state, from a console or an overlay', async () => {
    for (const token of [f.token, f.overlayToken]) {
      const client = await follow(token, true);
      await client.until((s) => s !== null);
      client.ws.send(JSON.stringify({ type: 'resync', id: 'r' }));
      await client.until(() => client.messages.some((m) => m.type === 'result' && m.id === 'r'));
      const at = client.messages.findIndex((m) => m.type === 'result' && m.id === 'r');
      expect(client.messages[at]).toMatchObject({ ok: true });
      // The whole state goes out just before the answer (other pushes may come and go around them).
      expect(client.messages[at - 1]?.type).toBe(token === f.token ? 'state' : 'overlay');
      client.ws.close();
    }
  });
});
