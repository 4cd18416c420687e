import { scaleDeviceSchema, type ScaleDeviceConfig } from '../../contract/index.js';
import { SimulatedScaleTransport } from '../../../../native/sim/simulated-scale-transport.js';
import type { ByteTransport } from '../../../../native/serial/transport/byte-transport.js';

/**
 * The rehearsal's scale: an A&D-protocol scale inside the process. Every few seconds a product goes on
 * it and comes off again, so a newcomer sees a live weight and the placement trigger explain the next
 * product (and clear it when taken off) without any hardware.
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

export function demoScaleTransport(): ByteTransport {
  return new SimulatedScaleTransport({
    protocol: 'and',
    intervalMs: 100,
    script: { weights: [251.2, 503.6, 1_002.4, 126.8], heldMs: 12_000, emptyMs: 6_000 },
  });
}
