import { bindingsSchema, dmxCueListSchema, hotkeyFireSchema, learnRequestSchema, parseOrThrow, PORTS_DEGRADED_HEADER, serialDeviceListSchema } from '../contract/index.js';
import type { Dispatch, StateReader } from '../engine/ports.js';
import type { Router } from '../server/router.js';
import type { Controls } from './controls/controls.js';
import type { SerialManager } from './serial/serial-manager.js';

/** What the device routes use: reads directly, every change through the bus. */
export interface DeviceRouteDeps {
  dispatch: Dispatch;
  serial: Pick<SerialManager, 'list' | 'ports' | 'cues'>;
  controls: Pick<Controls, 'bindings' | 'views' | 'fireHotkey'>;
  hub: Pick<StateReader, 'state'>;
}

const api = { surface: 'api' } as const;

/**
 * Serial devices and light cues, control bindings, control hardware, hotkeys. A body is validated
 * here first, so its errors name its own fields; then it goes on the bus.
 */
export function addDeviceRoutes(router: Router, deps: DeviceRouteDeps): Router {
  const { serial, controls, dispatch } = deps;
  return router
    .add('GET', '/devices', () => ({ body: serial.list() }))
    .add('PUT', '/devices', async (ctx) => ({ body: await dispatch({ type: 'devices.replace', devices: parseOrThrow(serialDeviceListSchema, await ctx.body()) }, api) }))
    .add('GET', '/devices/ports', async () => {
      // The body stays the list it always was; a degraded listing (no udev) says why in a header.
      const { ports, degraded } = await serial.ports();
      const headers: Record<string, string> = degraded ? { [PORTS_DEGRADED_HEADER]: degraded } : {};
      return { body: ports, headers };
    })
    .add('GET', '/devices/cues', () => ({ body: serial.cues() }))
    .add('PUT', '/devices/cues', async (ctx) => ({ body: await dispatch({ type: 'devices.cues', cues: parseOrThrow(dmxCueListSchema, await ctx.body()) }, api) }))
    .add('GET', '/bindings', () => ({ body: controls.bindings() }))
    .add('PUT', '/bindings', async (ctx) => ({ body: await dispatch({ type: 'bindings.replace', bindings: parseOrThrow(bindingsSchema, await ctx.body()) }, api) }))
    .add('GET', '/controls', () => ({ body: controls.views() }))
    .add('POST', '/controls/rescan', async () => ({ body: await dispatch({ type: 'deck.rescan' }, api) }))
    .add('POST', '/controls/learn', async (ctx) => {
      const { device } = parseOrThrow(learnRequestSchema, await ctx.body());
      await dispatch({ type: 'controls.learn', device }, api);
      return { body: { ok: true, learn: deps.hub.state.learn ?? null } };
    })
    .add('POST', '/hotkeys/fire', async (ctx) => {
      const { accelerator, source } = parseOrThrow(hotkeyFireSchema, await ctx.body());
      // The hotkey's bound action goes on the bus (and into the log) with the hotkey as its origin.
      return { body: { ok: true, result: await controls.fireHotkey(accelerator, source) } };
    });
}
