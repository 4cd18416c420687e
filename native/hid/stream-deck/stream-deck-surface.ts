import type { StreamDeck, StreamDeckButtonControlDefinition, StreamDeckControlDefinition } from '@elgato-stream-deck/core';
import { DIAL_KEY_BASE, type ControlSurface, type KeyLook, type SurfaceEvent, type SurfaceInfo } from '../../../electron/core/contract/index.js';
import { renderKey } from '../render/key-renderer.js';
import { sharedThumbnails, type Thumbnails } from '../render/thumbnails.js';
import { deckModelName } from './deck-models.js';

type ButtonControl = StreamDeckButtonControlDefinition;
/** The pending-writes key of the info strip, beside the key indexes. */
const STRIP = -1;
const STRIP_MIN_INTERVAL_MS = 1000;


// A few pages of several decks; at 96×96 RGB this is about 7 MB, well inside the core's memory budget.
const IMAGE_CACHE_LIMIT = 256;
/** Rendered key pictures by size and look: a page change back and forth redraws nothing. */
const imageCache = new Map<string, Uint8Array>();

function cachedImage(look: KeyLook, width: number, height: number, thumbnails: Thumbnails): Uint8Array {
  const picture = look.image && thumbnails.ready(look.image) ? look.image : null;
  const key = `${width}x${height}|${JSON.stringify(look)}|${picture ? 'pic' : ''}`;
  let image = imageCache.get(key);
  if (image) {
    // Least recently used goes first: a hit moves to the back.
    imageCache.delete(key);
    imageCache.set(key, image);
  } else {
    image = renderKey(look, width, height, undefined, look.image ? (w, h) => thumbnails.get(look.image as string, w, h) : null).data;
    if (imageCache.size >= IMAGE_CACHE_LIMIT) imageCache.delete(imageCache.keys().next().value as string);
    imageCache.set(key, image);
  }
  return image;
}

const lookKey = (look: KeyLook | null, thumbnails: Thumbnails) => (look ? JSON.stringify(look) + (look.image && thumbnails.ready(look.image) ? '|pic' : '') : '');

/** Grid geometry from the library's control list (some models offset their key grid). */
export function deckGeometry(controls: readonly StreamDeckControlDefinition[]) {
  const buttons = controls.filter((c): c is ButtonControl => c.type === 'button');
  const cols = buttons.map((b) => b.column);
  const rows = buttons.map((b) => b.row);
  const lcd = buttons.find((b) => b.feedbackType === 'lcd');
  return {
    buttons,
    columns: buttons.length ? Math.max(...cols) - Math.min(...cols) + 1 : 0,
    rows: buttons.length ? Math.max(...rows) - Math.min(...rows) + 1 : 0,
    pixels: lcd && lcd.feedbackType === 'lcd' ? lcd.pixelSize : null,
  };
}

/**
 * One Stream Deck as a ControlSurface. Keys are redrawn only when their look changed; writes go out
 * one at a time and a key that changes again before its write only sends its newest look. A write
 * error marks the deck disconnected (the manager closes it and rescans) and never throws upwards.
 */
export class StreamDeckSurface implements ControlSurface {
  readonly info: SurfaceInfo;
  private readonly listeners = new Set<(event: SurfaceEvent) => void>();
  private readonly drawn = new Map<number, string>();
  private readonly pending = new Map<number, KeyLook | null>();
  private readonly buttons: Map<number, ButtonControl>;
  private readonly strip: { id: number; width: number; height: number } | null;
  private stripLatest: KeyLook | null = null;
  private stripLastAt = 0;
  private stripTimer: NodeJS.Timeout | null = null;
  private readonly looks = new Map<number, KeyLook | null>();
  private draining: Promise<void> | null = null;
  private alive = true;
  private readonly offThumbnails: () => void;

