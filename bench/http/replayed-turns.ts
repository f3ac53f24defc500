import { Observable } from 'rxjs';
import type { ChatResponse } from '../../src/conversation/chat-response.js';
import type { ConversationService } from '../../src/conversation/conversation.service.js';
import type { TurnInput } from '../../src/conversation/phases/turn.js';
import { TURN_MIX } from '../lib/turn-mix.js';

/** The mix's turn inputs by what names them: the message, or the action's type. */
const MIX_KEYS = new Set(TURN_MIX.map((step) => ('message' in step.body ? step.body.message : step.body.action.type)));

const keyOf = (input: TurnInput): string => input.text ?? input.action ?? '';

/**
 * The service's HTTP route with no turn behind it, to split the HTTP figure into what the route costs
 * (identity, validation, logging, limits, headers, SSE) and what the turn costs: the first turn of each
 * mix step runs for real and its events are kept; later turns of that step answer them again, as new
 * objects (so each is serialised again, as a real turn's events are) carrying the caller's session id.
 * Anything outside the mix (the sessions' first messages) runs for real. Bench only.
 */
export function replayTurns(conversations: ConversationService): void {
  const real = conversations.processMessage.bind(conversations);
  const recorded = new Map<string, ChatResponse[]>();
  conversations.processMessage = (owner, sessionId, input, options) => {
    const key = keyOf(input);
    if (!MIX_KEYS.has(key)) return real(owner, sessionId, input, options);
    const events = recorded.get(key);
    if (events) {
      return new Observable<ChatResponse>((subscriber) => {
        for (const event of events) subscriber.next({ ...event, sessionId });
        subscriber.complete();
      });
    }
    const kept: ChatResponse[] = [];
    return new Observable<ChatResponse>((subscriber) =>
      real(owner, sessionId, input, options).subscribe({
        next: (event) => {
          kept.push({ ...event });
          subscriber.next(event);
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => {
          if (!kept.some((event) => event.type === 'error')) recorded.set(key, kept);
          subscriber.complete();
        },
      }),
    );
  };
}
