import type { DmxCue } from '../../contract.js';
import type { StringKey } from '../../lib/i18n.js';

/** One cue as the editor holds it. */
export type CueDraft = { name: string; channels: string; fade: string; product: string; scene: string; device?: string | undefined };

export const EMPTY_CUE: CueDraft = { name: '', channels: '', fade: '0', product: '', scene: '' };

export function cueToDraft(cue: DmxCue): CueDraft {
  return {
    name: cue.name,
    channels: Object.entries(cue.channels)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([c, v]) => `${c}=${v}`)
      .join(', '),
    fade: String(cue.fadeMs),
    product: cue.product ?? '',
    scene: cue.scene ?? '',
    device: cue.device,
  };
}

/** `1=255, 2=128` (commas, spaces or new lines between pairs); null when any pair is off. */
export function parseChannels(input: string): Record<string, number> | null {
  const pairs = input.split(/[,\s]+/).filter(Boolean);
  const out: Record<string, number> = {};
  for (const pair of pairs) {
    const m = /^(\d{1,3})=(\d{1,3})$/.exec(pair);
    if (!m) return null;
    const [channel, value] = [Number(m[1]), Number(m[2])];
    if (channel < 1 || channel > 512 || value > 255) return null;
    out[String(channel)] = value;
  }
  return out;
}

export type CueErrors = { key: StringKey; n: number }[];

export function draftsToCues(drafts: readonly CueDraft[]): { cues: DmxCue[] } | { errors: CueErrors } {
  const errors: CueErrors = [];
  const cues: DmxCue[] = [];
  drafts.forEach((d, i) => {
    const channels = parseChannels(d.channels);
    const fade = Number(d.fade.trim() || '0');
    if (!d.name.trim()) errors.push({ key: 'cue.errName', n: i + 1 });
    if (!channels) errors.push({ key: 'cue.errChannels', n: i + 1 });
    if (!Number.isInteger(fade) || fade < 0) errors.push({ key: 'dev.err.number', n: i + 1 });
    if (!channels) return;
    cues.push({
      name: d.name.trim(),
      channels,
      fadeMs: fade,
      ...(d.device ? { device: d.device } : {}),
      ...(d.product.trim() ? { product: d.product.trim() } : {}),
      ...(d.scene.trim() ? { scene: d.scene.trim() } : {}),
    });
  });
  return errors.length ? { errors } : { cues };
}
