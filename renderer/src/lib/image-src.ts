import { API_PREFIX } from '../contract.js';

const UPLOADED = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}\.(png|jpe?g|webp|gif)$/;

/**
 * Where a browser can load a product image: web addresses as they are, uploaded images from the
 * desk (with a token, since <img> cannot send headers). A path on the studio disk is for OBS only.
 */
export function imageSrc(image: string | null | undefined, base: string | null | undefined, token: string | null | undefined): string | null {
  if (!image) return null;
  if (/^https?:\/\//i.test(image)) return image;
  if (UPLOADED.test(image) && base && token) return `${base}${API_PREFIX}/images/${encodeURIComponent(image)}?token=${encodeURIComponent(token)}`;
  return null;
}
