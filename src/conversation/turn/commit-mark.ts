/**
 * What a turn's commit is about to write, handed to `beforeCommit` right before it (idempotency keys
 * record it, so that a commit whose outcome is unknown can be checked in the event log later).
 */
export interface CommitMark {
  /** The session's version the turn started from; the commit writes `version + 1`. */
  version: number;
  /** The last durable seq before the turn; its events are numbered from `lastEventSeq + 1`. */
  lastEventSeq: number;
  /** How many events the commit appends (the last one of a user turn is `done`). */
  events: number;
}
