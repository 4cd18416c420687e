#!/usr/bin/env node
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { SCALE_PROTOCOLS } from '../../electron/core/contract/devices.js';
import { ScaleSim, type SimProtocol } from './scale-sim.js';

/**
 * A scale on the far end of a socat pair, for trying the desk by hand:
 *   socat -d -d pty,raw,echo=0,link=/tmp/scale pty,raw,echo=0,link=/tmp/scale-sim &
 *   node out/native/sim/scale-sim-cli.js --path /tmp/scale-sim --protocol and
 * then type a weight in grams (0 takes the product off), "pause", "resume" or "overload".
 */
const { values } = parseArgs({
  options: {
    path: { type: 'string' },
    protocol: { type: 'string', default: 'and' },
    mode: { type: 'string', default: 'continuous' },
    interval: { type: 'string', default: '100' },
    settle: { type: 'string', default: '600' },
    noise: { type: 'string', default: '2' },
  },
});
const protocol = values.protocol as SimProtocol;
if (!values.path || !SCALE_PROTOCOLS.includes(protocol) || (protocol as string) === 'custom') {
  process.stderr.write(`usage: scale-sim-cli --path PATH [--protocol ${SCALE_PROTOCOLS.filter((p) => p !== 'custom').join('|')}] [--mode continuous|request]\n`);
  process.exit(2);
}
const sim = await ScaleSim.start({
  path: values.path,
  protocol,
  mode: values.mode === 'request' ? 'request' : 'continuous',
  intervalMs: Number(values.interval),
  settleMs: Number(values.settle),
  noiseGrams: Number(values.noise),
});
process.stdout.write(`scale-sim: ${protocol} on ${values.path}; type a weight in grams\n`);
const rl = createInterface({ input: process.stdin });
rl.on('line', (line) => {
  const text = line.trim();
  if (text === 'pause' || text === 'resume') sim.pause(text === 'pause');
  else if (text === 'overload') sim.setOverload(true);
  else if (Number.isFinite(Number(text)) && text) sim.setWeight(Number(text));
});
rl.on('close', () => void sim.close().then(() => process.exit(0)));
