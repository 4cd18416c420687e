import { describe, expect, it, vi } from 'vitest';
import { busActionSchema } from '../contract/index.js';
import { ActionBus, type ActionHandlers } from './action-bus.js';
import { deepFreeze, isDeepFrozen } from './frozen.js';
import type { SessionLog } from './session-log.js';

describe('deepFreeze', () => {
  it('freezes a value and everything in it', () => {
    const value = deepFreeze({ type: 'x', nested: { list: [1, { deep: true }] } });
    expect(isDeepFrozen(value)).toBe(true);
    expect(Object.isFrozen(value.nested.list[1])).toBe(true);
    expect(() => {
      (value.nested as { list: unknown[] }).list.push(2);
    }).toThrow(TypeError);
  });

  it('tells a shallowly frozen object from a deeply frozen one', () => {
    expect(isDeepFrozen(Object.freeze({ inner: { open: 1 } }))).toBe(false);
    expect(isDeepFrozen(Object.freeze({ inner: Object.freeze({ shut: 1 }) }))).toBe(true);
    expect(isDeepFrozen('text')).toBe(true);
  });
});

describe('ActionBus validation', () => {
  const bus = () => {
    const scenes: string[] = [];
    const handlers = { 'obs.scene': (a: { scene: string }) => void scenes.push(a.scene), 'session.mark': () => undefined } as unknown as ActionHandlers;
    return { bus: new ActionBus(handlers, { log: () => undefined } as unknown as SessionLog, () => 0), scenes };
  };
  const origin = { surface: 'system' } as const;

  it('validates a frozen action once, and what it fires is what was validated', async () => {
    const { bus: b, scenes } = bus();
    const parse = vi.spyOn(busActionSchema, 'safeParse');
    const action = deepFreeze({ type: 'obs.scene', scene: 'Host' });
    await b.dispatch(action, origin);
    await b.dispatch(action, origin);
    expect(parse).toHaveBeenCalledTimes(1);
    expect(scenes).toEqual(['Host', 'Host']);
    parse.mockRestore();
  });

  it('validates every time an action that can still change, and refuses it once it turns bad', async () => {
    const { bus: b, scenes } = bus();
    const parse = vi.spyOn(busActionSchema, 'safeParse');
    const action: { type: string; scene: unknown } = { type: 'obs.scene', scene: 'Host' };
    await b.dispatch(action, origin);
    action.scene = 42;
    await expect(b.dispatch(action, origin)).rejects.toMatchObject({ code: 'bad_request' });
    // Frozen on the outside only: its inside could still change, so it is not remembered either.
    const shallow = Object.freeze({ type: 'session.mark', label: 'x', extra: { open: true } });
    await b.dispatch(shallow, origin).catch(() => undefined);
    await b.dispatch(shallow, origin).catch(() => undefined);
    expect(parse).toHaveBeenCalledTimes(4);
    expect(scenes).toEqual(['Host']);
    parse.mockRestore();
  });

  it('refuses a frozen invalid action on every dispatch', async () => {
    const { bus: b } = bus();
    const bad = deepFreeze({ type: 'obs.scene' });
    await expect(b.dispatch(bad, origin)).rejects.toMatchObject({ code: 'bad_request' });
    await expect(b.dispatch(bad, origin)).rejects.toMatchObject({ code: 'bad_request' });
  });
});
