import { useState } from 'react';
import { imageSrc } from '../../lib/image-src.js';
import { getLink } from '../../lib/desk-link.js';

/** A product's picture, or its first character on a tile when there is none the browser can load. */
export function ProductThumb({ image, name, size = 40 }: { image: string | null | undefined; name: string; size?: number }) {
  const link = getLink();
  const src = imageSrc(image, link?.url, link?.token);
  const [broken, setBroken] = useState<string | null>(null);
  const style = { width: size, height: size };
  if (!src || broken === src) {
    return (
      <span className="thumb thumb-empty" style={style} aria-hidden>
        {name.slice(0, 1)}
      </span>
    );
  }
  return <img className="thumb" style={style} src={src} alt={name} loading="lazy" onError={() => setBroken(src)} />;
}
