import type { Action, DeskState, KeyLook } from '../contract/index.js';

/**
 * How a deck key bound to an OBS action (beyond scene keys) looks, from the live state: the emergency
 * pair stands out in red, outputs light up while running, and every OBS key is off while OBS is.
 * Null for actions that are not OBS's.
 */
export function obsKeyLook(action: Action, state: DeskState): KeyLook | null {
  const obs = state.obs;
  const up = obs.status === 'connected';
  const down = up ? null : 'OBS ✕';
  switch (action.type) {
    case 'obs.safe':
      return { label: '安全画面', detail: down, tone: 'danger', active: false, disabled: !up };
    case 'obs.revert':
      return { label: '撤销切换', detail: down ?? (obs.previousProgramScene ? `← ${obs.previousProgramScene}` : null), tone: 'danger', active: false, disabled: !up || !obs.previousProgramScene };
    case 'obs.transition':
      return { label: '转场', detail: down ?? obs.previewScene ?? null, tone: 'scene', active: false, disabled: !up || obs.studioMode !== true };
    case 'obs.studio':
      return { label: '工作室', detail: down ?? (action.enabled ? '开' : '关'), tone: 'action', active: up && obs.studioMode === action.enabled, disabled: !up };
    case 'obs.preview':
      return { label: action.scene, detail: down ?? 'PVW', tone: 'scene', active: up && obs.previewScene === action.scene, disabled: !up || obs.studioMode !== true };
    case 'obs.source.toggle': {
      const item = obs.sceneItems?.[action.scene]?.find((i) => i.source === action.source);
      return { label: action.source, detail: down ?? (item ? (item.enabled ? '显示' : '隐藏') : null), tone: 'action', active: up && item?.enabled === true, disabled: !up };
    }
    case 'obs.stream.start':
    case 'obs.stream.stop':
      return { label: action.type === 'obs.stream.start' ? '开播' : '停播', detail: down ?? (obs.streaming ? '直播中' : null), tone: action.type === 'obs.stream.stop' ? 'danger' : 'action', active: up && obs.streaming, disabled: !up };
    case 'obs.record.start':
    case 'obs.record.stop':
      return { label: action.type === 'obs.record.start' ? '录制' : '停录', detail: down ?? (obs.recording ? '录制中' : null), tone: action.type === 'obs.record.stop' ? 'danger' : 'action', active: up && obs.recording, disabled: !up };
    default:
      return null;
  }
}