  constructor(
    private readonly deck: StreamDeck,
    identity: { path: string; serial: string | null },
    private readonly thumbnails: Thumbnails = sharedThumbnails,
  ) {
    const geometry = deckGeometry(deck.CONTROLS);
    this.buttons = new Map(geometry.buttons.map((b) => [b.index, b]));
    const lcd = deck.CONTROLS.find((c) => c.type === 'lcd-segment');
    this.strip = lcd && lcd.type === 'lcd-segment' ? { id: lcd.id, width: lcd.pixelSize.width, height: lcd.pixelSize.height } : null;
    this.info = {
      id: `streamdeck:${identity.serial ?? identity.path}`,
      kind: 'streamdeck',
      name: deckModelName(deck.MODEL),
      columns: Math.max(1, geometry.columns),
      rows: Math.max(1, geometry.rows),
      keySize: geometry.pixels?.width ?? null,
      ...(geometry.pixels && geometry.pixels.height !== geometry.pixels.width ? { keyHeight: geometry.pixels.height } : {}),
      model: deck.MODEL,
      serial: identity.serial,
    };
    // Dials (Stream Deck +, Studio): a press is key 100 + dial, a turn a dial event.
    const keyOf = (control: { type: string; index: number }) => (control.type === 'encoder' ? DIAL_KEY_BASE + control.index : control.index);
    deck.on('down', (control) => this.emit({ type: 'key', index: keyOf(control), down: true, at: Date.now() }));
    deck.on('up', (control) => this.emit({ type: 'key', index: keyOf(control), down: false, at: Date.now() }));
    deck.on('rotate', (control, amount) => this.emit({ type: 'dial', index: control.index, delta: amount, at: Date.now() }));
    deck.on('error', (error) => this.fail(error));
    // A product picture that finished loading redraws the keys that show it.
    this.offThumbnails = thumbnails.onLoaded((src) => {
      for (const [index, look] of this.looks) if (look?.image === src) this.setKeyLook(index, look);
    });
  }

  get connected(): boolean {
    return this.alive;
  }

  onEvent(listener: (event: SurfaceEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setKeyLook(index: number, look: KeyLook | null): void {
    const control = this.buttons.get(index);
    if (!control || control.feedbackType === 'none' || !this.alive) return;
    this.looks.set(index, look);
    const key = lookKey(look, this.thumbnails);
    if (this.pending.has(index) ? lookKey(this.pending.get(index) ?? null, this.thumbnails) === key : this.drawn.get(index) === key) return;
    if (this.drawn.get(index) === key) this.pending.delete(index);
    else this.pending.set(index, look);
    this.draining ??= this.drain();
  }

  /**
   * The strip carries live numbers that may change many times a second during a busy show; it is
   * redrawn at most once a second (the newest look wins), so it never crowds out key presses.
   */
  setStatusLook(look: KeyLook | null): void {
    if (!this.strip || !this.alive) return;
    this.stripLatest = look;
    const wait = this.stripLastAt + STRIP_MIN_INTERVAL_MS - Date.now();
    if (wait > 0) {
      this.stripTimer ??= setTimeout(() => {
        this.stripTimer = null;
        this.setStatusLook(this.stripLatest);
      }, wait);
      return;
    }
    const key = lookKey(look, this.thumbnails);
    if (this.pending.has(STRIP) ? lookKey(this.pending.get(STRIP) ?? null, this.thumbnails) === key : this.drawn.get(STRIP) === key) return;
    if (this.drawn.get(STRIP) === key) this.pending.delete(STRIP);
    else {
      this.pending.set(STRIP, look);
      this.stripLastAt = Date.now();
    }
    this.draining ??= this.drain();
  }

  /** Resolves once every queued key image has been written (or the deck failed). */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  async setBrightness(percent: number): Promise<void> {
    await this.deck.setBrightness(Math.max(0, Math.min(100, Math.round(percent))));
  }

  async close(): Promise<void> {
    this.alive = false;
    this.offThumbnails();
    if (this.stripTimer) clearTimeout(this.stripTimer);
    this.pending.clear();
    this.listeners.clear();
    await this.draining?.catch(() => undefined);
    await this.deck.close().catch(() => undefined);
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.size && this.alive) {
        const [index, look] = this.pending.entries().next().value as [number, KeyLook | null];
        this.pending.delete(index);
        // Recorded before the write so a repeat of the same look while it is in flight is skipped.
        this.drawn.set(index, lookKey(look, this.thumbnails));
        await this.write(index, look);
      }
    } catch (error) {
      this.fail(error);
    } finally {
      this.draining = null;
    }
  }

  private async write(index: number, look: KeyLook | null): Promise<void> {
    if (index === STRIP && this.strip) {
      const { id, width, height } = this.strip;
      return this.deck.fillLcd(id, renderKey(look, width, height).data, { format: 'rgb' });
    }
    const control = this.buttons.get(index);
    if (!control) return;
    if (!look) return this.deck.clearKey(index);
    if (control.feedbackType === 'rgb') {
      const [r = 0, g = 0, b = 0] = renderKey(look, 1, 1).data;
      return this.deck.fillKeyColor(index, r, g, b);
    }
    if (control.feedbackType !== 'lcd') return;
    const { width, height } = control.pixelSize;
    await this.deck.fillKeyBuffer(index, cachedImage(look, width, height, this.thumbnails), { format: 'rgb' });
  }

  private fail(error: unknown): void {
    if (!this.alive) return;
    this.alive = false;
    this.pending.clear();
    const message = error instanceof Error ? error.message : String(error);
    this.emit({ type: 'disconnected', reason: message });
  }

  private emit(event: SurfaceEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }
}
