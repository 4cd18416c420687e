/**
 * The state and request handlers of the simulated OBS (see obs-sim.ts for the wire protocol). Status
 * codes, comments, response shapes and event order follow obs-websocket 5.1 as shipped with OBS 29,
 * checked against a real OBS 29.0.2 under Xvfb.
 */

/** obs-websocket's RequestStatus codes that the simulator can answer with. */
export const RequestStatus = {
  Success: 100,
  MissingRequestType: 203,
  UnknownRequestType: 204,
  UnsupportedRequestBatchExecutionType: 206,
  MissingRequestField: 300,
  MissingRequestData: 301,
  InvalidRequestFieldType: 401,
  RequestFieldEmpty: 403,
  OutputRunning: 500,
  OutputNotRunning: 501,
  StudioModeActive: 505,
  StudioModeNotActive: 506,
  ResourceNotFound: 600,
  ResourceAlreadyExists: 601,
  NotEnoughResources: 603,
} as const;

/** obs-websocket's EventSubscription bits: an event is sent only to sessions subscribed to its intent. */
export const EventIntent = { General: 1, Config: 2, Scenes: 4, Outputs: 64, Ui: 1024, All: 2047 } as const;

export type JsonObject = Record<string, unknown>;
export type EmitEvent = (eventType: string, eventIntent: number, eventData?: JsonObject) => void;

export interface RequestOutcome {
  requestStatus: { result: boolean; code: number; comment?: string };
  responseData?: JsonObject;
}

class RequestError extends Error {
  constructor(
    readonly code: number,
    readonly comment = '',
  ) {
    super(comment);
  }
}

/** A live-commerce studio's scene collection: what a rehearsal shows when no OBS is around. */
export const STUDIO_SCENES: readonly string[] = ['开场 Opening', '主播近景 Host close-up', '商品特写 Product close-up', '福利秒杀 Flash sale', '暂离 BRB'];

const STUDIO_ITEMS: Record<string, [string, string][]> = {
  '开场 Opening': [['片头 Intro video', 'ffmpeg_source'], ['Logo', 'image_source'], ['背景音乐 BGM', 'ffmpeg_source']],
  '主播近景 Host close-up': [['主播机位 Host camera', 'v4l2_input'], ['商品卡 Product card', 'browser_source'], ['麦克风 Mic', 'pulse_input_capture']],
  '商品特写 Product close-up': [['特写机位 Close-up camera', 'v4l2_input'], ['商品卡 Product card', 'browser_source'], ['价格条 Price bar', 'text_ft2_source_v2']],
  '福利秒杀 Flash sale': [['主播机位 Host camera', 'v4l2_input'], ['秒杀倒计时 Countdown', 'browser_source'], ['价格条 Price bar', 'text_ft2_source_v2']],
  '暂离 BRB': [['暂离画面 BRB card', 'image_source'], ['背景音乐 BGM', 'ffmpeg_source']],
};

interface Output {
  active: boolean;
  startedAt: number;
}

