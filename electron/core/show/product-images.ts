import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve, sep } from 'node:path';
import { coded, DeskError, IMAGE_FILE_NAME } from '../contract/index.js';

export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;

const TYPES = { png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp', gif: 'image/gif' } as const;
type Ext = keyof typeof TYPES;

/** The real type from the file's first bytes; the name or a client's claim is never trusted. */
function sniff(b: Buffer): Ext | null {
  if (b.length > 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpg';
  if (b.length > 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  if (b.length > 6 && /^GIF8[79]a$/.test(b.toString('latin1', 0, 6))) return 'gif';
  return null;
}

/**
 * Product images uploaded to the desk, content-addressed in one folder of the data dir. Only bare
 * names of that folder are ever read, so no request can reach another file.
 */
export class ProductImages {
  private readonly dir: string;

  constructor(dir: string) {
    this.dir = resolve(dir);
  }

  save(bytes: Buffer): string {
    if (bytes.length > MAX_IMAGE_BYTES) throw new DeskError('payload_too_large', coded('image.tooLarge', { limit: MAX_IMAGE_BYTES }, `image is ${bytes.length} bytes; the limit is ${MAX_IMAGE_BYTES}`));
    const ext = sniff(bytes);
    if (!ext) throw new DeskError('bad_request', coded('image.badType', {}, 'data: not a PNG, JPEG, WebP or GIF image'), { field: 'data' });
    const name = `${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}.${ext}`;
    mkdirSync(this.dir, { recursive: true });
    const file = join(this.dir, name);
    if (!existsSync(file)) writeFileSync(file, bytes, { mode: 0o644 });
    return name;
  }

  /** The absolute path of an uploaded image (for OBS image sources); other references pass through. */
  fileFor(image: string): string {
    return IMAGE_FILE_NAME.test(image) && !isAbsolute(image) ? join(this.dir, image) : image;
  }

  read(name: string): { bytes: Buffer; type: string } {
    const missing = new DeskError('not_found', coded('image.notFound', { name }, `no uploaded image "${name}"`));
    if (!IMAGE_FILE_NAME.test(name)) throw missing;
    const file = resolve(this.dir, name);
    if (!file.startsWith(this.dir + sep) || !existsSync(file)) throw missing;
    const bytes = readFileSync(file);
    const ext = sniff(bytes);
    if (!ext) throw missing;
    return { bytes, type: TYPES[ext] };
  }
}
