import { Injectable } from '@nestjs/common';
import { emptyRequirements, type RequirementsPatch } from '../../conversation/requirements/requirements.js';
import { ConversationPhase } from '../../conversation/state.js';
import type { Interpretation, InterpretOptions, InterpretRequest, Interpreter } from '../interpreter.js';
import { hasCorrectionMarker } from './corrections.js';
import { asksAboutService, intentOf, isQuestionForm, readControl } from './intent.js';
import { readPatch } from './patch-reader.js';
import { normalize } from './text.js';
import { correctTypos } from './typos.js';

/** Phases in which new facts about a drafted agent are a change to it. */
const CHANGE_PHASES: ReadonlySet<ConversationPhase> = new Set([
  ConversationPhase.GENERATION,
  ConversationPhase.TESTING,
  ConversationPhase.ACTIVATION,
]);

const isEmpty = (patch: RequirementsPatch): boolean => Object.keys(patch).length === 0;

/** Phases in which a message is the first description of an agent. */
const OPENING_PHASES: ReadonlySet<ConversationPhase> = new Set([ConversationPhase.IDLE, ConversationPhase.DISCOVERY]);
const TOOL_WORDS = /\b(?:and|or|with|plus|use|using|also|then|to|the|my|our|i|we|both|\+|&)\b/g;

/**
 * Whether a first message describes an agent at all, rather than chatting ("lol slack is down again",
 * "my kid has a trip on the 15th", "tell me a joke"): a task with something concrete (a tool, a
 * schedule or event, a place to send to), or a tool with a schedule or a place, or a bare list of tools.
 */
