import type { ObsSceneItem } from '../contract/index.js';

export type SceneItems = Record<string, ObsSceneItem[]>;

/**
 * GetSceneItemList's items as the operator sees them in OBS's Sources list, top to bottom
 * (obs-websocket gives index 0 to the bottom item).
 */
export function itemsInObsOrder(list: readonly unknown[]): ObsSceneItem[] {
  const items = list.flatMap((raw) => {
    const { sceneItemId, sourceName, inputKind, sceneItemEnabled, sceneItemIndex } = (raw ?? {}) as Record<string, unknown>;
    if (typeof sceneItemId !== 'number' || typeof sourceName !== 'string') return [];
    const item: ObsSceneItem = { id: sceneItemId, source: sourceName, kind: typeof inputKind === 'string' ? inputKind : null, enabled: sceneItemEnabled !== false };
    return [{ item, index: typeof sceneItemIndex === 'number' ? sceneItemIndex : 0 }];
  });
  return items.sort((a, b) => b.index - a.index).map((e) => e.item);
}

export function withItemEnabled(map: SceneItems, scene: string, id: number, enabled: boolean): SceneItems {
  const items = map[scene];
  if (!items?.some((i) => i.id === id && i.enabled !== enabled)) return map;
  return { ...map, [scene]: items.map((i) => (i.id === id ? { ...i, enabled } : i)) };
}

export function withItemRemoved(map: SceneItems, scene: string, id: number): SceneItems {
  const items = map[scene];
  if (!items?.some((i) => i.id === id)) return map;
  return { ...map, [scene]: items.filter((i) => i.id !== id) };
}

export function withSceneRenamed(map: SceneItems, from: string, to: string): SceneItems {
  const items = map[from];
  if (!items) return map;
  const { [from]: _gone, ...rest } = map;
  return { ...rest, [to]: items };
}

export function withSourceRenamed(map: SceneItems, from: string, to: string): SceneItems {
  let changed = false;
  const next: SceneItems = {};
  for (const [scene, items] of Object.entries(map)) {
    next[scene] = items.map((i) => {
      if (i.source !== from) return i;
      changed = true;
      return { ...i, source: to };
    });
  }
  return changed ? next : map;
}

/** Only the scenes still in use keep their items: a 200-scene collection is never mirrored whole. */
export function keepScenes(map: SceneItems, scenes: ReadonlySet<string>): SceneItems {
  const keys = Object.keys(map);
  if (keys.every((k) => scenes.has(k))) return map;
  return Object.fromEntries(keys.filter((k) => scenes.has(k)).map((k) => [k, map[k] as ObsSceneItem[]]));
}
