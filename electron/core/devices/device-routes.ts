import { hotkeyFireSchema, learnRequestSchema, parseOrThrow, PORTS_DEGRADED_HEADER } from '../contract/index.js';
import type { StateReader } from '../engine/ports.js';
import type { Router } from '../server/router.js';
import type { Controls } from './controls/controls.js';
import type { SerialManager } from './serial/serial-manager.js';

/** What the device routes use. */
export interface DeviceRouteDeps {
  serial: Pick<SerialManager, 'list' | 'replace' | 'ports' | 'cues' | 'setCues'>;
  controls: Pick<Controls, 'bindings' | 'putBindings' | 'views' | 'rescan' | 'learn' | 'fireHotkey'>;
  hub: Pick<StateReader, 'state'>;
}

/** Serial devices and light cues, control bindings, control hardware, hotkeys. */
export function addDeviceRoutes(router: Router, deps: DeviceRouteDeps): Router {
  const { serial, controls } = deps;
  return router
    .add('GET', '/devices', () => ({ body: serial.list() }))
    .add('PUT', '/devices', async (ctx) => ({ body: await serial.replace(await ctx.body()) }))
    .add('GET', '/devices/ports', async () => {
      // The body stays the list it always was; a degraded listing (no udev) says why in a header.
      const { ports, degraded } = await serial.ports();
      const headers: Record<string, string> = degraded ? { [PORTS_DEGRADED_HEADER]: degraded } : {};
      return { body: ports, headers };
    })
    .add('GET', '/devices/cues', () => ({ body: serial.cues() }))
    .add('PUT', '/devices/cues', async (ctx) => ({ body: serial.setCues(await ctx.body()) }))
    .add('GET', '/bindings', () => ({ body: controls.bindings() }))
    .add('PUT', '/bindings', async (ctx) => ({ body: await controls.putBindings(await ctx.body()) }))
    .add('GET', '/controls', () => ({ body: controls.views() }))
    .add('POST', '/controls/rescan', async () => ({ body: await controls.rescan() }))
    .add('POST', '/controls/learn', async (ctx) => {
      const { device } = parseOrThrow(learnRequestSchema, await ctx.body());
      await controls.learn(device);
      return { body: { ok: true, learn: deps.hub.state.learn ?? null } };
    })
    .add('POST', '/hotkeys/fire', async (ctx) => {
      const { accelerator, source } = parseOrThrow(hotkeyFireSchema, await ctx.body());
      return { body: { ok: true, result: await controls.fireHotkey(accelerator, source) } };
    });
}
