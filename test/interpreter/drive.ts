import { expect } from '@jest/globals';
import type { SessionView } from '../../src/conversation/dto/session-view.js';
import { ConversationPhase } from '../../src/conversation/state.js';
import { consent, type ConversationClient } from '../support/conversation-client.js';
import { EXAMPLE_DESCRIPTION } from './scripted-model.js';
import { postTurn, type RawTurn } from './turn-stream.js';

/** Sends a turn that must succeed, and returns it. */
export async function say(client: ConversationClient, input: string | { action: string }): Promise<RawTurn> {
  const turn = await postTurn(client, input);
  expect(turn.status).toBe(200);
  const error = turn.responses.find((response) => response.type === 'error');
  if (error) throw new Error(`turn ${JSON.stringify(input)} failed: ${JSON.stringify(error.data)}`);
  return turn;
}

/** Allows every pending connection at the development provider, as a person in a browser would. */
export async function connectAll(client: ConversationClient): Promise<SessionView> {
  let view = await client.session();
  for (let guard = 0; view.pendingOauth && guard < 5; guard++) {
    const callback = await consent(view.pendingOauth.authorizationUrl, 'allow');
    expect(callback.status).toBe(303);
    view = await client.session();
  }
  return view;
}

/**
 * Brings a fresh session to `phase` along the example conversation. DISCOVERY is reached by going back
 * from REQUIREMENTS (everything gathered and connected); GENERATION is never a resting phase (the draft is
 * built within the turn that confirms), so it is not offered.
 */
export async function reachPhase(client: ConversationClient, phase: ConversationPhase): Promise<SessionView> {
  const { IDLE, DISCOVERY, OAUTH_FLOW, REQUIREMENTS, TESTING, ACTIVATION, COMPLETE } = ConversationPhase;
  if (phase === ConversationPhase.GENERATION) throw new Error('GENERATION is not a resting phase');
  if (phase !== IDLE) await say(client, EXAMPLE_DESCRIPTION);
  if (phase !== IDLE && phase !== OAUTH_FLOW) await connectAll(client);
  if (phase === DISCOVERY) await say(client, 'go back');
  if ([TESTING, ACTIVATION, COMPLETE].includes(phase)) await say(client, 'yes, build it');
  if ([ACTIVATION, COMPLETE].includes(phase)) await say(client, 'looks good, turn it on');
  if (phase === COMPLETE) await say(client, { action: 'confirm' });
  const view = await client.session();
  expect(view.phase).toBe(phase);
  if (phase === REQUIREMENTS) expect(view.context.missing).toEqual([]);
  return view;
}
