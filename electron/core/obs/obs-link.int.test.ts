import { OBSWebSocket } from 'obs-websocket-js/json';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskError } from '../contract/index.js';
import { createObsLink } from './obs-link.js';
import { scenesInObsOrder } from './obs-mirror.js';
import { startRealObs } from './testing/real-obs.js';
import type { RealObs } from './testing/real-obs.js';
import { waitForObsState } from './testing/wait-for-state.js';
import type { ObsLink } from './types.js';

const SCENES = ['开场 Opening', '主播近景 Host close-up', '商品特写 Product close-up', '福利秒杀 Flash sale'];

let obs: RealObs;
let link: ObsLink;
const clients: OBSWebSocket[] = [];

/** A second obs-websocket client, playing the operator's other tools (or OBS's own UI). */
async function probe(): Promise<OBSWebSocket> {
  const client = new OBSWebSocket();
  await client.connect(obs.url, obs.password);
  clients.push(client);
  return client;
}

const ms = (t0: number) => Date.now() - t0;

beforeAll(async () => {
  const t0 = Date.now();
  obs = await startRealObs({ scenes: SCENES });
  console.log(`[obs-link/real] OBS ready with ${SCENES.length} scenes in ${ms(t0)} ms (pid ${obs.pid}, ${obs.url})`);
  link = createObsLink({ url: obs.url, password: obs.password });
  const t1 = Date.now();
  link.start();
  await waitForObsState(link, (s) => s.status === 'connected', 10_000, 'connected');
  console.log(`[obs-link/real] link connected and synced in ${ms(t1)} ms`);
});

afterAll(async () => {
  await link?.close();
  await Promise.all(clients.map((c) => c.disconnect()));
  await obs?.stop();
});

describe('ObsLink against a real OBS 29', () => {
  it('mirrors the scene list in OBS order, the program scene and the OBS version', () => {
    expect(link.state).toMatchObject({ status: 'connected', scenes: SCENES, programScene: SCENES[0], streaming: false, recording: false });
    expect(link.state.obsVersion).toMatch(/^29\./);
  });

  it('switches the program scene in OBS itself', async () => {
    const check = await probe();
    const t0 = Date.now();
    await link.setProgramScene(SCENES[2] as string);
    console.log(`[obs-link/real] setProgramScene acknowledged in ${ms(t0)} ms`);
    expect(link.state.programScene).toBe(SCENES[2]);
    expect((await check.call('GetCurrentProgramScene')).currentProgramSceneName).toBe(SCENES[2]);
    const missing = await link.setProgramScene('不存在 Missing').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(DeskError);
    expect(missing).toMatchObject({ code: 'not_found', message: expect.stringContaining('No source was found by the name of `不存在 Missing`') });
  });

  it('shows a program-scene change made by another client', async () => {
    const other = await probe();
    const t0 = Date.now();
    await other.call('SetCurrentProgramScene', { sceneName: SCENES[1] as string });
    await waitForObsState(link, (s) => s.programScene === SCENES[1], 3000, `program scene ${SCENES[1]}`);
    console.log(`[obs-link/real] change by another client seen ${ms(t0)} ms after its request was sent`);
  });

  it('reports a hung OBS (SIGSTOP, sockets stay open) within 3 s and recovers when it runs again', async () => {
    const t0 = Date.now();
    await obs.kill('SIGSTOP');
    const down = await waitForObsState(link, (s) => s.status === 'disconnected', 3000, 'disconnected');
    const detectMs = ms(t0);
    console.log(`[obs-link/real] SIGSTOP → link disconnected after ${detectMs} ms (${down.reason})`);
    expect(detectMs).toBeLessThan(3000);
    const t1 = Date.now();
    await obs.kill('SIGCONT');
    await waitForObsState(link, (s) => s.status === 'connected', 10_000, 'connected again');
    console.log(`[obs-link/real] SIGCONT → link connected again after ${ms(t1)} ms`);
    expect(link.state.scenes).toEqual(SCENES);
  });

  it('reports a killed OBS within 3 s, refuses commands meanwhile, and is back within 10 s of its return', async () => {
    const t0 = Date.now();
    await obs.kill('SIGKILL');
    const down = await waitForObsState(link, (s) => s.status === 'disconnected', 3000, 'disconnected');
    const detectMs = ms(t0);
    console.log(`[obs-link/real] SIGKILL → link disconnected after ${detectMs} ms (${down.reason})`);
    expect(detectMs).toBeLessThan(3000);

    const refused = await link.setProgramScene(SCENES[3] as string).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'conflict', message: expect.stringMatching(/^OBS is not connected/) });

    const t1 = Date.now();
    await obs.restart();
    const back = Date.now();
    console.log(`[obs-link/real] OBS restarted (accepting connections) in ${back - t1} ms`);
    await waitForObsState(link, (s) => s.status === 'connected', 10_000, 'connected again');
    const reconnectMs = ms(back);
    console.log(`[obs-link/real] link connected again ${reconnectMs} ms after OBS was back (${ms(t1)} ms after restart began)`);
    expect(reconnectMs).toBeLessThan(10_000);

    const fresh = await probe();
    const list = await fresh.call('GetSceneList');
    expect(link.state.scenes).toEqual(scenesInObsOrder(list.scenes));
    expect(link.state.scenes).toEqual(SCENES);
    expect(link.state.programScene).toBe(list.currentProgramSceneName);
    // The refused command was not replayed by the reconnect.
    expect(list.currentProgramSceneName).not.toBe(SCENES[3]);

    // And events flow on the new connection.
    await fresh.call('CreateScene', { sceneName: '抽奖 Giveaway' });
    await waitForObsState(link, (s) => s.scenes.at(-1) === '抽奖 Giveaway', 3000, 'the new scene');
  });
});
