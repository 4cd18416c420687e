import { useMemo } from 'react';
import { productCues } from '../../contract.js';
import { useDeskStore } from '../../stores/desk-store.js';
import { useT } from '../../stores/prefs-store.js';
import { useProductsStore } from '../../stores/products-store.js';
import { paletteItems, type PaletteItem } from './binding-palette.js';
import { useDevicesStore } from './devices-store.js';

const NONE: readonly string[] = [];

/** The palette for the bindings editor, hotkeys and learnt buttons: OBS's scenes, the catalog, the desk's light cues. */
export function usePaletteItems(): PaletteItem[] {
  const t = useT();
  const scenes = useDeskStore((s) => s.state?.obs.scenes ?? NONE);
  const products = useProductsStore((s) => s.products);
  const dmxCues = useDevicesStore((s) => s.cues);
  return useMemo(() => paletteItems({ scenes, products, cues: [...dmxCues.map((c) => c.name), ...productCues(products)] }, t), [scenes, products, dmxCues, t]);
}
