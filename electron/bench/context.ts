import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRealObs, type RealObs } from '../core/obs/testing/real-obs.js';
import type { BenchContext } from './types.js';

/** Scenes of the shared benchmark OBS; press rows alternate between the first two. */
export const BENCH_SCENES = ['开场 Opening', '主播 Host', '商品 Product', '暂离 BRB'];

export interface RunContext extends BenchContext {
  close(): Promise<void>;
}

export function createContext(options: { quick: boolean; log: (message: string) => void }): RunContext {
  // Same disk as the desk's data would be on this machine: the OS temp dir, like the tests use.
  const dir = mkdtempSync(join(tmpdir(), 'livedesk-bench-'));
  const shared = new Map<string, Promise<unknown>>();
  const cleanups: (() => Promise<void> | void)[] = [];
  let obs: Promise<RealObs | null> | null = null;

  const ctx: RunContext = {
    dir,
    quick: options.quick,
    log: options.log,
    shared<T>(key: string, build: () => Promise<T>): Promise<T> {
      let entry = shared.get(key) as Promise<T> | undefined;
      if (!entry) {
        entry = build();
        shared.set(key, entry);
      }
      return entry;
    },
    onCleanup(cleanup) {
      cleanups.push(cleanup);
    },
    realObs() {
      obs ??= startRealObs({ scenes: BENCH_SCENES }).then(
        (running) => {
          ctx.onCleanup(() => running.stop());
          return running;
        },
        (error: Error) => {
          options.log(`no real OBS: ${error.message.split('\n')[0]}`);
          return null;
        },
      );
      return obs;
    },
    async close() {
      for (const cleanup of cleanups.reverse()) {
        try {
          await cleanup();
        } catch (error) {
          options.log(`cleanup failed: ${(error as Error).message}`);
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return ctx;
}
