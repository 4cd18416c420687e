import { describe, expect, it } from 'vitest';
import { serialDeviceConfigSchema } from '../../contract.js';
import { configToDraft, draftToConfig, EMPTY_DEVICE, parseRanges, withProtocol } from './device-form.js';

describe('device form', () => {
  it('turns a new scale with a match trigger into a config the core accepts', () => {
    const draft = { ...withProtocol({ ...EMPTY_DEVICE, id: 'scale1', name: '称重台', path: '/dev/pts/3' }, 'and'), triggerOn: true, onPlace: 'match' as const, ranges: 'TEA-250 240 260\nTEA-500 480-520' };
    expect(draft).toMatchObject({ baudRate: '2400', dataBits: '7', parity: 'even' });
    const out = draftToConfig(draft, null, []);
    if (!('config' in out)) throw new Error(JSON.stringify(out.errors));
    const parsed = serialDeviceConfigSchema.parse(out.config);
    expect(parsed).toMatchObject({ id: 'scale1', kind: 'scale', protocol: 'and', baudRate: 2400, dataBits: 7, parity: 'even', stopBits: 1 });
    expect(parsed.kind === 'scale' && parsed.trigger?.onPlace).toEqual({ kind: 'match', ranges: [{ sku: 'TEA-250', minGrams: 240, maxGrams: 260 }, { sku: 'TEA-500', minGrams: 480, maxGrams: 520 }] });
  });

  it('round-trips a stored device and keeps fields the form does not show', () => {
    const stored = serialDeviceConfigSchema.parse({ id: 's', kind: 'scale', path: '/dev/ttyUSB0', protocol: 'xk3190', silenceMs: 9000, trigger: { thresholdGrams: 100, onPlace: { kind: 'explain', sku: 'A-1' } } });
    const draft = configToDraft(stored);
    expect(draft).toMatchObject({ protocol: 'xk3190', triggerOn: true, onPlace: 'explain', sku: 'A-1', threshold: '100' });
    const out = draftToConfig({ ...draft, triggerOn: false }, stored, ['s']);
    if (!('config' in out)) throw new Error('expected a config');
    const again = serialDeviceConfigSchema.parse(out.config);
    expect(again).toMatchObject({ silenceMs: 9000, trigger: { enabled: false, thresholdGrams: 100 } });
  });

  it('builds network nodes without line settings', () => {
    const out = draftToConfig({ ...EMPTY_DEVICE, id: 'wash', kind: 'sacn', universe: '7', host: '' }, null, []);
    if (!('config' in out)) throw new Error('expected a config');
    expect(serialDeviceConfigSchema.parse(out.config)).toEqual({ id: 'wash', kind: 'sacn', enabled: true, universe: 7, priority: 100, fps: 30 });
  });

  it('names the fields that are wrong', () => {
    expect(draftToConfig({ ...EMPTY_DEVICE, id: 'a b', baudRate: 'fast' }, null, [])).toEqual({ errors: { id: 'dev.err.id', path: 'dev.err.path', baudRate: 'dev.err.number' } });
    expect(draftToConfig({ ...EMPTY_DEVICE, id: 'x', path: '/p' }, null, ['x'])).toEqual({ errors: { id: 'dev.err.idTaken' } });
    expect(draftToConfig({ ...EMPTY_DEVICE, id: 'x', path: '/p', triggerOn: true, onPlace: 'explain' }, null, [])).toEqual({ errors: { sku: 'dev.err.sku' } });
    expect(parseRanges('A 10')).toBeNull();
    expect(parseRanges('A 20 10')).toBeNull();
  });
});
