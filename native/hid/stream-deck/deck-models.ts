import { createRequire } from 'node:module';
import type * as StreamDeckCore from '@elgato-stream-deck/core';
import type { DeviceModelId } from '@elgato-stream-deck/core';

const require = createRequire(import.meta.url);
let core: typeof StreamDeckCore | null = null;
/** The library's model tables, loaded when a deck is named rather than at start (it is 40 modules). */
const library = (): typeof StreamDeckCore => (core ??= require('@elgato-stream-deck/core') as typeof StreamDeckCore);

/** How a model's key images travel: pixel order on the wire, and the container. */
export interface WireImageFormat {
  container: 'bmp' | 'jpeg';
  colorMode: 'rgb' | 'bgr';
  xFlip: boolean;
  yFlip: boolean;
  rotate: boolean;
}

// Mirrors the per-model transforms inside @elgato-stream-deck/core (models/*.js), which the fake
// device needs to turn the bytes it receives back into the picture that was drawn.
const GEN1_MODELS = new Set<string>(['original', 'mini', '6-module']);
const WIRE: Partial<Record<string, WireImageFormat>> = {
  original: { container: 'bmp', colorMode: 'bgr', xFlip: true, yFlip: false, rotate: false },
  mini: { container: 'bmp', colorMode: 'bgr', xFlip: false, yFlip: true, rotate: true },
  '6-module': { container: 'bmp', colorMode: 'bgr', xFlip: false, yFlip: true, rotate: true },
  plus: { container: 'jpeg', colorMode: 'rgb', xFlip: false, yFlip: false, rotate: false },
  studio: { container: 'jpeg', colorMode: 'rgb', xFlip: false, yFlip: false, rotate: false },
  'galleon-k100': { container: 'jpeg', colorMode: 'rgb', xFlip: false, yFlip: false, rotate: false },
  'plus-xl': { container: 'jpeg', colorMode: 'rgb', xFlip: false, yFlip: true, rotate: true },
};
const GEN2_DEFAULT: WireImageFormat = { container: 'jpeg', colorMode: 'rgb', xFlip: true, yFlip: true, rotate: false };

export function wireFormat(model: string): WireImageFormat {
  return WIRE[model] ?? GEN2_DEFAULT;
}

/** Offset of the first key byte in an input report (after the report id), per the core's input services. */
export function keyDataOffset(model: string): number {
  return GEN1_MODELS.has(model) ? 0 : 3;
}

export interface DeckModelInfo {
  id: DeviceModelId;
  name: string;
  productId: number;
  vendorId: number;
  /** Hardware that shows up over USB HID (the network dock only bridges other decks over TCP). */
  usb: boolean;
}

/** Every model the installed library knows, so the fake and the docs never fall behind it. */
export function supportedDeckModels(): DeckModelInfo[] {
  const { DEVICE_MODELS, DeviceModelType, MODEL_NAMES } = library();
  return DEVICE_MODELS.map((m) => ({
    id: m.id,
    name: MODEL_NAMES[m.id],
    productId: m.productIds[0] ?? 0,
    vendorId: m.vendorId,
    usb: m.type !== DeviceModelType.NETWORK_DOCK,
  }));
}

export function deckModelName(model: string): string {
  return (library().MODEL_NAMES as Record<string, string | undefined>)[model] ?? `Stream Deck (${model})`;
}
