import { Injectable } from '@nestjs/common';
import type { SessionOwner } from '../conversation/state.js';

type Follower = { write: (frame: string) => void; end: () => void };

/**
 * One running turn's UI message stream, kept frame by frame from its `start` so that a client that
 * reconnects gets all of it again, then the rest live. Replaying from the start (rather than from where
 * the client broke off) is what `DefaultChatTransport` expects (`resumeStreamIsReplay`): the client
 * rebuilds the message from the replay, under the same message id, so no text is doubled.
 */
export class ChatStream {
  private readonly frames: string[] = [];
  private readonly followers = new Set<Follower>();
  private ended = false;

  constructor(
    readonly sessionId: string,
    private readonly owner: SessionOwner,
  ) {}

  belongsTo(owner: SessionOwner): boolean {
    return owner.tenantId === this.owner.tenantId && owner.userId === this.owner.userId;
  }

  get isEnded(): boolean {
    return this.ended;
  }

  push(frame: string): void {
    if (this.ended) return;
    this.frames.push(frame);
    for (const follower of this.followers) follower.write(frame);
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    for (const follower of this.followers) follower.end();
    this.followers.clear();
  }

  /** Everything so far, then each new frame, then `end`; the returned function stops following. */
  follow(write: (frame: string) => void, end: () => void): () => void {
    for (const frame of this.frames) write(frame);
    if (this.ended) {
      end();
      return () => undefined;
    }
    const follower = { write, end };
    this.followers.add(follower);
    return () => this.followers.delete(follower);
  }
}

/**
 * The UI message streams of the turns running in this process, by session. In process only: a resume
 * that reaches another replica finds none and is answered 204 (the session, read with `GET
 * /v1/sessions/:id`, has the turn's outcome once it committed).
 */
@Injectable()
export class ChatStreams {
  private readonly running = new Map<string, ChatStream>();

  open(sessionId: string, owner: SessionOwner): ChatStream {
    const stream = new ChatStream(sessionId, owner);
    this.running.set(sessionId, stream);
    return stream;
  }

  /** Ends the stream and forgets it (unless a newer turn's stream took its place). */
  close(stream: ChatStream): void {
    stream.end();
    if (this.running.get(stream.sessionId) === stream) this.running.delete(stream.sessionId);
  }

  /** The owner's running stream of that session, if this process runs one. */
  find(sessionId: string, owner: SessionOwner): ChatStream | undefined {
    const stream = this.running.get(sessionId);
    return stream && !stream.isEnded && stream.belongsTo(owner) ? stream : undefined;
  }
}
