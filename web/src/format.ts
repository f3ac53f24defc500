import type { Destination, Filter, Phase, Trigger } from './types.js';

export const PHASE_LABELS: Record<Phase, string> = {
  IDLE: 'Start',
  DISCOVERY: 'Discover',
  OAUTH_FLOW: 'Connect',
  REQUIREMENTS: 'Requirements',
  GENERATION: 'Generate',
  TESTING: 'Test',
  ACTIVATION: 'Activate',
  COMPLETE: 'Done',
};

/** Display names whose id does not simply capitalise (the rest: `google_sheets` → `Google Sheets`). */
const NAMES: Record<string, string> = {
  github: 'GitHub',
  hubspot: 'HubSpot',
  teams: 'Microsoft Teams',
  twitter: 'X (Twitter)',
};

export function integrationName(id: string | null | undefined): string {
  if (!id) return '';
  return NAMES[id] ?? id.split(/[_-]/).map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
}

export function triggerText(trigger: Trigger | string | null | undefined): string {
  if (!trigger) return '';
  if (typeof trigger === 'string') return trigger;
  const detail = trigger.type === 'schedule' ? ` (${trigger.cron})` : '';
  return `${trigger.description}${detail}`;
}

export function destinationText(destination: Destination | null | undefined): string {
  if (!destination) return '';
  if (destination.kind === 'dm') return `you (direct message${destination.integration ? ` via ${integrationName(destination.integration)}` : ''})`;
  const via = destination.integration ? ` via ${integrationName(destination.integration)}` : '';
  return `${destination.target}${via}`;
}

export function timeText(at: number | string | null | undefined): string {
  if (at === null || at === undefined) return '';
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** A filter's human form (a typed filter's `text`, or an older server's string). */
export function filterText(filter: Filter): string {
  return typeof filter === 'string' ? filter : filter.text;
}

/** `Mon 7 Dec, 08:00` in the schedule's zone. */
export function runText(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(date);
  } catch {
    return date.toISOString();
  }
}
