import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { coverScale, decodeImage } from './image-decode.js';
import type { KeyCanvas } from './key-renderer.js';

const MAX_BYTES = 8 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 5000;

/**
 * Product pictures for keys: loaded once per source (a file path, file:, http(s): or data: URL),
 * decoded, kept, and scaled per key size on demand. Loading never blocks drawing: a key is drawn
 * without its picture first and `onLoaded` asks for a redraw when it arrives. A picture that cannot
 * be loaded is remembered as such and the key keeps its text-only look.
 */
export class Thumbnails {
  private readonly decoded = new Map<string, KeyCanvas | 'loading' | 'failed'>();
  private readonly scaled = new Map<string, KeyCanvas>();
  private readonly listeners = new Set<(src: string) => void>();

  constructor(private readonly load: (src: string) => Promise<Uint8Array> = loadSource) {}

  onLoaded(listener: (src: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Whether the picture is ready: part of a key's cache key, so the key redraws when it arrives. */
  ready(src: string): boolean {
    return typeof this.decoded.get(src) === 'object';
  }

  /** The picture at `width`×`height`, or null while it loads (a load is started) or when it failed. */
  get(src: string, width: number, height: number): KeyCanvas | null {
    const state = this.decoded.get(src);
    if (state === undefined) {
      this.start(src);
      return null;
    }
    if (typeof state !== 'object') return null;
    const key = `${width}x${height}|${src}`;
    let image = this.scaled.get(key);
    if (!image) {
      image = coverScale(state, width, height);
      this.scaled.set(key, image);
    }
    return image;
  }

  private start(src: string): void {
    this.decoded.set(src, 'loading');
    this.load(src)
      .then((bytes) => decodeImage(bytes))
      .then(
        (image) => this.decoded.set(src, image),
        () => this.decoded.set(src, 'failed'),
      )
      .finally(() => {
        for (const listener of this.listeners) listener(src);
      });
  }
}

async function loadSource(src: string): Promise<Uint8Array> {
  if (src.startsWith('data:')) {
    const comma = src.indexOf(',');
    if (comma < 0 || !/;base64$/.test(src.slice(0, comma))) throw new Error('only base64 data URLs are supported');
    return Buffer.from(src.slice(comma + 1), 'base64');
  }
  if (/^https?:\/\//.test(src)) {
    const res = await fetch(src, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
    const body = new Uint8Array(await res.arrayBuffer());
    if (body.length > MAX_BYTES) throw new Error('picture too large');
    return body;
  }
  const path = src.startsWith('file:') ? fileURLToPath(src) : src;
  const body = await readFile(path);
  if (body.length > MAX_BYTES) throw new Error('picture too large');
  return body;
}

/** The desk-wide picture cache shared by every deck. */
export const sharedThumbnails = new Thumbnails();
