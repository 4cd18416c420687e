import { useEffect } from 'react';
import { translate, type Lang } from '../lib/i18n.js';
import { useOverlayStore } from './overlay-store.js';
import { ProductCard } from './product-card.js';
import { WeightBadge } from './weight-badge.js';

type Props = { url: string; token: string | null; lang: Lang };

/** A transparent 1920×1080 lower third for OBS Browser Source: nothing on screen unless a product is explained. */
export function OverlayApp({ url, token, lang }: Props) {
  const cards = useOverlayStore((s) => s.cards);
  const cardGone = useOverlayStore((s) => s.cardGone);
  const linkKind = useOverlayStore((s) => s.socket.kind);

  useEffect(() => {
    if (token) useOverlayStore.getState().start(url, token);
  }, [url, token]);

  return (
    <div className="stage" data-link={linkKind} data-testid="overlay-stage">
      {cards.map((c) => (
        <ProductCard key={c.key} card={c} tag={translate(lang, 'overlay.tag')} onGone={cardGone} />
      ))}
      <WeightBadge lang={lang} />
    </div>
  );
}