const timecode = (ms: number): string => {
  const pad = (n: number, w = 2) => String(Math.floor(n)).padStart(w, '0');
  return `${pad(ms / 3_600_000)}:${pad((ms / 60_000) % 60)}:${pad((ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
};

export interface ObsModelOptions {
  scenes: readonly string[];
  emit: EmitEvent;
  /** Runs `fn` later; the server owns the timer so that closing the simulator cancels it. */
  later: (fn: () => void, ms: number) => void;
}

type Handler = (data: JsonObject | null) => JsonObject | void;

export class ObsSimModel {
  /** In OBS's UI order, top to bottom. */
  private sceneList: string[];
  private program: string;
  private preview: string;
  private studioMode = false;
  private readonly stream: Output = { active: false, startedAt: 0 };
  private readonly record: Output = { active: false, startedAt: 0 };
  private readonly emit: EmitEvent;
  private readonly later: ObsModelOptions['later'];
  private readonly handlers: Record<string, Handler>;

  constructor(options: ObsModelOptions) {
    const scenes = [...new Set(options.scenes)];
    if (scenes.length === 0) scenes.push('Scene');
    this.sceneList = scenes;
    this.program = this.preview = scenes[0] as string;
    this.emit = options.emit;
    this.later = options.later;
    this.handlers = this.buildHandlers();
  }

  scenes(): string[] {
    return [...this.sceneList];
  }

  programScene(): string {
    return this.program;
  }

  streaming(): boolean {
    return this.stream.active;
  }

  recording(): boolean {
    return this.record.active;
  }

  requestTypes(): string[] {
    return Object.keys(this.handlers);
  }

  /** Switches the program scene as if the operator clicked it in OBS. */
  setProgramScene(name: string): void {
    if (!this.sceneList.includes(name)) throw new Error(`no scene named ${name}`);
    if (name === this.program) return;
    this.program = name;
    this.emit('CurrentProgramSceneChanged', EventIntent.Scenes, { sceneName: name });
  }

  handle(requestType: unknown, requestData: unknown): RequestOutcome {
    try {
      if (typeof requestType !== 'string' || requestType === '') throw new RequestError(RequestStatus.MissingRequestType, "Your request's `requestType` may not be empty.");
      const handler = this.handlers[requestType];
      if (!handler) throw new RequestError(RequestStatus.UnknownRequestType, 'Your request type is not valid.');
      const isObject = typeof requestData === 'object' && requestData !== null && !Array.isArray(requestData);
      const responseData = handler(isObject ? (requestData as JsonObject) : null);
      return { requestStatus: { result: true, code: RequestStatus.Success }, ...(responseData ? { responseData } : {}) };
    } catch (error) {
      if (!(error instanceof RequestError)) throw error;
      return { requestStatus: { result: false, code: error.code, ...(error.comment ? { comment: error.comment } : {}) } };
    }
  }

  /** GetSceneList's order: obs-websocket reverses OBS's UI list, so index 0 is the bottom scene. */
  private sceneArray(): JsonObject[] {
    const n = this.sceneList.length;
    return this.sceneList.map((sceneName, i) => ({ sceneIndex: n - i - 1, sceneName })).reverse();
  }

  private sceneListChanged(): void {
    this.emit('SceneListChanged', EventIntent.Scenes, { scenes: this.sceneArray() });
  }

  private buildHandlers(): Record<string, Handler> {
    return {
      GetVersion: () => ({
        obsVersion: '29.0.2',
        obsWebSocketVersion: '5.1.0',
        rpcVersion: 1,
        availableRequests: this.requestTypes(),
        supportedImageFormats: ['bmp', 'jpeg', 'jpg', 'png'],
        platform: 'livedesk-sim',
        platformDescription: 'LiveDesk rehearsal simulator',
      }),
      GetStats: () => ({
        activeFps: 30,
        averageFrameRenderTime: 1.2,
        cpuUsage: 2.5,
        memoryUsage: 180,
        availableDiskSpace: 250_000,
        renderSkippedFrames: 0,
        renderTotalFrames: 0,
        outputSkippedFrames: 0,
        outputTotalFrames: this.frames(this.stream),
      }),
      GetSceneList: () => ({
        currentProgramSceneName: this.program,
        currentPreviewSceneName: this.studioMode ? this.preview : null,
        scenes: this.sceneArray(),
      }),
      GetCurrentProgramScene: () => ({ currentProgramSceneName: this.program, sceneName: this.program }),
      SetCurrentProgramScene: (data) => {
        this.setProgramScene(this.scene(data));
      },
      GetStudioModeEnabled: () => ({ studioModeEnabled: this.studioMode }),
      SetStudioModeEnabled: (data) => {
        const enabled = this.boolean(data, 'studioModeEnabled');
        if (enabled === this.studioMode) return;
        this.studioMode = enabled;
        this.preview = this.program;
        this.emit('StudioModeStateChanged', EventIntent.Ui, { studioModeEnabled: enabled });
      },
      GetCurrentPreviewScene: () => {
        this.requireStudioMode();
        return { currentPreviewSceneName: this.preview, sceneName: this.preview };
      },
      SetCurrentPreviewScene: (data) => {
        this.requireStudioMode();
        const name = this.scene(data);
        if (name === this.preview) return;
        this.preview = name;
        this.emit('CurrentPreviewSceneChanged', EventIntent.Scenes, { sceneName: name });
      },
      CreateScene: (data) => {
        const name = this.string(data, 'sceneName');
        if (this.sceneList.includes(name)) throw new RequestError(RequestStatus.ResourceAlreadyExists, 'A source already exists by that scene name.');
        this.sceneList.push(name);
        this.sceneListChanged();
        this.emit('SceneCreated', EventIntent.Scenes, { sceneName: name, isGroup: false });
      },
      RemoveScene: (data) => this.removeScene(this.scene(data)),
      SetSceneName: (data) => {
        const name = this.scene(data);
        const newName = this.string(data, 'newSceneName');
        if (this.sceneList.includes(newName)) throw new RequestError(RequestStatus.ResourceAlreadyExists, 'A source already exists by that new scene name.');
        this.sceneList = this.sceneList.map((s) => (s === name ? newName : s));
        if (this.program === name) this.program = newName;
        if (this.preview === name) this.preview = newName;
        this.emit('SceneNameChanged', EventIntent.Scenes, { oldSceneName: name, sceneName: newName });
      },
      GetSceneItemList: (data) => ({
        sceneItems: (STUDIO_ITEMS[this.scene(data)] ?? []).map(([sourceName, inputKind], i) => ({
          sceneItemId: i + 1,
          sceneItemIndex: i,
          sourceName,
          sourceType: 'OBS_SOURCE_TYPE_INPUT',
          inputKind,
          isGroup: null,
          sceneItemEnabled: true,
          sceneItemLocked: false,
          sceneItemBlendMode: 'OBS_BLEND_NORMAL',
        })),
      }),
      GetStreamStatus: () => ({ ...this.status(this.stream), outputReconnecting: false, outputCongestion: 0, outputSkippedFrames: 0, outputTotalFrames: this.frames(this.stream) }),
      StartStream: () => this.startOutput(this.stream, 'StreamStateChanged'),
      StopStream: () => {
        this.stopOutput(this.stream, 'StreamStateChanged');
      },
      ToggleStream: () => {
        if (this.stream.active) this.stopOutput(this.stream, 'StreamStateChanged');
        else this.startOutput(this.stream, 'StreamStateChanged');
        return { outputActive: this.stream.active };
      },
      GetRecordStatus: () => ({ ...this.status(this.record), outputPaused: false }),
      StartRecord: () => this.startOutput(this.record, 'RecordStateChanged'),
      StopRecord: () => ({ outputPath: this.stopOutput(this.record, 'RecordStateChanged') }),
      ToggleRecord: () => {
        if (this.record.active) this.stopOutput(this.record, 'RecordStateChanged');
        else this.startOutput(this.record, 'RecordStateChanged');
      },
    };
  }

  private removeScene(name: string): void {
    if (this.sceneList.length < 2) throw new RequestError(RequestStatus.NotEnoughResources, 'You cannot remove the last scene in the collection.');
    const index = this.sceneList.indexOf(name);
    this.sceneList.splice(index, 1);
    // Like OBS: the scene below the removed one (or the new last one) takes over program and preview.
    const successor = this.sceneList[Math.min(index, this.sceneList.length - 1)] as string;
    if (this.preview === name) this.preview = successor;
    this.emit('SceneRemoved', EventIntent.Scenes, { sceneName: name, isGroup: false });
    this.sceneListChanged();
    if (this.program === name) {
      this.program = successor;
      this.emit('CurrentProgramSceneChanged', EventIntent.Scenes, { sceneName: successor });
    }
  }

  private status(output: Output): JsonObject {
    const duration = output.active ? Date.now() - output.startedAt : 0;
    return { outputActive: output.active, outputTimecode: timecode(duration), outputDuration: duration, outputBytes: Math.floor(duration * 750) };
  }

  private frames(output: Output): number {
    return output.active ? Math.floor(((Date.now() - output.startedAt) * 30) / 1000) : 0;
  }

  private recordPath(): string {
    const d = new Date(this.record.startedAt);
    const p = (n: number) => String(n).padStart(2, '0');
    return `/home/studio/Videos/${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}-${p(d.getMinutes())}-${p(d.getSeconds())}.mkv`;
  }

  /** Answers at once, then walks STARTING → STARTED a moment later, as OBS does while it connects. */
  private startOutput(output: Output, eventType: string): void {
    if (output.active) throw new RequestError(RequestStatus.OutputRunning);
    output.active = true;
    output.startedAt = Date.now();
    const isRecord = eventType === 'RecordStateChanged';
    const path = isRecord ? { outputPath: null } : {};
    this.later(() => this.emit(eventType, EventIntent.Outputs, { outputActive: false, outputState: 'OBS_WEBSOCKET_OUTPUT_STARTING', ...path }), 0);
    this.later(() => {
      if (!output.active) return;
      const started = isRecord ? { outputPath: this.recordPath() } : {};
      this.emit(eventType, EventIntent.Outputs, { outputActive: true, outputState: 'OBS_WEBSOCKET_OUTPUT_STARTED', ...started });
    }, 30);
  }

  private stopOutput(output: Output, eventType: string): string | void {
    if (!output.active) throw new RequestError(RequestStatus.OutputNotRunning);
    output.active = false;
    const isRecord = eventType === 'RecordStateChanged';
    const finalPath = isRecord ? this.recordPath() : undefined;
    this.later(() => this.emit(eventType, EventIntent.Outputs, { outputActive: false, outputState: 'OBS_WEBSOCKET_OUTPUT_STOPPING', ...(isRecord ? { outputPath: null } : {}) }), 0);
    this.later(() => this.emit(eventType, EventIntent.Outputs, { outputActive: false, outputState: 'OBS_WEBSOCKET_OUTPUT_STOPPED', ...(isRecord ? { outputPath: finalPath } : {}) }), 30);
    return finalPath;
  }

  private requireStudioMode(): void {
    if (!this.studioMode) throw new RequestError(RequestStatus.StudioModeNotActive);
  }

  /** obs-websocket's field validation, with its exact comments. */
  private field(data: JsonObject | null, key: string): unknown {
    if (data === null) throw new RequestError(RequestStatus.MissingRequestData, 'Your request data is missing or invalid (non-object)');
    const value = data[key];
    if (value === undefined || value === null) throw new RequestError(RequestStatus.MissingRequestField, `Your request is missing the \`${key}\` field.`);
    return value;
  }

  private string(data: JsonObject | null, key: string): string {
    const value = this.field(data, key);
    if (typeof value !== 'string') throw new RequestError(RequestStatus.InvalidRequestFieldType, `The field value of \`${key}\` must be a string.`);
    if (value === '') throw new RequestError(RequestStatus.RequestFieldEmpty, `The field value of \`${key}\` must not be empty.`);
    return value;
  }

  private boolean(data: JsonObject | null, key: string): boolean {
    const value = this.field(data, key);
    if (typeof value !== 'boolean') throw new RequestError(RequestStatus.InvalidRequestFieldType, `The field value of \`${key}\` must be boolean.`);
    return value;
  }

  private scene(data: JsonObject | null): string {
    const name = this.string(data, 'sceneName');
    if (!this.sceneList.includes(name)) throw new RequestError(RequestStatus.ResourceNotFound, `No source was found by the name of \`${name}\`.`);
    return name;
  }
}
