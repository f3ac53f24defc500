import type { Recurrence } from './recurrence.js';

/** How sure we are of a requirement field. */
export type FieldStatus = 'missing' | 'inferred' | 'confirmed';

export interface RequirementField<T> {
  value: T | null;
  status: FieldStatus;
}

/** What starts the agent; any kind can be replaced by any other. */
export type Trigger =
  | {
      type: 'schedule';
      /** Five-field cron expression derived from `recurrence`, e.g. `0 8 * * 1-5` (the first time when there are several). */
      cron: string;
      /** Human text, e.g. `every weekday at 8:00`. */
      description: string;
      /**
       * The structured schedule the cron is derived from; absent only for a cron no recurrence can say
       * (a model's `0 9-17 * * *`), which is then kept as given.
       */
      recurrence?: Recurrence;
      /** Every cron the recurrence needs when its times differ in minutes (`9:15 and 17:30`); absent otherwise. */
      crons?: string[];
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

export type ScheduleTrigger = Extract<Trigger, { type: 'schedule' }>;

/** Where the agent's output goes. */
export interface Destination {
  /**
   * `channel` (a chat channel or a handle), `email` (an address), `dm` (a direct message to the user
   * themselves), or `integration` (e.g. a Notion page, a sheet).
   */
  kind: 'channel' | 'email' | 'dm' | 'integration';
  /** Catalog id of the integration that delivers it (slack, teams, gmail, …); null when not said. */
  integration: string | null;
  /** `#team-updates`, `boss@example.com`, `me` (dm), a page name, or `''` for the tool's default place. */
  target: string;
}

export const FILTER_KINDS = [
  'from',
  'unread',
  'label',
  'keyword',
  'subject',
  'status',
  'priority',
  'amount',
  'exclude',
  'attachment',
  'other',
] as const;
export type FilterKind = (typeof FILTER_KINDS)[number];
export type Comparison = '>' | '>=' | '<' | '<=' | '=';

/** One condition on what the agent handles. `text` is the human form (and what older clients show). */
export interface Filter {
  kind: FilterKind;
  /** The value as said (`my manager`, `Invoices`, `high`, `done`); for `amount`, the number as text. */
  value?: string;
  /** For `amount`: how the value compares. */
  op?: Comparison;
  /** `from my manager`, `unread`, `amount > 500`, `not from newsletters`. */
  text: string;
}

/** The typed requirements document a conversation fills in. */
export interface Requirements {
  name: RequirementField<string>;
  goal: RequirementField<string>;
  trigger: RequirementField<Trigger>;
  /** Catalog ids of every integration the agent uses. */
  integrations: RequirementField<string[]>;
  steps: RequirementField<string[]>;
  /** Every place the output goes, each added or removed on its own. */
  destinations: RequirementField<Destination[]>;
  filters: RequirementField<Filter[]>;
}

export type RequirementKey = keyof Requirements;

export const REQUIREMENT_KEYS: readonly RequirementKey[] = [
  'name',
  'goal',
  'trigger',
  'integrations',
  'steps',
  'destinations',
  'filters',
];

/** Fields an agent cannot be generated without, most important first (the order questions are asked in). */
export const REQUIRED_FIELDS: readonly RequirementKey[] = ['goal', 'integrations', 'trigger', 'destinations'];

/**
 * A shorthand for what one message states, which `editsFromPatch` turns into edit operations against
 * the current document. Only the keys present say something; `destination` replaces the destinations
 * (add one with an `add` edit), `filters` are added in their human form (`from my manager`, `unread`).
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
  /** Filters to add, in their human form. */
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
    destinations: { value: null, status: 'missing' },
    filters: { value: null, status: 'missing' },
  };
}
