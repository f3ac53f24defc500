import { Injectable } from '@nestjs/common';
import { ConversationPhase } from '../state.js';
import type { PhaseHandler } from './phase-handler.js';
import type { Turn } from './turn.js';

/** A new session: the first message starts discovery and is handled there. */
@Injectable()
export class IdleHandler implements PhaseHandler {
  readonly phase = ConversationPhase.IDLE;

  async enter(turn: Turn): Promise<void> {
    turn.say('Hi! Tell me what you would like to automate.');
  }

  async handle(turn: Turn): Promise<void> {
    if (turn.input?.text === undefined) {
      turn.say('Tell me what you would like to automate, for example "summarize my unread Gmail every morning and post it to Slack".');
      return;
    }
    turn.goTo(ConversationPhase.DISCOVERY, 'first_message', { forward: true });
  }
}
