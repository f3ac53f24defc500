import type { CommittedState } from './session-store.js';

/**
 * The states this replica last committed or read, by session, each with the id of its commit: the
 * lease script sends a session's state only when its last commit is another one (another replica's,
 * or one this replica no longer holds), so a session that keeps its turns on one replica is not sent,
 * parsed and frozen again on every turn. The commit id (random per commit), not the version, names a
 * state: a session deleted and made again under the same id starts its versions over.
 *
 * Bounded: the least recently used go first. Each entry is a frozen state the store hands out anyway.
 */
export class RecentCommits {
  private readonly entries = new Map<string, { commit: string; state: CommittedState }>();

  constructor(private readonly capacity: number) {}

  /** The held commit of a session, touched as recently used. */
  get(sessionId: string): { commit: string; state: CommittedState } | undefined {
    const entry = this.entries.get(sessionId);
    if (entry) {
      this.entries.delete(sessionId);
      this.entries.set(sessionId, entry);
    }
    return entry;
  }

  set(sessionId: string, commit: string, state: CommittedState): void {
    this.entries.delete(sessionId);
    this.entries.set(sessionId, { commit, state });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  forget(sessionId: string): void {
    this.entries.delete(sessionId);
  }
}
