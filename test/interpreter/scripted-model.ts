import {
  isRepairRequest,
  phaseOf,
  step,
  userMessageOf,
  type FakeStep,
  type Responder,
} from '../support/fake-openai-server.js';

/**
 * The fake model of the scenario suites: for each message the suites send, the answer a capable model
 * would give (the strict-schema shape, `reply` first so it streams first). Keyed on the person's text as
 * it appears inside `<user_message>` in the request; anything else is answered as `unclear`.
 */

/** What the person typed, plus where the conversation is, as the model sees it. */
export interface ModelInput {
  text: string;
  phase: string | undefined;
  /** The second call of a turn, asking to correct an invalid first answer. */
  repair: boolean;
  /** The whole request (its prompt carries the requirements so far). */
  body?: unknown;
}

/** A model answer: an object (sent as JSON) or raw text (sent as is, e.g. a fenced or broken answer). */
export type ModelAnswer = Record<string, unknown> | string;

/** Replaces the realistic answer for some messages; `undefined` keeps it. */
export type ModelOverride = (input: ModelInput) => ModelAnswer | FakeStep | undefined;

export const EXAMPLE_DESCRIPTION =
  'I want an agent that summarizes my unread Gmail emails every morning at 8am and posts the summary to the #team-updates Slack channel';

/** Every patch key of the wire shape, null (unsaid). */
export const NO_FIELDS = {
  name: null,
  goal: null,
  trigger: null,
  integrations: null,
  integrationsRemoved: null,
  steps: null,
  destination: null,
  filters: null,
  time: null,
};

/** An answer in the schema's key order: reply, intent, patch (every patch key present, null when unsaid), edits. */
export function answer(
  reply: string,
  intent: string,
  fields: Partial<typeof NO_FIELDS> | Record<string, unknown> = {},
  edits: Record<string, unknown>[] | null = null,
): ModelAnswer {
  return { reply, intent, patch: { ...NO_FIELDS, ...fields }, edits };
}

/** One wire edit (every key present, null when unused). */
const edit = (fields: Record<string, unknown>): Record<string, unknown> => ({ text: null, trigger: null, destination: null, ...fields });

const slackChannel = (target: string) => ({ kind: 'channel', integration: 'slack', target });

/** What a capable model answers to the messages of the suites, by their exact text (lower-cased). */
const ANSWERS: Record<string, ModelAnswer> = {
  [EXAMPLE_DESCRIPTION.toLowerCase()]: answer(
    'Got it: a summary of your unread Gmail every morning at 8:00, posted to #team-updates on Slack.',
    'provide_information',
    {
      name: 'Gmail summary to Slack',
      goal: 'Summarize my unread Gmail emails and post the summary to Slack',
      trigger: { type: 'schedule', cron: '0 8 * * *', description: 'every day at 8:00' },
      integrations: ['gmail', 'slack'],
      steps: ['read unread Gmail emails', 'summarize', 'post to #team-updates'],
      destination: slackChannel('#team-updates'),
      filters: ['unread'],
    },
  ),
  'only emails from my manager': answer('Only emails from your manager, noted.', 'provide_information', {
    filters: ['from my manager'],
  }),
  'yes, build it': answer("Great, I'll build it.", 'confirm'),
  'change the time to 7:30': answer("Sure, I'll move it to 7:30.", 'change', { time: '07:30' }),
  'looks good, turn it on': answer('Glad it looks good.', 'confirm'),
  yes: answer('Okay.', 'confirm'),
  'go back': answer('Sure, going back.', 'go_back'),
  'actually make it 9am': answer('9:00 it is.', 'change', { time: '09:00' }),
  'post it to #general instead': answer("I'll post it to #general instead.", 'change', {
    integrations: ['slack'],
    destination: slackChannel('#general'),
  }),
  'also send it to #general': answer("I'll also post it to #general.", 'change', {}, [
    edit({ op: 'add', field: 'destinations', destination: slackChannel('#general') }),
  ]),
  'drop the unread filter': answer('All emails then, not only unread ones.', 'change', {}, [edit({ op: 'remove', field: 'filters', text: 'unread' })]),
  "actually i'll run it myself": answer("Okay, it will run when you start it.", 'change', {
    trigger: { type: 'manual', description: 'when you run it' },
  }),
  'undo that': answer('Undone.', 'undo'),
  'never mind': answer('Okay, forget that.', 'dismiss'),
  'what did i change?': answer('Here is what you changed.', 'review_changes'),
  banana: answer("Sorry, I'm not sure what you'd like to automate.", 'unclear'),
  'purple monkey dishwasher': answer("Sorry, I didn't get that.", 'unclear'),
  "what's the weather in paris?": answer("I can't check the weather, but I can build agents for you.", 'question'),
};

const UNCLEAR = answer("Sorry, I didn't quite get that.", 'unclear');

/** The realistic answer to `text` (any phase). */
export function realisticAnswer(text: string): ModelAnswer {
  return ANSWERS[text.trim().toLowerCase()] ?? UNCLEAR;
}

function isStep(value: ModelAnswer | FakeStep): value is FakeStep {
  return typeof value === 'object' && typeof value['type'] === 'string' && ['completion', 'error', 'hang'].includes(value['type']);
}

/**
 * A responder for the fake server: `override` first, then the realistic answer, streamed in small
 * pieces as a real endpoint does.
 */
export function scriptedModel(override: () => ModelOverride | null): Responder {
  return (request) => {
    const input: ModelInput = {
      text: userMessageOf(request.body) ?? '',
      phase: phaseOf(request.body),
      repair: isRepairRequest(request.body),
      body: request.body,
    };
    const chosen = override()?.(input) ?? realisticAnswer(input.text);
    return isStep(chosen) ? chosen : step.answer(chosen, { chunkSize: 4 });
  };
}
