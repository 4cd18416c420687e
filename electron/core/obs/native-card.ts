import type { DeskState } from '../contract/index.js';
import { cardInputs, cardTexts, type CardText } from './native-card-texts.js';
import type { ObsSettingsStore } from './obs-settings-store.js';
import type { ObsLink } from './types.js';

export { cardInputs, cardTexts, formatPrice, formatWeight, flashSaleCountdown, type CardText } from './native-card-texts.js';

export interface NativeCardDeps {
  link: () => ObsLink;
  settings: ObsSettingsStore;
  onError: (message: string) => void;
  onWritten?: (texts: CardText[]) => void;
  now?: () => number;
  /** Where an image uploaded to the desk lives on disk (OBS reads files, not desk URLs). */
  imageFile?: (image: string) => string;
}

/**
 * The "native" product card: the explained product's name and price, the live scale weight and the
 * flash-sale countdown written into OBS text sources (text_ft2_source_v2 on Linux, text_gdiplus_v2 on
 * Windows) for builds without Browser Source. It writes when what the sources should show changes, or
 * OBS (re)connects; one write at a time, in one RequestBatch, always the latest texts (a scale sending
 * ten readings a second never queues writes). A failed write is reported once and retried on the next
 * change, never in a loop. While a countdown runs it re-reads the clock each second.
 */
export class NativeCard {
  private written: string | null = null;
  private writing = false;
  private latest: DeskState | null = null;
  private tick: NodeJS.Timeout | null = null;

  constructor(private readonly deps: NativeCardDeps) {
    deps.settings.subscribe(() => {
      this.written = null;
      if (this.latest) this.update(this.latest);
    });
  }

  update(state: DeskState): void {
    this.latest = state;
    if (this.writing || state.obs.status !== 'connected') return;
    const settings = this.deps.settings.get().nativeCard;
    const inputs = cardInputs(state, (this.deps.now ?? Date.now)());
    if (inputs.countdown !== null && settings.enabled && settings.countdownSource) this.tickSoon();
    const texts = cardTexts(inputs, settings, this.deps.imageFile);
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
        // Also when the state is the same: the clock may have moved the countdown meanwhile.
        if (this.latest) this.update(this.latest);
      });
  }

  /** The countdown changes with the clock, not the state: look again in a second. */
  private tickSoon(): void {
    if (this.tick) return;
    this.tick = setTimeout(() => {
      this.tick = null;
      if (this.latest) this.update(this.latest);
    }, 1000 - ((this.deps.now ?? Date.now)() % 1000) + 5);
    this.tick.unref();
  }
}
