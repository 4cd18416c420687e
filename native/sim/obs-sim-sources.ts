import { booleanField, EventIntent, numberField, objectField, RequestError, RequestStatus, stringField } from './obs-sim-fields.js';
import type { EmitEvent, Handler, JsonObject } from './obs-sim-fields.js';

/** Input kinds the simulated OBS can create (Debian's OBS 29 has no browser_source; Windows has text_gdiplus_v2). */
const INPUT_KINDS = new Set(['text_ft2_source_v2', 'text_gdiplus_v2', 'image_source', 'color_source_v3', 'ffmpeg_source', 'browser_source', 'v4l2_input', 'pulse_input_capture']);

interface Item {
  id: number;
  source: string;
  enabled: boolean;
}

interface Input {
  kind: string;
  settings: JsonObject;
}

/**
 * Scene items and inputs of the simulated OBS: the part of its model that `obs.source.toggle` and the
 * native product card talk to. Items are listed bottom-up with `sceneItemIndex` 0 at the bottom, as
 * obs-websocket does; ids are per scene and never reused.
 */
export class ObsSimSources {
  private readonly items = new Map<string, Item[]>();
  private readonly nextId = new Map<string, number>();
  private readonly inputs = new Map<string, Input>();

  private readonly kinds: Set<string>;

  constructor(
    private readonly emit: EmitEvent,
    /** Validates `sceneName` against the model's scene list (600 if missing) and returns it. */
    private readonly sceneOf: (data: JsonObject | null) => string,
    seed: Record<string, [string, string][]>,
    /** Like Debian's OBS build without CEF: no browser_source. */
    withoutBrowserSource = false,
  ) {
    this.kinds = new Set([...INPUT_KINDS].filter((k) => !(withoutBrowserSource && k === 'browser_source')));
    for (const [scene, entries] of Object.entries(seed)) {
      for (const [source, kind] of entries) {
        if (!this.inputs.has(source)) this.inputs.set(source, { kind, settings: {} });
        this.add(scene, source);
      }
    }
  }

  onSceneRemoved(scene: string): void {
    this.items.delete(scene);
  }

  onSceneRenamed(from: string, to: string): void {
    const list = this.items.get(from);
    if (!list) return;
    this.items.delete(from);
    this.items.set(to, list);
  }

  inputSettings(name: string): JsonObject | null {
    return this.inputs.get(name)?.settings ?? null;
  }

