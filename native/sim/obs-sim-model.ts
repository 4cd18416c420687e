/**
 * The state and request handlers of the simulated OBS (see obs-sim.ts for the wire protocol). Status
 * codes, comments, response shapes and event order follow obs-websocket 5.1 as shipped with OBS 29,
 * checked against a real OBS 29.0.2 under Xvfb.
 */

import { booleanField, EventIntent, RequestError, RequestStatus, stringField } from './obs-sim-fields.js';
import type { EmitEvent, Handler, JsonObject } from './obs-sim-fields.js';
import { ObsSimSources } from './obs-sim-sources.js';

export { EventIntent, RequestStatus } from './obs-sim-fields.js';
export type { EmitEvent, JsonObject } from './obs-sim-fields.js';

export interface RequestOutcome {
  requestStatus: { result: boolean; code: number; comment?: string };
  responseData?: JsonObject;
}

/** Stream-health figures a test can force (GetStats / GetStreamStatus), e.g. a congested network. */
export interface SimStats {
  activeFps?: number;
  cpuUsage?: number;
  availableDiskSpace?: number;
  renderSkippedFrames?: number;
  outputSkippedFrames?: number;
  outputCongestion?: number;
  outputReconnecting?: boolean;
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

const TRANSITIONS = ['Fade', 'Cut'];

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
  withoutBrowserSource?: boolean;
}

export class ObsSimModel {
  /** In OBS's UI order, top to bottom. */
  private sceneList: string[];
  private program: string;
  private preview: string;
  private studioMode = false;
  private transition = 'Fade';
  private virtualCam = false;
  private stats: SimStats = {};
  /** A rehearsal stream target, so StartStream works out of the box. */
  private service: { type: string; settings: JsonObject } = { type: 'rtmp_custom', settings: { server: 'rtmp://127.0.0.1/livedesk-sim', key: 'rehearsal' } };
  private readonly bornAt = Date.now();
  private readonly sources: ObsSimSources;
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
    const seed = Object.fromEntries(Object.entries(STUDIO_ITEMS).filter(([scene]) => scenes.includes(scene)));
    this.sources = new ObsSimSources(this.emit, (data) => this.scene(data), seed, options.withoutBrowserSource === true);
    this.handlers = { ...this.buildHandlers(), ...this.sources.handlers() };
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

  setStats(patch: SimStats): void {
    this.stats = { ...this.stats, ...patch };
  }

  inputSettings(name: string): JsonObject | null {
    return this.sources.inputSettings(name);
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
        activeFps: this.stats.activeFps ?? 30,
        averageFrameRenderTime: 1.2,
        cpuUsage: this.stats.cpuUsage ?? 2.5,
        memoryUsage: 180,
        availableDiskSpace: this.stats.availableDiskSpace ?? 250_000,
        renderSkippedFrames: this.stats.renderSkippedFrames ?? 0,
        renderTotalFrames: Math.floor(((Date.now() - this.bornAt) * 30) / 1000),
        outputSkippedFrames: this.stats.outputSkippedFrames ?? 0,
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
        const enabled = booleanField(data, 'studioModeEnabled');
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
        const name = stringField(data, 'sceneName');
        if (this.sceneList.includes(name)) throw new RequestError(RequestStatus.ResourceAlreadyExists, 'A source already exists by that scene name.');
        this.sceneList.push(name);
        this.sceneListChanged();
        this.emit('SceneCreated', EventIntent.Scenes, { sceneName: name, isGroup: false });
      },
      RemoveScene: (data) => this.removeScene(this.scene(data)),
      SetSceneName: (data) => {
        const name = this.scene(data);
        const newName = stringField(data, 'newSceneName');
        if (this.sceneList.includes(newName)) throw new RequestError(RequestStatus.ResourceAlreadyExists, 'A source already exists by that new scene name.');
        this.sceneList = this.sceneList.map((s) => (s === name ? newName : s));
        if (this.program === name) this.program = newName;
        if (this.preview === name) this.preview = newName;
        this.sources.onSceneRenamed(name, newName);
        this.emit('SceneNameChanged', EventIntent.Scenes, { oldSceneName: name, sceneName: newName });
      },
      GetStreamStatus: () => ({
        ...this.status(this.stream),
        outputReconnecting: this.stream.active && (this.stats.outputReconnecting ?? false),
        outputCongestion: this.stream.active ? (this.stats.outputCongestion ?? 0) : 0,
        outputSkippedFrames: this.stats.outputSkippedFrames ?? 0,
        outputTotalFrames: this.frames(this.stream),
      }),
      GetStreamServiceSettings: () => ({ streamServiceType: this.service.type, streamServiceSettings: { ...this.service.settings } }),
      SetStreamServiceSettings: (data) => {
        const type = stringField(data, 'streamServiceType');
        const settings = data?.streamServiceSettings;
        if (typeof settings !== 'object' || settings === null) throw new RequestError(RequestStatus.MissingRequestField, 'Your request is missing the `streamServiceSettings` field.');
        this.service = { type, settings: { ...(settings as JsonObject) } };
      },
      GetVirtualCamStatus: () => ({ outputActive: this.virtualCam }),
      StartVirtualCam: () => this.setVirtualCam(true),
      StopVirtualCam: () => this.setVirtualCam(false),
      GetSceneTransitionList: () => ({
        currentSceneTransitionName: this.transition,
        currentSceneTransitionKind: this.transition === 'Cut' ? 'cut_transition' : 'fade_transition',
        transitions: TRANSITIONS.map((transitionName) => ({ transitionName, transitionKind: transitionName === 'Cut' ? 'cut_transition' : 'fade_transition', transitionFixed: transitionName === 'Cut', transitionConfigurable: false })),
      }),
      GetCurrentSceneTransition: () => ({ transitionName: this.transition, transitionKind: this.transition === 'Cut' ? 'cut_transition' : 'fade_transition', transitionFixed: this.transition === 'Cut', transitionDuration: this.transition === 'Cut' ? null : 300, transitionConfigurable: false, transitionSettings: null }),
      SetCurrentSceneTransition: (data) => {
        const name = stringField(data, 'transitionName');
        if (!TRANSITIONS.includes(name)) throw new RequestError(RequestStatus.ResourceNotFound, 'No scene transition was found by that name.');
        if (name === this.transition) return;
        this.transition = name;
        this.emit('CurrentSceneTransitionChanged', EventIntent.Transitions, { transitionName: name });
      },
      TriggerStudioModeTransition: () => {
        this.requireStudioMode();
        // OBS's default ("swap preview and program after transitioning") puts the old program in preview.
        const old = this.program;
        if (this.preview === old) return;
        this.setProgramScene(this.preview);
        this.preview = old;
        this.emit('CurrentPreviewSceneChanged', EventIntent.Scenes, { sceneName: old });
      },
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
    this.sources.onSceneRemoved(name);
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

  private setVirtualCam(active: boolean): void {
    if (active === this.virtualCam) throw new RequestError(active ? RequestStatus.OutputRunning : RequestStatus.OutputNotRunning);
    this.virtualCam = active;
    this.emit('VirtualcamStateChanged', EventIntent.Outputs, { outputActive: active, outputState: active ? 'OBS_WEBSOCKET_OUTPUT_STARTED' : 'OBS_WEBSOCKET_OUTPUT_STOPPED' });
  }

  private scene(data: JsonObject | null): string {
    const name = stringField(data, 'sceneName');
    if (!this.sceneList.includes(name)) throw new RequestError(RequestStatus.ResourceNotFound, `No source was found by the name of \`${name}\`.`);
    return name;
  }
}
