/** Log lines of serial hardware (issue 6): weights, placements and device links, read at a glance. */
export type DeviceEventLine = { detail: string; tone: 'info' | 'warn' | 'error' | 'product' };

type Data = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);

export function describeDeviceEvent(kind: string, d: Data): DeviceEventLine | null {
  const device = str(d['device']) ?? '?';
  switch (kind) {
    case 'scale.reading': {
      const value = str(d['value']) ?? str(d['grams']) ?? '?';
      const unit = str(d['value']) === null ? 'g' : (str(d['unit']) ?? '');
      return { detail: `${value} ${unit}${d['net'] === true ? ' NET' : ''} · ${device}`, tone: 'info' };
    }
    case 'scale.placed':
    case 'scale.removed':
      return { detail: `${str(d['grams']) ?? '?'} g · ${device}`, tone: 'product' };
    case 'device.status': {
      const status = str(d['status']) ?? '?';
      const reason = str(d['reason']);
      return { detail: `${device} ${status}${reason ? ` — ${reason}` : ''}`, tone: status === 'open' ? 'info' : status === 'error' ? 'error' : 'warn' };
    }
    default:
      return null;
  }
}
