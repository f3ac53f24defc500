/**
 * One row of the phrasing table: a message written the way people type, and what the requirements must
 * say after it. The expectations are in a neutral shape (not the service's view) so that the table is
 * written from how people talk, not from the code; `phrasing-table.spec` maps them onto the session view.
 * A key left out is not checked; an empty list means "nothing of that kind".
 */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

export type ExpectedTrigger =
  | {
      type: 'schedule';
      /** Times of day, 24 h `HH:MM`, in any order. Left out: not checked. */
      times?: string[];
      /** The days it runs: `daily` (every day), `weekdays`, `weekends`, or the exact set of days. */
      days?: 'daily' | 'weekdays' | 'weekends' | Weekday[];
      /** Monthly: the day of the month. */
      dayOfMonth?: number;
      /** Monthly on several days ("twice a month", "the 1st and 15th"), in any order: read from the cron, which alone holds them. */
      daysOfMonth?: number[];
      /** Every N minutes or hours ("every 15 minutes", "every 2 hours"). */
      every?: { minutes?: number; hours?: number };
    }
  /** `event` is a catalog event key (see src/oauth/integration-catalog.ts). */
  | { type: 'event'; integration: string; event: string }
  | { type: 'manual' }
  /** The time was too vague to guess ("in the morning-ish", "sometimes"): no schedule is set, a question is asked. */
  | { type: 'vague' }
  /** No trigger can be set: what starts it happens in a tool outside the catalog ("new typeform submissions"). */
  | { type: 'none' };

export interface ExpectedDestination {
  /** `channel` (a chat channel), `email` (an address), `dm` (a direct message / to the person themselves), `integration` (a page, sheet, board…). */
  kind: 'channel' | 'email' | 'dm' | 'integration';
  /** Catalog id of the tool that delivers it, when one is clear. */
  integration?: string;
  /** `#team-updates`, `boss@example.com`; left out when there is none (a DM to the user). */
  target?: string;
}

export interface ExpectedFilter {
  kind: 'from' | 'unread' | 'label' | 'keyword' | 'status' | 'priority' | 'amount' | 'exclude';
  /** The value as people said it, lower-case (`my manager`, `invoices`, `high`, `done`); for amount, the number. */
  value?: string;
  /** For amount: `>`, `>=`, `<`, `<=`, `=`. */
  op?: '>' | '>=' | '<' | '<=' | '=';
}

export interface ExpectedRequirements {
  /** The exact set of catalog ids the agent uses. */
  integrations?: string[];
  /** Tools named that are not in the catalog (lower-case display names), which the reply must name back. */
  unsupported?: string[];
  trigger?: ExpectedTrigger;
  /** The exact list of destinations, in any order. */
  destinations?: ExpectedDestination[];
  /** Filters that must be present (others may be too, unless `onlyFilters`). */
  filters?: ExpectedFilter[];
  /** When true, `filters` is the exact set. */
  onlyFilters?: boolean;
}

/** A first message and what it must set up. */
export interface PhrasingCase {
  text: string;
  expect: ExpectedRequirements;
  /** What the row is about (typo, negation, time-form, non-request, …), for the per-category report. */
  tags: string[];
}

/** A message that asks for nothing: greetings, jokes, questions. The requirements stay empty. */
export interface NonRequestCase {
  text: string;
  tags: string[];
}

/**
 * A short conversation of 2–4 user messages: the first describes an agent, the next ones correct it
 * ("actually make it 9", "also send it to Dana", "undo that"). `expect` is the end state.
 */
export interface CorrectionConversation {
  name: string;
  turns: string[];
  expect: ExpectedRequirements;
  tags: string[];
}
