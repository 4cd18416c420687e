import type { DeskState, NativeCardSettings, ScaleState, WeightUnit } from '../contract/index.js';

export interface CardText {
  source: string;
  /** A text source's `text`, or an image source's `file`. */
  text: string;
  field: 'text' | 'file';
}

/** ¥128 for whole yuan, ¥99.90 otherwise: how prices read on a live-commerce card. */
export function formatPrice(priceFen: number, prefix: string): string {
  const yuan = priceFen % 100 === 0 ? String(priceFen / 100) : (priceFen / 100).toFixed(2);
  return `${prefix}${yuan}`;
}

// On a Chinese card 斤 and 两 read better than "jin"; the rest are the usual symbols.
const UNIT_LABEL: Record<WeightUnit, string> = { mg: 'mg', g: 'g', kg: 'kg', t: 't', ct: 'ct', lb: 'lb', oz: 'oz', jin: '斤', liang: '两' };

/**
 * The live weight as a card shows it, or null while there is no usable reading (no scale, an invalid
 * frame). `unit` 'scale' keeps the scale's own figure and unit, so the card matches the display the
 * audience may see on camera; otherwise grams are converted.
 */
export function formatWeight(scale: ScaleState | null | undefined, unit: NativeCardSettings['weightUnit']): string | null {
  if (!scale || scale.status === 'invalid') return null;
  if (unit === 'scale') return scale.value === null ? null : `${scale.value} ${UNIT_LABEL[scale.unit]}`;
  if (scale.grams === null) return null;
  if (unit === 'g') return `${Math.round(scale.grams)} g`;
  if (unit === 'kg') return `${(scale.grams / 1000).toFixed(2)} kg`;
  return `${(scale.grams / 500).toFixed(2)} 斤`;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Written before the countdown while a sale is announced but not open (预热), as the deck keys show it. */
export const WARMUP_PREFIX = '预热 ';

const clock = (ms: number) => {
  const left = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(left / 3600);
  const mmss = `${pad2(Math.floor((left % 3600) / 60))}:${pad2(left % 60)}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
};

/**
 * The running flash sale's countdown ("01:05", "1:02:05"), or null when there is none. During its 预热
 * the sale has not opened: the card counts down to the opening ("预热 00:30"), then to the end.
 */
export function flashSaleCountdown(state: DeskState, now: number): string | null {
  const sale = state.flashSale;
  if (!sale) return null;
  if (now < sale.startedAt) return `${WARMUP_PREFIX}${clock(sale.startedAt - now)}`;
  return clock(sale.endsAt - now);
}

/** What the native card shows: a pure view of the state (and the clock, for the countdown). */
export interface CardInputs {
  product: DeskState['product'];
  scale: ScaleState | null | undefined;
  countdown: string | null;
}

export function cardInputs(state: DeskState, now: number): CardInputs {
  return { product: state.product, scale: state.scale, countdown: flashSaleCountdown(state, now) };
}

/** What each configured source should show (none when the mode is off). */
/** `imageFile` maps an image uploaded to the desk to its file on disk: OBS reads files, not desk URLs. */
export function cardTexts(inputs: CardInputs, settings: NativeCardSettings, imageFile: (image: string) => string = (image) => image): CardText[] {
  if (!settings.enabled) return [];
  const { product } = inputs;
  const texts: CardText[] = [];
  const text = (source: string | null, value: string | null) => {
    if (source) texts.push({ source, field: 'text', text: value ?? settings.emptyText });
  };
  text(settings.nameSource, product ? product.name : null);
  text(settings.priceSource, product ? formatPrice(product.priceFen, settings.pricePrefix) : null);
  // image_source reads files only; an http image stays with the browser-source overlay.
  const image = product?.image && !/^[a-z][a-z0-9+.-]*:\/\//i.test(product.image) ? imageFile(product.image) : '';
  if (settings.imageSource) texts.push({ source: settings.imageSource, field: 'file', text: image });
  text(settings.weightSource, formatWeight(inputs.scale, settings.weightUnit));
  text(settings.countdownSource, inputs.countdown);
  return texts;
}
