import { useEffect } from 'react';
import { imageSrc } from '../lib/image-src.js';
import { translate, type Lang } from '../lib/i18n.js';
import { useNow } from '../lib/use-now.js';
import { useOverlayStore } from './overlay-store.js';
import { FlashBand, ProductCard } from './product-card.js';
import { WeightBadge } from './weight-badge.js';

type Props = { url: string; token: string | null; lang: Lang };

/** How long a sold-out band of a product not on the card stays on the stream. */
const SOLD_OUT_HOLD_MS = 20_000;

/** A transparent 1920×1080 lower third for OBS Browser Source: nothing on screen unless a product is explained. */
export function OverlayApp({ url, token, lang }: Props) {
  const cards = useOverlayStore((s) => s.cards);
  const cardGone = useOverlayStore((s) => s.cardGone);
  const linkKind = useOverlayStore((s) => s.socket.kind);
  const running = useOverlayStore((s) => s.state?.flashSale ?? null);
  const last = useOverlayStore((s) => s.state?.lastFlashSale ?? null);
  const now = useNow(250);
  // A sell-out stays on the stream as 已抢光: on its product's card while that card is up, on its own
  // band for SOLD_OUT_HOLD_MS; a running sale always wins.
  const soldOut = !running && last?.reason === 'sold-out' ? last : null;
  const sale = running ?? soldOut;

  useEffect(() => {
    if (token) useOverlayStore.getState().start(url, token);
  }, [url, token]);

  const labels = {
    tag: translate(lang, 'flash.overlayTag'),
    left: (n: number) => translate(lang, 'flash.left', { n }),
    soldOut: translate(lang, 'flash.overlaySoldOut'),
    warmup: translate(lang, 'flash.overlayWarmup'),
  };
  const onCard = sale !== null && cards.some((c) => !c.leaving && c.product.sku === sale.sku);
  return (
    <div className="stage" data-link={linkKind} data-testid="overlay-stage">
      {cards.map((c) => (
        <ProductCard
          key={c.key}
          card={c}
          tag={translate(lang, 'overlay.tag')}
          onGone={cardGone}
          imageUrl={imageSrc(c.product.image, url, token)}
          flash={sale && !c.leaving && sale.sku === c.product.sku ? { sale, now, labels, soldOut: soldOut !== null } : null}
        />
      ))}
      {sale && !onCard && (running || now - (soldOut?.endedAt ?? 0) < SOLD_OUT_HOLD_MS) ? (
        // A flash sale of a product that is not being explained gets its own band above the card.
        <div className="flash-standalone" data-testid="overlay-flash-standalone">
          <div className="card-name flash-standalone-name">{sale.name}</div>
          <FlashBand sale={sale} now={now} labels={labels} soldOut={soldOut !== null} />
        </div>
      ) : null}
      <WeightBadge lang={lang} />
    </div>
  );
}
