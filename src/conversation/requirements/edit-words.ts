import { findIntegration } from '../../oauth/integration-catalog.js';
import type { RequirementEdit } from './edits.js';
import type { Destination, Filter } from './requirements.js';
import { listWords } from './schedule-words.js';

const FIELD_WORDS = {
  name: 'name',
  goal: 'task',
  trigger: 'trigger',
  integrations: 'apps',
  steps: 'steps',
  destinations: 'destinations',
  filters: 'filters',
} as const;

export function displayName(integrationId: string): string {
  return findIntegration(integrationId)?.name ?? integrationId;
}

/** `#team-updates on Slack`, `you (direct message on Slack)`, `boss@example.com`. */
export function describeDestination(destination: Partial<Destination>): string {
  const via = destination.integration ? ` on ${displayName(destination.integration)}` : '';
  if (destination.kind === 'dm') return `you directly${via}`;
  if (destination.kind === 'email' && destination.target === 'me') return `your email${via}`;
  return `${destination.target || (destination.integration ? 'the default place' : 'that destination')}${via}`;
}

function describeFilter(filter: Partial<Filter>): string {
  return filter.text ?? [filter.kind, filter.op, filter.value].filter(Boolean).join(' ');
}

/** One edit in words, as the confirmation summary and "what did I change?" show it. */
export function describeEdit(edit: RequirementEdit): string {
  if (edit.op === 'clear') return `cleared the ${FIELD_WORDS[edit.field]}`;
  switch (edit.field) {
    case 'name':
      return `named it "${edit.value}"`;
    case 'goal':
      return `set the task to "${edit.value}"`;
    case 'trigger':
      return `set it to run ${edit.value.description}`;
    case 'integrations':
    case 'steps':
      if (edit.op === 'replace') return `set the ${FIELD_WORDS[edit.field]} to ${edit.value.map((v) => (edit.field === 'integrations' ? displayName(v) : v)).join(', ')}`;
      return `${edit.op === 'add' ? 'added' : 'removed'} ${edit.field === 'integrations' ? displayName(edit.value) : `the step "${edit.value}"`}`;
    case 'destinations':
      if (edit.op === 'replace') return `set the destination to ${listWords(edit.value.map(describeDestination))}`;
      return edit.op === 'add' ? `added ${describeDestination(edit.value)} as a destination` : `removed ${describeDestination(edit.value)} as a destination`;
    case 'filters':
      if (edit.op === 'replace') return `set the filters to ${edit.value.map(describeFilter).join('; ') || 'none'}`;
      return `${edit.op === 'add' ? 'added' : 'removed'} the filter "${describeFilter(edit.value)}"`;
  }
}
