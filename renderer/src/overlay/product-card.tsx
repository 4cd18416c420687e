import type { FlashSale } from '../contract.js';
import { formatClock, groupThousands } from '../lib/format.js';
import type { Card } from './card-stack.js';

/** The price split so the yuan are big and the fen small, as on a shop's price tag. */
function Price({ fen, testId = 'overlay-price' }: { fen: number; testId?: string }) {
  const cents = fen % 100;
  return (
    <span className="card-price" data-testid={testId}>
      <span className="price-symbol">¥</span>
      <span className="price-whole">{groupThousands(Math.floor(fen / 100))}</span>
      <span className="price-cents">.{String(cents).padStart(2, '0')}</span>
    </span>
  );
}

export type FlashLabels = { tag: string; left: (n: number) => string; soldOut: string; warmup: string };

/** A struck-through price keeps its fen: ¥29.90, never ¥29. */
const yuanToFen = (fen: number) => `¥${groupThousands(Math.floor(fen / 100))}.${String(fen % 100).padStart(2, '0')}`;

/**
 * The 秒杀 band: flash price, the countdown and what is left, ticking with the overlay's clock. A sale
 * that sold out (`soldOut`) stays on the stream as 已抢光 instead of vanishing.
 */
export function FlashBand({ sale, now, labels, soldOut = false }: { sale: FlashSale; now: number; labels: FlashLabels; soldOut?: boolean }) {
  const left = soldOut ? 0 : sale.stock === null ? null : Math.max(0, sale.stock - sale.sold);
  // 预热: announced, not open yet — the countdown is to the opening.
  const warmup = !soldOut && now < sale.startedAt;
  return (
    <div className={`card-flash ${soldOut ? 'card-flash-over' : ''}`} data-testid="overlay-flash" data-sku={sale.sku} data-sold-out={soldOut} data-warmup={warmup}>
      <span className="flash-tag">{labels.tag}</span>
      <Price fen={sale.priceFen} testId="overlay-flash-price" />
      {sale.regularFen !== null && sale.regularFen > sale.priceFen ? (
        <span className="flash-was" data-testid="overlay-flash-was">
          {yuanToFen(sale.regularFen)}
        </span>
      ) : null}
      {soldOut ? null : (
        <span className="flash-countdown" data-testid="overlay-countdown">
          {warmup ? `${labels.warmup} ${formatClock(sale.startedAt - now)}` : formatClock(Math.max(0, sale.endsAt - now))}
        </span>
      )}
      {left !== null ? (
        <span className={`flash-left ${left === 0 ? 'flash-gone' : ''}`} data-testid="overlay-stock">
          {left === 0 ? labels.soldOut : labels.left(left)}
        </span>
      ) : null}
    </div>
  );
}

type Props = {
  card: Card;
  tag: string;
  onGone(key: string): void;
  /** The product's picture as the overlay can load it, or null. */
  imageUrl?: string | null;
  flash?: { sale: FlashSale; now: number; labels: FlashLabels; soldOut?: boolean } | null;
};

export function ProductCard({ card, tag, onGone, imageUrl, flash }: Props) {
  const { product } = card;
  return (
    <div
      className={`card ${card.leaving ? 'card-out' : 'card-in'} ${flash ? 'card-flashing' : ''}`}
      data-testid="overlay-card"
      data-sku={product.sku}
      data-leaving={card.leaving}
      onAnimationEnd={(e) => {
        if (card.leaving && e.target === e.currentTarget) onGone(card.key);
      }}
    >
      <div className="card-accent" aria-hidden />
      {imageUrl ? <img className="card-image" src={imageUrl} alt="" data-testid="overlay-image" /> : null}
      <div className="card-body">
        <span className="card-tag">
          <span className="card-tag-dot" aria-hidden />
          {tag}
        </span>
        <div className="card-name" data-testid="overlay-name">
          {product.name}
        </div>
        {flash ? <FlashBand {...flash} /> : <Price fen={product.priceFen} />}
      </div>
    </div>
  );
}
