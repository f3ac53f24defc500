import type { Destination, Trigger } from '../../conversation/requirements/requirements.js';
import { findIntegration } from '../../oauth/integration-catalog.js';
import { capitalize } from './text.js';

/** What a title and steps are made from. */
export interface TitleParts {
  /** The goal, normalised. */
  goal: string;
  /** Where the agent reads from (the event's integration, else the first one named). */
  source: string | null;
  /** Where the output goes, if said; `deliveredBy` names the integration when no target is known. */
  destination: Destination | null;
  deliveredBy: string | null;
  trigger: Trigger | null;
  filters: readonly string[];
}

/** Verbs of the goal → [noun for the title, step]; the first that matches wins. */
const ACTIONS: readonly (readonly [RegExp, string, string | null])[] = [
  [/\bsummar(?:y|ies|i[sz]e[sd]?|i[sz]ing)\b|\bdigest\b|\brecap\b/, 'summary', 'summarize'],
  [/\btranslat/, 'translation', 'translate'],
  [/\bforward/, 'forwarder', null],
  [/\bback(?:s|ing)? ?up\b|\barchiv/, 'backup', 'back up'],
  [/\bsync/, 'sync', null],
  [/\bremind/, 'reminders', null],
  [/\b(?:alert(?:s|ing)?|ping(?:s|ing)?|dms?)\b|\bnotif/, 'alerts', null],
  [/\breport/, 'report', 'compile a report'],
  [/\b(?:triage|categori[sz]|label|sort)/, 'triage', 'triage'],
  [/\b(?:draft|repl(?:y|ies)|respond)/, 'replies', 'draft replies'],
  [/\b(?:log|record|track|save|copy|add|append)/, 'log', null],
  [/\b(?:send|post|share)/, 'updates', null],
];
const READS: Readonly<Record<string, string>> = {
  gmail: 'emails', outlook: 'emails', slack: 'messages', teams: 'messages', discord: 'messages',
  google_calendar: 'events', google_sheets: 'rows', google_drive: 'files', dropbox: 'files',
  github: 'issues', jira: 'issues', linear: 'issues', trello: 'cards', asana: 'tasks',
  notion: 'pages', confluence: 'pages', hubspot: 'CRM records', salesforce: 'leads', zendesk: 'tickets',
  stripe: 'payments', airtable: 'records', twitter: 'mentions', shopify: 'orders',
};
const ADJECTIVES = new Set(['unread', 'starred', 'important', 'flagged', 'unanswered', 'high priority']);

function action(goal: string): readonly [RegExp, string, string | null] | undefined {
  return ACTIONS.find(([re]) => re.test(goal));
}

const nameOf = (id: string | null): string | null => (id ? (findIntegration(id)?.name ?? null) : null);

/** A short title such as "Gmail summary to Slack". */
export function titleFor(parts: TitleParts): string {
  const source = nameOf(parts.source);
  const deliveredBy = parts.destination?.integration ?? parts.deliveredBy;
  const destination = deliveredBy === parts.source ? null : nameOf(deliveredBy);
  let noun = action(parts.goal)?.[1] ?? 'automation';
  if (noun === 'updates' && parts.trigger?.type === 'event') noun = 'alerts';
  const head = source ? `${source} ${noun}` : capitalize(noun);
  return destination ? `${head} to ${destination}` : head;
}

/** Plain steps ("read unread Gmail emails", "summarize", "post to #team-updates"), or none when too little is known. */
export function stepsFor(parts: TitleParts): string[] {
  const steps: string[] = [];
  const source = nameOf(parts.source);
  if (parts.trigger?.type === 'event') steps.push(parts.trigger.description);
  else if (source && parts.source) {
    const adjectives = parts.filters.filter((f) => ADJECTIVES.has(f));
    const senders = parts.filters.filter((f) => f.startsWith('from '));
    steps.push(['read', ...adjectives, source, READS[parts.source] ?? 'items', ...senders].join(' '));
  }
  const verb = action(parts.goal)?.[2];
  if (verb) steps.push(verb);
  const out = parts.destination;
  if (out?.kind === 'dm') steps.push(out.integration === 'gmail' || out.integration === 'outlook' ? 'email me' : 'message me');
  else if (out?.kind === 'channel') steps.push(out.target.startsWith('@') ? `message ${out.target}` : `post to ${out.target}`);
  else if (out?.kind === 'email') steps.push(`email ${out.target}`);
  else if (out?.kind === 'integration') steps.push(`save to ${[nameOf(out.integration), out.target].filter(Boolean).join(' ')}`);
  return steps.length >= 2 ? steps : [];
}
