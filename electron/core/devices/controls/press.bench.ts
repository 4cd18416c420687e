import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DeskState } from '../../contract/index.js';
import { Desk } from '../../engine/desk.js';
import { startObsSim } from '../../../../native/sim/obs-sim.js';
import { FakeDeckBus } from '../../../../native/hid/stream-deck/fake-deck-bus.js';
import { fakeControls } from './testing.js';

export interface PressBenchOptions {
  /** Measured presses (default 500). */
  presses?: number;
  /** Unmeasured presses first, so JIT and caches settle (default 50). */
  warmup?: number;
}

/**
 * `press-overhead` (DESIGN §7): a Stream Deck key going down — an input report through the library's
 * HIDDevice seam on a fake deck — until the OBS request it causes arrives at a simulated
 * obs-websocket server, all in one process. Each sample is one press, in milliseconds. Scenes
 * alternate between two keys so every press is a real scene change, and the repeat guard is off so
 * it never swallows one.
 */
export async function measurePressToObsRequest(options: PressBenchOptions = {}): Promise<{ samples: number[] }> {
  const presses = options.presses ?? 500;
  const warmup = options.warmup ?? 50;
  let waiting: ((at: number) => void) | null = null;
  const sim = await startObsSim({
    password: 'bench',
    scenes: ['Host', 'Product'],
    onRequest: (type) => {
      if (type !== 'SetCurrentProgramScene' || !waiting) return;
      const resolve = waiting;
      waiting = null;
      resolve(performance.now());
    },
  });
  const dir = mkdtempSync(join(tmpdir(), 'livedesk-bench-press-'));
  const bus = new FakeDeckBus();
  const deck = bus.plug('original-mk2', 'BENCH');
  const desk = new Desk({ dbFile: join(dir, 'desk.sqlite'), obsUrl: sim.url, obsPassword: sim.password, demo: false, version: 'bench', controls: fakeControls(bus) });
  try {
    await desk.start();
    await until(desk, (s) => s.obs.status === 'connected' && (s.controls ?? []).some((c) => c.status === 'open'));
    await desk.controls.putBindings({
      layouts: {
        default: {
          pages: [
            {
              keys: {
                '0': { kind: 'action', action: { type: 'obs.scene', scene: 'Host' } },
                '1': { kind: 'action', action: { type: 'obs.scene', scene: 'Product' } },
              },
            },
          ],
        },
      },
      guards: { repeatWindowMs: 0 },
    });
    const samples: number[] = [];
    for (let i = 0; i < warmup + presses; i++) {
      const key = (i + 1) % 2;
      const arrived = new Promise<number>((resolve) => (waiting = resolve));
      const start = performance.now();
      deck.press(key, true);
      const end = await arrived;
      deck.press(key, false);
      if (i >= warmup) samples.push(end - start);
      // Let the scene change settle (events, key redraws) so presses do not queue behind each other.
      await until(desk, (s) => s.obs.programScene === (key === 0 ? 'Host' : 'Product'));
    }
    return { samples };
  } finally {
    await desk.close();
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function until(desk: Desk, predicate: (state: DeskState) => boolean, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (predicate(desk.hub.state)) return resolve();
    const timer = setTimeout(() => {
      off();
      reject(new Error(`press bench: desk did not reach the expected state within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = desk.hub.subscribe((state) => {
      if (!predicate(state)) return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}