  handlers(): Record<string, Handler> {
    return {
      GetSceneItemList: (data) => {
        const scene = this.sceneOf(data);
        return { sceneItems: this.list(scene).map((item, i) => this.describe(item, i)) };
      },
      GetSceneItemId: (data) => {
        const scene = this.sceneOf(data);
        const source = stringField(data, 'sourceName');
        const item = this.list(scene).find((i) => i.source === source);
        if (!item) throw new RequestError(RequestStatus.ResourceNotFound, 'No scene items were found in the specified scene by that name or offset.');
        return { sceneItemId: item.id };
      },
      GetSceneItemEnabled: (data) => ({ sceneItemEnabled: this.item(data).item.enabled }),
      SetSceneItemEnabled: (data) => {
        const { scene, item } = this.item(data);
        const enabled = booleanField(data, 'sceneItemEnabled');
        // OBS emits the event even when the value does not change.
        item.enabled = enabled;
        this.emit('SceneItemEnableStateChanged', EventIntent.SceneItems, { sceneName: scene, sceneItemId: item.id, sceneItemEnabled: enabled });
      },
      RemoveSceneItem: (data) => {
        const { scene, item } = this.item(data);
        this.items.set(scene, this.list(scene).filter((i) => i !== item));
        this.emit('SceneItemRemoved', EventIntent.SceneItems, { sceneName: scene, sourceName: item.source, sceneItemId: item.id });
      },
      GetInputList: (data) => {
        const kind = data && typeof data.inputKind === 'string' ? data.inputKind : null;
        const inputs = [...this.inputs].filter(([, i]) => kind === null || i.kind === kind);
        return { inputs: inputs.map(([inputName, i]) => ({ inputName, inputKind: i.kind, unversionedInputKind: i.kind.replace(/_v\d+$/, '') })) };
      },
      CreateInput: (data) => {
        const scene = this.sceneOf(data);
        const name = stringField(data, 'inputName');
        const kind = stringField(data, 'inputKind');
        if (this.inputs.has(name)) throw new RequestError(RequestStatus.ResourceAlreadyExists, 'A source already exists by that input name.');
        if (!this.kinds.has(kind)) throw new RequestError(RequestStatus.InvalidInputKind, 'Your specified input kind is not supported by OBS. Check that your specified kind is properly versioned and that any necessary plugins are loaded.');
        const settings = data?.inputSettings === undefined ? {} : objectField(data, 'inputSettings');
        this.inputs.set(name, { kind, settings: { ...settings } });
        this.emit('InputCreated', EventIntent.Inputs, { inputName: name, inputKind: kind, unversionedInputKind: kind, inputSettings: settings, defaultInputSettings: {} });
        const item = this.add(scene, name);
        if (data?.sceneItemEnabled === false) item.enabled = false;
        return { sceneItemId: item.id };
      },
      GetInputKindList: (data) => ({ inputKinds: [...this.kinds].map((k) => (data?.unversioned === true ? k.replace(/_v\d+$/, '') : k)) }),
      CreateSceneItem: (data) => {
        const scene = this.sceneOf(data);
        const source = stringField(data, 'sourceName');
        if (!this.inputs.has(source)) throw new RequestError(RequestStatus.ResourceNotFound, 'No source was found by the name of `' + source + '`.');
        const item = this.add(scene, source);
        if (data?.sceneItemEnabled === false) item.enabled = false;
        return { sceneItemId: item.id };
      },
      GetInputSettings: (data) => {
        const name = stringField(data, 'inputName');
        const input = this.input(name);
        return { inputSettings: { ...input.settings }, inputKind: input.kind };
      },
      SetInputSettings: (data) => {
        const input = this.input(stringField(data, 'inputName'));
        const settings = objectField(data, 'inputSettings');
        input.settings = data?.overlay === false ? { ...settings } : { ...input.settings, ...settings };
      },
    };
  }

  private list(scene: string): Item[] {
    return this.items.get(scene) ?? [];
  }

  private add(scene: string, source: string): Item {
    const id = this.nextId.get(scene) ?? 1;
    this.nextId.set(scene, id + 1);
    const item: Item = { id, source, enabled: true };
    const list = [...this.list(scene), item];
    this.items.set(scene, list);
    this.emit('SceneItemCreated', EventIntent.SceneItems, { sceneName: scene, sourceName: source, sceneItemId: id, sceneItemIndex: list.length - 1 });
    return item;
  }

  private input(name: string): Input {
    const input = this.inputs.get(name);
    if (!input) throw new RequestError(RequestStatus.ResourceNotFound, 'No source was found by the name of `' + name + '`.');
    return input;
  }

  private item(data: JsonObject | null): { scene: string; item: Item } {
    const scene = this.sceneOf(data);
    const id = numberField(data, 'sceneItemId');
    const item = this.list(scene).find((i) => i.id === id);
    if (!item) throw new RequestError(RequestStatus.ResourceNotFound, 'No scene items were found in the specified scene by that ID.');
    return { scene, item };
  }

  private describe(item: Item, index: number): JsonObject {
    const kind = this.inputs.get(item.source)?.kind ?? null;
    return {
      sceneItemId: item.id,
      sceneItemIndex: index,
      sourceName: item.source,
      sourceType: 'OBS_SOURCE_TYPE_INPUT',
      inputKind: kind,
      isGroup: null,
      sceneItemEnabled: item.enabled,
      sceneItemLocked: false,
      sceneItemBlendMode: 'OBS_BLEND_NORMAL',
    };
  }
}
