import { z } from 'zod';

/** The most comments the desk keeps for the console's 弹幕 feed (a ring: older ones drop off). */
export const COMMENT_FEED_SIZE = 200;

/** The words the controller watches comments for (e.g. 发货, 退款, 质量); a hit raises an alert. */
export const commentKeywordsSchema = z.array(z.string().trim().min(1).max(20)).max(50);
export type CommentKeywords = z.infer<typeof commentKeywordsSchema>;

export const DEFAULT_COMMENT_KEYWORDS: CommentKeywords = ['发货', '退款', '质量'];

/** One comment as the console shows it: the viewer's name masked (DESIGN §8), never the raw name. */
export const feedCommentSchema = z.strictObject({
  seq: z.number().int(),
  ts: z.number(),
  user: z.string(),
  text: z.string(),
  /** The first watched keyword the text contains, if any. */
  keyword: z.string().nullable(),
});
export type FeedComment = z.infer<typeof feedCommentSchema>;

/** `GET /comments?after=seq`: the comments newer than `after`, and the newest seq to ask after next. */
export const commentPageSchema = z.strictObject({
  seq: z.number().int(),
  keywords: commentKeywordsSchema,
  comments: z.array(feedCommentSchema),
});
export type CommentPage = z.infer<typeof commentPageSchema>;

/**
 * The feed as published in the desk state (`comments`): the newest comment's seq and the watched words.
 * A console fetches `GET /comments?after=` when this changes, instead of asking every second.
 */
export const commentFeedStateSchema = z.strictObject({
  seq: z.number().int().nonnegative(),
  keywords: commentKeywordsSchema,
});
export type CommentFeedState = z.infer<typeof commentFeedStateSchema>;
