/**
 * Double-texting (API.md, "Turn request"): what a turn request does when another turn of the session is
 * running, on any replica. `reject` answers 409 `TURN_IN_PROGRESS`; `enqueue` announces a live-only
 * `queued` event and runs after the running turn; `interrupt` stops the running turn (which commits
 * nothing) and runs in its place. Whatever the strategy, one turn of a session runs at a time: each
 * still takes the session's lease.
 */
export const MULTITASK_STRATEGIES = ['reject', 'enqueue', 'interrupt'] as const;
export type Multitask = (typeof MULTITASK_STRATEGIES)[number];

/**
 * How long a turn waits for the session's lease. An interrupted turn gives it up as soon as its stop
 * arrives, or at the latest when its lease runs out (`leaseMs`: a replica that died holding it). A queued
 * turn waits for the running turn, which may be a slow model call (its lease is renewed while it runs),
 * and for others queued with it: `queueWaitMs`.
 */
export function multitaskWaitMs(multitask: Multitask, waits: { leaseMs: number; queueWaitMs: number }): number {
  if (multitask === 'enqueue') return waits.queueWaitMs;
  return multitask === 'interrupt' ? waits.leaseMs : 0;
}