/** Chatting about how things are or were ("is pure chaos lol", "i used to…", "is that normal"). */
const SMALL_TALK = /\b(?:lol|haha+|lmao|smh|rofl|is that normal|those were the days|used to|looks like a|is pure|is (?:so|such|always) |was (?:so|such) |crime scene|chaos)\b/;
/** Asking for something, which small talk around it does not cancel. */
const ASKING = /\b(?:please|pls|can you|could you|i want|i need|i'?d like|set up|build|make me|create)\b/;

/**
 * "Is it possible to make: …", "hey is possible to build a bot that …": a request asked as a question, which the
 * question about the service ("is it possible") only frames. What follows the frame is read ("make:" with it).
 */
const FRAMED_REQUEST =
  /^(?:(?:hi|hey|hello|ok|so|and|but|also|um|hmm)[,!.\s]+)*is\s+(?:it\s+)?possible\s+(?:for\s+(?:you|me|us)\s+)?to\s+(?:(?:make|build|create|set ?up|setup)\s*:\s*|(?=(?:make|build|create|set ?up|setup|get|have)\b))/;

/** Where the request inside a question frame starts, or 0 when there is no frame (or nothing after it). */
function framedRequestStart(norm: string): number {
  const m = norm.includes('possible') ? FRAMED_REQUEST.exec(norm) : null;
  return m ? m[0].length : 0;
}

const TO_CHAT_TOOL = /\b(?:to|into)\s+(?:(?:my|our|the|a)\s+)?(?:[a-z]+\s+)?(?:slack|(?:microsoft\s+|ms\s+)?teams|discord)\b/;

/** "We moved from slack to teams": a change of tools told, not things sent. */
const MOVE_BETWEEN_TOOLS = /\b(?:moved|moving|switched|switching|migrated|migrating|went|going)\s+(?:over\s+)?from\b|\bfrom\s+[a-z]+\s+to\b/;

function describesAgent(patch: RequirementsPatch, norm: string, unsupported: boolean): boolean {
  if (SMALL_TALK.test(norm) && !ASKING.test(norm)) return false;
  const tools = (patch.integrations?.length ?? 0) > 0 || unsupported;
  const when = patch.trigger !== undefined || patch.time !== undefined;
  const place = patch.destination !== undefined;
  const elsewhere = place && patch.destination?.kind !== 'dm';
  const task = patch.goal !== undefined;
  // "X → Y" and "only emails from my manager" say what the agent does without a verb.
  const shaped = /->|→|=>/.test(norm) || ((patch.filters?.length ?? 0) > 0 && /\b(?:only|just)\b/.test(norm));
  // "Outlook emails to teams", "my family calendar to the family discord": one tool's things sent to a chat tool.
  const toChat = (patch.integrations?.length ?? 0) >= 2 && TO_CHAT_TOOL.test(norm) && !MOVE_BETWEEN_TOOLS.test(norm);
  if (tools && (task || when || place || shaped || toChat)) return true;
  if ((task || place) && when) return true;
  if (task && elsewhere) return true;
  if (!tools) return false;
  // "Gmail and Slack": nothing but tool names and joining words.
  const rest = norm.replace(/[^a-z\s]/g, ' ').replace(TOOL_WORDS, ' ').split(/\s+/).filter(Boolean);
  return rest.length <= (patch.integrations?.length ?? 0) + 2;
}

/**
 * Reads one message without a model: control phrases first ("yes, build it", "go back"), then
 * questions about the service, then requirement fields. Deterministic, and cheap enough for every turn.
 *
 * Precedence, when a message does several things:
 * - all control phrases: the strongest wins (cancel > restart > go_back > regenerate > skip > confirm);
 * - agreement plus facts ("yes, and only from my manager"): the facts win, as `provide_information`
 *   (`change` once a draft exists), so nothing said is lost and the summary is shown again;
 * - "start over: …" with facts: `restart`, carrying the facts for the fresh start;
 * - a correction ("actually…", "instead of…", "no, …"), a bare time or a removed integration: `change`.
 */
export function interpretMessage(request: InterpretRequest): Interpretation {
  // Misspelled tool names are put right first, so that every reader below sees the tool.
  const typed = correctTypos(request.text);
  const said = normalize(typed);
  const control = readControl(said, request.phase);
  if (control.intent) return { intent: control.intent, patch: {} };
  // "Is it possible to make: …" asks for what follows; "is it possible to connect salesforce?" stays a question (nothing made).
  const frame = asksAboutService(said) ? framedRequestStart(said) : -1;
  if (frame === 0) return { intent: 'question', patch: {} };
  const raw = frame > 0 ? typed.slice(frame) : typed;
  const norm = frame > 0 ? said.slice(frame) : said;

  const correcting = control.lead === 'negation' || hasCorrectionMarker(norm);
  // A fresh start ("start over: …", a new agent after COMPLETE) is read as a first description.
  const fresh = control.lead === 'restart' || request.phase === ConversationPhase.COMPLETE;
  const reading = readPatch(norm, raw, fresh ? { ...request, phase: ConversationPhase.DISCOVERY, requirements: emptyRequirements() } : request, correcting);
  // Back in DISCOVERY with an agent described ("go back"), a message corrects it like any follow-up.
  const opening = fresh || (OPENING_PHASES.has(request.phase) && request.requirements.goal.value === null);
  const named = reading.unsupported.length > 0;
  const { patch }: { patch: RequirementsPatch } = opening && !describesAgent(reading.patch, norm, named) ? { patch: {} } : reading;
  const extras = {
    ...(reading.edits.length > 0 && patch === reading.patch ? { edits: reading.edits } : {}),
    ...(named ? { unsupported: reading.unsupported } : {}),
  };
  if (isEmpty(patch) && !('edits' in extras)) {
    const unsupported = named ? { unsupported: reading.unsupported } : {};
    if (isQuestionForm(said)) return { intent: 'question', patch, ...unsupported };
    const lead = control.lead;
    return { intent: lead && lead !== 'filler' ? intentOf(lead, request.phase) : 'unclear', patch, ...unsupported };
  }
  if (control.lead === 'restart') return { intent: 'restart', patch, ...extras };
  const changing =
    correcting || patch.time !== undefined || patch.integrationsRemoved !== undefined || CHANGE_PHASES.has(request.phase);
  return { intent: changing ? 'change' : 'provide_information', patch, ...extras };
}

/** The default interpreter: rules only, no key needed. It writes no reply and streams no deltas. */
@Injectable()
export class RuleBasedInterpreter implements Interpreter {
  interpret(request: InterpretRequest, options?: InterpretOptions): Promise<Interpretation> {
    if (options?.signal?.aborted) return Promise.reject(options.signal.reason);
    return Promise.resolve(interpretMessage(request));
  }
}
