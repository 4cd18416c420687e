import type { KeyLook } from './state.js';

/** Geometry and identity of a control surface, copied into a plain object (no library types). */
export interface SurfaceInfo {
  id: string;
  kind: 'virtual' | 'streamdeck' | 'hid' | 'serial';
  name: string;
  columns: number;
  rows: number;
  /** Key image size in pixels, for surfaces that draw images. */
  keySize: number | null;
  /** Key image height when keys are not square (Stream Deck Studio: 144×112). */
  keyHeight?: number;
  /** Hardware model id (e.g. "xl", "original-mk2") and serial number, for surfaces that have them. */
  model?: string;
  serial?: string | null;
}

/** Dial presses arrive as keys from this index on, clear of every model's key grid. */
export const DIAL_KEY_BASE = 100;

export type SurfaceEvent =
  | { type: 'key'; index: number; down: boolean; at: number }
  /** A dial (Stream Deck +, Studio) turned by `delta` detents: positive is clockwise. */
  | { type: 'dial'; index: number; delta: number; at: number }
  | { type: 'connected' }
  | { type: 'disconnected'; reason: string }
  | { type: 'error'; message: string };

/**
 * A control surface: keys that show a look and report presses. The virtual deck in the console, a
 * Stream Deck and a serial button box all implement this; the core never sees a library's types.
 */
export interface ControlSurface {
  readonly info: SurfaceInfo;
  readonly connected: boolean;
  onEvent(listener: (event: SurfaceEvent) => void): () => void;
  /** Shows `look` on key `index`; null blanks the key. Implementations skip unchanged keys. */
  setKeyLook(index: number, look: KeyLook | null): void;
  close(): Promise<void>;
  /** Shows desk status on a surface's info strip (Stream Deck +, Neo); surfaces without one omit it. */
  setStatusLook?(look: KeyLook | null): void;
  /** Display brightness in per cent, for surfaces that have one. */
  setBrightness?(percent: number): Promise<void>;
  /**
   * Present on a surface that mirrors the host's first Stream Deck (the console's on-screen deck):
   * it takes that deck's grid, layout and page. Others show their own.
   */
  mirrorGrid?(columns: number, rows: number): void;
}
