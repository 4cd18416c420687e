import { scaleDeviceSchema, type ScaleDeviceConfig } from '../../contract/index.js';

/**
 * The rehearsal's scale: an A&D-protocol scale inside the process (`native/sim/demo-scale-sim.ts`), so
 * a newcomer sees a live weight and the placement trigger explain the next product (and clear it when
 * taken off) without any hardware. It weighs only when the controller puts something on it.
 */
export const DEMO_SCALE: ScaleDeviceConfig = scaleDeviceSchema.parse({
  id: 'demo-scale',
  name: '演示电子秤 demo scale',
  kind: 'scale',
  path: 'sim://demo-scale',
  protocol: 'and',
  silenceMs: 2_000,
  trigger: { thresholdGrams: 50, hysteresisGrams: 20, stableMs: 800, onPlace: { kind: 'next' }, onRemove: 'clear' },
});
