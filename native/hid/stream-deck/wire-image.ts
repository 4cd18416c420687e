import jpeg from '@julusian/jpeg-turbo';
import type { WireImageFormat } from './deck-models.js';

/** A plain RGB picture, 3 bytes a pixel, rows top to bottom. */
export interface RgbImage {
  width: number;
  height: number;
  data: Uint8Array;
}

const BMP_HEADER = 54;

/**
 * Turns the bytes a Stream Deck received for one key back into the picture the app drew: unpacks the
 * BMP or JPEG, then undoes the model's colour order, flips and rotation.
 */
export function decodeKeyImage(bytes: Uint8Array, format: WireImageFormat, width: number, height: number): RgbImage {
  const wireW = format.rotate ? height : width;
  const wireH = format.rotate ? width : height;
  let wire: Uint8Array;
  if (format.container === 'bmp') {
    wire = bytes.subarray(BMP_HEADER, BMP_HEADER + wireW * wireH * 3);
  } else {
    const decoded = jpeg.decompressSync(Buffer.from(bytes), { format: jpeg.FORMAT_RGB });
    if (decoded.width !== wireW || decoded.height !== wireH) {
      throw new Error(`key image is ${decoded.width}×${decoded.height}, expected ${wireW}×${wireH}`);
    }
    wire = decoded.data;
  }
  const data = new Uint8Array(width * height * 3);
  const swap = format.colorMode === 'bgr';
  for (let y = 0; y < wireH; y++) {
    for (let x = 0; x < wireW; x++) {
      let sx = format.xFlip ? wireW - x - 1 : x;
      let sy = format.yFlip ? wireH - y - 1 : y;
      if (format.rotate) [sx, sy] = [sy, sx];
      const from = (y * wireW + x) * 3;
      const to = (sy * width + sx) * 3;
      data[to] = wire[from + (swap ? 2 : 0)] ?? 0;
      data[to + 1] = wire[from + 1] ?? 0;
      data[to + 2] = wire[from + (swap ? 0 : 2)] ?? 0;
    }
  }
  return { width, height, data };
}
