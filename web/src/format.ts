import type { Destination, Phase, Trigger } from './types.js';

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
  const via = destination.integration ? ` via ${integrationName(destination.integration)}` : '';
  return `${destination.target}${via}`;
}

export function timeText(at: number | string | null | undefined): string {
  if (at === null || at === undefined) return '';
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}
