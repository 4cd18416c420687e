import type { DeskState, NativeCardSettings } from '../contract/index.js';
import type { ObsSettingsStore } from './obs-settings-store.js';
import type { ObsLink } from './types.js';

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

/** What each configured text source should show for `product` (none when the mode is off). */
export function cardTexts(product: DeskState['product'], settings: NativeCardSettings, imageFile: (image: string) => string = (image) => image): CardText[] {
  if (!settings.enabled) return [];
  const texts: CardText[] = [];
  if (settings.nameSource) texts.push({ source: settings.nameSource, field: 'text', text: product ? product.name : settings.emptyText });
  if (settings.priceSource) texts.push({ source: settings.priceSource, field: 'text', text: product ? formatPrice(product.priceFen, settings.pricePrefix) : settings.emptyText });
  // image_source reads files only; an http image stays with the browser-source overlay.
  const image = product?.image && !/^[a-z][a-z0-9+.-]*:\/\//i.test(product.image) ? imageFile(product.image) : '';
  if (settings.imageSource) texts.push({ source: settings.imageSource, field: 'file', text: image });
  return texts;
}

export interface NativeCardDeps {
  link: () => ObsLink;
  settings: ObsSettingsStore;
  onError: (message: string) => void;
  onWritten?: (texts: CardText[]) => void;
  /** Where an image uploaded to the desk lives on disk (OBS reads files, not desk URLs). */
  imageFile?: (image: string) => string;
}

/**
 * The "native" product card: the explained product's name and price written into OBS text sources
 * (text_ft2_source_v2 on Linux, text_gdiplus_v2 on Windows) for builds without Browser Source. It
 * writes when what the sources should show changes, or OBS (re)connects; one write at a time, in one
 * RequestBatch. A failed write is reported once and retried on the next change, never in a loop.
 */
export class NativeCard {
  private written: string | null = null;
  private writing = false;
  private latest: DeskState | null = null;

  constructor(private readonly deps: NativeCardDeps) {
    deps.settings.subscribe(() => {
      this.written = null;
      if (this.latest) this.update(this.latest);
    });
  }

  update(state: DeskState): void {
    this.latest = state;
    if (this.writing || state.obs.status !== 'connected') return;
    const texts = cardTexts(state.product, this.deps.settings.get().nativeCard, this.deps.imageFile);
    if (!texts.length) return;
    // A new connection (or a swapped link) has `since` changed: write again, OBS may have restarted.
    const key = JSON.stringify([state.obs.url, state.obs.since, texts]);
    if (key === this.written) return;
    this.written = key;
    this.writing = true;
    const requests = texts.map((t) => ({ requestType: 'SetInputSettings' as const, requestData: { inputName: t.source, inputSettings: { [t.field]: t.text }, overlay: true } }));
    this.deps
      .link()
      .batch(requests)
      .then(
        () => this.deps.onWritten?.(texts),
        (error: unknown) => this.deps.onError(`native product card not updated in OBS: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        this.writing = false;
        if (this.latest && this.latest !== state) this.update(this.latest);
      });
  }
}
