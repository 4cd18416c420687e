import { afterAll, beforeAll } from 'vitest';
import { startDeskFixture, type DeskFixture } from './desk-fixture.js';

/**
 * A whole desk for one test file whose clock the test sets (`clock.t`): sessions, explains and flash
 * sales happen at the times the test names, so expected figures are computed from those times.
 * `desk.f` is set before the first test runs.
 */
export function clockedDesk(t0: number, setup?: (f: DeskFixture) => Promise<void>) {
  const desk = { clock: { t: t0 }, f: null as unknown as DeskFixture };
  beforeAll(async () => {
    desk.f = await startDeskFixture({ now: () => desk.clock.t });
    await setup?.(desk.f);
  });
  afterAll(async () => {
    await desk.f?.close();
  });
  return desk;
}
