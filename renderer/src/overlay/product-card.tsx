import { groupThousands } from '../lib/format.js';
import type { Card } from './card-stack.js';

/** The price split so the yuan are big and the fen small, as on a shop's price tag. */
function Price({ fen }: { fen: number }) {
  const cents = fen % 100;
  return (
    <span className="card-price" data-testid="overlay-price">
      <span className="price-symbol">¥</span>
      <span className="price-whole">{groupThousands(Math.floor(fen / 100))}</span>
      <span className="price-cents">.{String(cents).padStart(2, '0')}</span>
    </span>
  );
}

export function ProductCard({ card, tag, onGone }: { card: Card; tag: string; onGone(key: string): void }) {
  const { product } = card;
  return (
    <div
      className={`card ${card.leaving ? 'card-out' : 'card-in'}`}
      data-testid="overlay-card"
      data-sku={product.sku}
      data-leaving={card.leaving}
      onAnimationEnd={(e) => {
        if (card.leaving && e.target === e.currentTarget) onGone(card.key);
      }}
    >
      <div className="card-accent" aria-hidden />
      <div className="card-body">
        <span className="card-tag">
          <span className="card-tag-dot" aria-hidden />
          {tag}
        </span>
        <div className="card-name" data-testid="overlay-name">
          {product.name}
        </div>
        <Price fen={product.priceFen} />
      </div>
    </div>
  );
}
