import { afterEach, describe, expect, it } from 'vitest';
import { COMMENT_FEED_SIZE, type FeedComment } from '../contract/index.js';
import { startDeskFixture, type DeskFixture } from '../testing/desk-fixture.js';

/**
 * Issue 17: the console's 弹幕 feed from ingested comments, names masked (DESIGN §8), with keyword
 * alerts the controller sets through an action — through the real HTTP API of a real desk.
 */
let f: DeskFixture | undefined;
afterEach(async () => {
  await f?.close();
  f = undefined;
});

const comment = (i: number, user: string, text: string) => ({ type: 'comment', ts: Date.now() + i, user, text });

describe('the comment feed', () => {
  it('keeps the last comments with masked names, pages by seq, and alerts on a watched keyword', async () => {
    f = await startDeskFixture();
    const d = f;
    await d.api('POST', '/actions', { type: 'session.start', title: '弹幕' });
    const set = await d.api('PUT', '/comments/keywords', ['发货', '退款']);
    expect(set.status).toBe(200);
    expect((await d.api('GET', '/comments/keywords')).body).toEqual(['发货', '退款']);

    const res = await d.api('POST', '/ingest', { events: [comment(0, '张小花', '好看！'), comment(1, 'alice_w', '什么时候发货？')] });
    expect(res.status).toBe(202);
    const page = (await d.api('GET', '/comments?after=0')).body as { seq: number; comments: FeedComment[] };
    expect(page.comments.map((c) => [c.user, c.text, c.keyword])).toEqual([
      ['张**', '好看！', null],
      ['a***', '什么时候发货？', '发货'],
    ]);
    // Personal data: the raw name is nowhere in what the console reads.
    expect(JSON.stringify(page)).not.toContain('alice_w');
    const alert = d.desk.hub.state.alerts.find((a) => a.id === 'comment:发货');
    expect(alert).toMatchObject({ level: 'warn', code: 'comment.keyword', params: { keyword: '发货', user: 'a***', text: '什么时候发货？' } });
    expect(JSON.stringify(d.desk.hub.state)).not.toContain('alice_w');
    // Comments never ride in the published state (ingest runs at 10k events/s).
    expect(JSON.stringify(d.desk.hub.state)).not.toContain('好看！');

    // Asking after the last seq gives only what is new; the ring keeps the newest COMMENT_FEED_SIZE.
    const more = Array.from({ length: COMMENT_FEED_SIZE + 5 }, (_, i) => comment(10 + i, `viewer${i}`, i === 1 ? '第1条 发货了吗' : `第${i}条`));
    await d.api('POST', '/ingest', { events: more });
    const next = (await d.api('GET', `/comments?after=${page.seq}`)).body as { comments: FeedComment[] };
    expect(next.comments).toHaveLength(COMMENT_FEED_SIZE);
    expect(next.comments.at(-1)?.text).toBe(`第${COMMENT_FEED_SIZE + 4}条`);
    expect(next.comments[0]?.text).toBe('第5条');
    // A watched word in a comment the feed no longer keeps still alerts.
    expect(d.desk.hub.state.alerts.find((a) => a.id === 'comment:发货')?.params).toMatchObject({ user: 'v***', text: '第1条 发货了吗' });

    // A keyword the controller removed no longer alerts; one added does.
    await d.api('PUT', '/comments/keywords', ['质量']);
    await d.api('POST', '/ingest', { events: [comment(500, 'bob', '退款怎么弄'), comment(501, 'carol', '质量一般')] });
    const last = (await d.api('GET', `/comments?after=${page.seq + more.length}`)).body as { comments: FeedComment[] };
    expect(last.comments.map((c) => c.keyword)).toEqual([null, '质量']);
    expect(d.desk.hub.state.alerts.some((a) => a.id === 'comment:质量')).toBe(true);
  });

  it('publishes the newest seq and the keywords in the desk state, so a console fetches only when they move', async () => {
    f = await startDeskFixture();
    const d = f;
    expect(d.desk.hub.state.comments).toEqual({ seq: 0, sessionId: null, keywords: ['发货', '退款', '质量'] });
    const started = await d.api('POST', '/actions', { type: 'session.start', title: '弹幕' });
    const sessionId = (started.body as { result: { id: string } }).result.id;
    await d.api('POST', '/ingest', { events: [comment(0, '张小花', '好看！'), comment(1, 'bob', '上链接')] });
    const page = (await d.api('GET', '/comments?after=0')).body as { seq: number };
    expect(d.desk.hub.state.comments).toEqual({ seq: page.seq, sessionId, keywords: ['发货', '退款', '质量'] });
    expect(page.seq).toBe(2);
    // An order moves the KPIs but not the feed.
    await d.api('POST', '/ingest', { events: [{ type: 'order', ts: Date.now(), orderId: 'C-1', sku: 'X-1', qty: 1, amount: 100, buyer: 'b' }] });
    expect(d.desk.hub.state.comments?.seq).toBe(2);
    await d.api('PUT', '/comments/keywords', ['质量']);
    expect(d.desk.hub.state.comments).toEqual({ seq: 2, sessionId, keywords: ['质量'] });
  });

  it('starts a new session with an empty feed, not the last show’s comments', async () => {
    f = await startDeskFixture();
    const d = f;
    await d.api('POST', '/actions', { type: 'session.start', title: '早场' });
    await d.api('POST', '/ingest', { events: [comment(0, '张小花', '早场的弹幕')] });
    await d.api('POST', '/actions', { type: 'session.end', confirm: true });
    const next = await d.api('POST', '/actions', { type: 'session.start', title: '晚场' });
    const id = (next.body as { result: { id: string } }).result.id;
    expect(d.desk.hub.state.comments?.sessionId).toBe(id);
    const page = (await d.api('GET', '/comments?after=0')).body as { sessionId: string; comments: FeedComment[] };
    expect(page).toMatchObject({ sessionId: id, comments: [] });
  });

  it('refuses a keyword list that is not one', async () => {
    f = await startDeskFixture();
    expect((await f.api('PUT', '/comments/keywords', ['', 'x'])).status).toBe(400);
    expect((await f.api('PUT', '/comments/keywords', 'x'.repeat(30))).status).toBe(400);
  });
});
