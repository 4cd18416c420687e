import { coded, type Action, type CodedText, type DeskState, type DmxCue, type Origin } from '../../contract/index.js';

/**
 * Lights follow the show: a cue bound to a product fires when that product's 讲解 starts, one bound
 * to a scene when OBS cuts to it. The cue goes through the action bus like any other input, so it is
 * logged and its failure is reported, never thrown here.
 */
export class CueFollower {
  private sku: string | null | undefined;
  private scene: string | null | undefined;

  constructor(
    private readonly cues: () => DmxCue[],
    private readonly dispatch: (action: Action, origin: Origin) => Promise<unknown>,
    private readonly onError: (text: CodedText) => void,
  ) {}

  onState(state: DeskState): void {
    const sku = state.product?.sku ?? null;
    const scene = state.obs.status === 'connected' ? state.obs.programScene : null;
    // The first state only sets the baseline: a restart must not re-fire the current look.
    const first = this.sku === undefined;
    const productChanged = !first && sku !== this.sku;
    const sceneChanged = !first && scene !== this.scene;
    this.sku = sku;
    this.scene = scene;
    if (!productChanged && !sceneChanged) return;
    let cues: DmxCue[];
    try {
      cues = this.cues();
    } catch {
      return;
    }
    for (const cue of cues) {
      const fire = (productChanged && sku !== null && cue.product === sku) || (sceneChanged && scene !== null && cue.scene === scene);
      if (!fire) continue;
      this.dispatch({ type: 'light.cue', cue: cue.name }, { surface: 'system' }).catch((error: Error) => this.onError(coded('cue.failed', { cue: cue.name }, `light cue "${cue.name}": ${error.message}`)));
    }
  }
}
