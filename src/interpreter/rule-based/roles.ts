import { namedAsTarget } from './event-trigger.js';
import type { IntegrationMention } from './integrations.js';

/**
 * Who is writing, said before the request: "IT helpdesk: …", "Help desk lead. …", "im on the helpdesk team, …",
 * "payments team here - …". A segment of a few words at the start, ending in a colon, dash, full stop or comma,
 * that ends like a role (a colon, "here", or a word for people).
 */
const ROLE = /^\s*(?:(?:i'?m|i am|we'?re|we are|i work)\s+(?:on|in|with|at|for)\s+(?:the|our|a)\s+)?(?:[a-z&'-]+\s+){0,3}?[a-z&'-]+(\s+here)?\s*([:,.]|\s-)(?=\s)/;
const PEOPLE = /\b(?:team|lead|manager|desk|dept|department|squad|crew|folks|people|agent|agents|admin|ops|here)\b/;
const CHAT = new Set(['slack', 'teams', 'discord']);

/**
 * The mentions that only name the writer's role: a word the tool is known for ("helpdesk", "payments", "wiki")
 * inside the role, when the rest of the message names another tool that things come from ("IT helpdesk: when a
 * ticket comes in on jira …" is Jira's ticket, not Zendesk's). Alone, the role word still names the tool ("IT
 * helpdesk: when a ticket comes in, post it to #it on slack").
 */
export function roleMentions(text: string, mentions: readonly IntegrationMention[]): Set<IntegrationMention> {
  const roles = new Set<IntegrationMention>();
  const role = ROLE.exec(text);
  if (!role) return roles;
  const end = role.index + role[0].length;
  const said = role[0];
  if (role[2] !== ':' && role[1] === undefined && !PEOPLE.test(said)) return roles;
  for (const mention of mentions) {
    if (!mention.keyword || mention.end > end) continue;
    const other = mentions.some(
      (m) => m.start >= end && m.id !== mention.id && !m.generic && !CHAT.has(m.id) && !namedAsTarget(text, m),
    );
    if (other) roles.add(mention);
  }
  return roles;
}
