import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { coverScale, decodeImage } from './image-decode.js';
import type { KeyCanvas } from './key-renderer.js';

const MAX_BYTES = 8 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 5000;
const LOAD_TIMEOUT_MS = FETCH_TIMEOUT_MS + 1000;

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

  constructor(private readonly load: (src: string) => Promise<Uint8Array> = loadPicture) {}

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
    within(this.load(src), LOAD_TIMEOUT_MS)
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

/**
 * Reads a picture with a ceiling on bytes and time (issue 13): a path such as /dev/zero or a FIFO, or
 * a server that streams for ever, used to keep the loader reading. Files must be regular files, opened
 * without blocking; http(s) is read as a stream and cut at MAX_BYTES; redirects are not followed, so
 * only the address the user entered is ever fetched.
 */
export async function loadPicture(src: string): Promise<Uint8Array> {
  if (src.startsWith('data:')) {
    const comma = src.indexOf(',');
    if (comma < 0 || !/;base64$/.test(src.slice(0, comma))) throw new Error('only base64 data URLs are supported');
    if ((src.length - comma) * 0.75 > MAX_BYTES) throw new Error('picture too large');
    return Buffer.from(src.slice(comma + 1), 'base64');
  }
  if (/^https?:\/\//.test(src)) return fetchPicture(src);
  const path = src.startsWith('file:') ? fileURLToPath(src) : src;
  return readPictureFile(path);
}

async function fetchPicture(src: string): Promise<Uint8Array> {
  const res = await fetch(src, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'manual' });
  if (res.status >= 300 && res.status < 400) {
    await res.body?.cancel();
    throw new Error(`${res.status}: redirects are not followed; enter the picture's final address`);
  }
  if (!res.ok || !res.body) {
    await res.body?.cancel();
    throw new Error(`${res.status} ${res.statusText}`);
  }
  if (Number(res.headers.get('content-length') ?? 0) > MAX_BYTES) {
    await res.body.cancel();
    throw new Error('picture too large');
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_BYTES) {
      await reader.cancel();
      throw new Error('picture too large');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

async function readPictureFile(path: string): Promise<Uint8Array> {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat of the open file decides what it is.
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new Error('not a regular file');
    if (stat.size > MAX_BYTES) throw new Error('picture too large');
    const bytes = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const { bytesRead } = await handle.read(bytes, read, stat.size - read, read);
      if (!bytesRead) break;
      read += bytesRead;
    }
    return bytes.subarray(0, read);
  } finally {
    await handle.close();
  }
}

/** Rejects when `promise` has not settled within `ms` (a file on a stalled network mount). */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no picture within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The desk-wide picture cache shared by every deck. */
export const sharedThumbnails = new Thumbnails();
