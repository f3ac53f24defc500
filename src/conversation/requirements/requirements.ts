/** How sure we are of a requirement field. */
export type FieldStatus = 'missing' | 'inferred' | 'confirmed';

export interface RequirementField<T> {
  value: T | null;
  status: FieldStatus;
}

/** What starts the agent. */
export type Trigger =
  | {
      type: 'schedule';
      /** Five-field cron expression, e.g. `0 8 * * 1-5`. */
      cron: string;
      /** Human text, e.g. `every weekday at 8:00`. */
      description: string;
    }
  | {
      type: 'event';
      /** Catalog id of the integration the event comes from. */
      integration: string;
      /** Event key, e.g. `new_email`, `new_issue`. */
      event: string;
      description: string;
    }
  | { type: 'manual'; description: string };

/** Where the agent's output goes. */
export interface Destination {
  /** `channel` (a chat channel), `email` (an address), or `integration` (e.g. a Notion page, a sheet). */
  kind: 'channel' | 'email' | 'integration';
  /** Catalog id of the integration that delivers it (slack, teams, gmail, …). */
  integration: string | null;
  /** `#team-updates`, `boss@example.com`, … */
  target: string;
}

/** The typed requirements document a conversation fills in. */
export interface Requirements {
  name: RequirementField<string>;
  goal: RequirementField<string>;
  trigger: RequirementField<Trigger>;
  /** Catalog ids of every integration the agent uses. */
  integrations: RequirementField<string[]>;
  steps: RequirementField<string[]>;
  destination: RequirementField<Destination>;
  filters: RequirementField<string[]>;
}

export type RequirementKey = keyof Requirements;

export const REQUIREMENT_KEYS: readonly RequirementKey[] = [
  'name',
  'goal',
  'trigger',
  'integrations',
  'steps',
  'destination',
  'filters',
];

/** Fields an agent cannot be generated without, most important first (the order questions are asked in). */
export const REQUIRED_FIELDS: readonly RequirementKey[] = ['goal', 'integrations', 'trigger', 'destination'];

/**
 * What one interpreted message says about the requirements. Only the keys present are touched;
 * `integrationsRemoved` supports corrections such as "instead of Slack use Teams".
 */
export interface RequirementsPatch {
  name?: string;
  goal?: string;
  trigger?: Trigger;
  /** Integrations to add. */
  integrations?: string[];
  integrationsRemoved?: string[];
  steps?: string[];
  destination?: Destination;
  /** Filters to add. */
  filters?: string[];
  /** A time-of-day correction ("actually make it 9am") applied to the existing schedule trigger: `HH:MM`. */
  time?: string;
}

export function emptyRequirements(): Requirements {
  return {
    name: { value: null, status: 'missing' },
    goal: { value: null, status: 'missing' },
    trigger: { value: null, status: 'missing' },
    integrations: { value: null, status: 'missing' },
    steps: { value: null, status: 'missing' },
    destination: { value: null, status: 'missing' },
    filters: { value: null, status: 'missing' },
  };
}
