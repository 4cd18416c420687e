import { formatMoney } from '../lib/format.js';

/** Big-number money: the yuan at full size, the fen smaller, so a tile stays readable at a glance. */
export function Money({ fen, currency = 'CNY' }: { fen: number; currency?: string }) {
  const text = formatMoney(fen, currency);
  const dot = text.lastIndexOf('.');
  return (
    <span className="money">
      {text.slice(0, dot)}
      <span className="money-cents">{text.slice(dot)}</span>
    </span>
  );
}
