import { useEffect, useRef } from 'react';
import { create } from 'zustand';
import type { Alert } from '../../contract.js';

const MUTE_KEY = 'livedesk.alertSound.muted';

function readMuted(): boolean {
  try {
    return globalThis.localStorage?.getItem(MUTE_KEY) === '1';
  } catch {
    return false;
  }
}

type SoundStore = { muted: boolean; beeps: number; toggle(): void; beeped(): void };

export const useAlertSound = create<SoundStore>()((set, get) => ({
  muted: readMuted(),
  beeps: 0,
  toggle() {
    const muted = !get().muted;
    try {
      globalThis.localStorage?.setItem(MUTE_KEY, muted ? '1' : '0');
    } catch {
      // private mode: the choice lasts for this page only
    }
    set({ muted });
  },
  beeped() {
    set({ beeps: get().beeps + 1 });
  },
}));

let audio: AudioContext | null = null;

/** Two short tones (red: three, higher) from WebAudio: no sound file to ship or to fail loading. */
export function beep(level: Alert['level']): void {
  const Ctx = globalThis.AudioContext;
  if (!Ctx) return;
  audio ??= new Ctx();
  const ctx = audio;
  const tones = level === 'error' ? [988, 988, 988] : [660, 880];
  tones.forEach((freq, i) => {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    const start = ctx.currentTime + i * 0.18;
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.25, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.14);
    osc.connect(gain).connect(ctx.destination);
    osc.start(start);
    osc.stop(start + 0.15);
  });
}

/** The alerts that are new since `seen` and worth a sound (warnings and errors, not info). */
export function newAlarms(alerts: readonly Alert[], seen: ReadonlySet<string>): Alert[] {
  return alerts.filter((a) => a.level !== 'info' && !seen.has(`${a.id}@${a.ts}`));
}

/** Beeps once per newly raised warning or error, unless muted. Alerts present at load are not news. */
export function useAlertBeeps(alerts: readonly Alert[]): void {
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    const keys = new Set(alerts.map((a) => `${a.id}@${a.ts}`));
    if (seen.current === null) {
      seen.current = keys;
      return;
    }
    const fresh = newAlarms(alerts, seen.current);
    seen.current = keys;
    if (!fresh.length) return;
    const { muted, beeped } = useAlertSound.getState();
    if (muted) return;
    beep(fresh.some((a) => a.level === 'error') ? 'error' : 'warn');
    beeped();
  }, [alerts]);
}
