/** The shapes of /work/shared/API.md as the page reads them. The server is the authority: render defensively. */

export const PHASES = [
  'IDLE',
  'DISCOVERY',
  'OAUTH_FLOW',
  'REQUIREMENTS',
  'GENERATION',
  'TESTING',
  'ACTIVATION',
  'COMPLETE',
] as const;
export type Phase = (typeof PHASES)[number];

export type FieldStatus = 'missing' | 'inferred' | 'confirmed';
export interface Field<T> {
  value: T | null;
  status: FieldStatus;
}

export type Trigger =
  | { type: 'schedule'; cron: string; description: string; crons?: string[] }
  | { type: 'event'; integration: string; event: string; description: string }
  | { type: 'manual'; description: string };

export interface Destination {
  kind: 'channel' | 'email' | 'dm' | 'integration';
  integration: string | null;
  target: string;
}

/** A typed filter; `text` is its human form. Older servers sent plain strings. */
export type Filter = { kind: string; value?: string; op?: string; text: string } | string;

/** A schedule in words with its next runs (server-computed). */
export interface ScheduleView {
  words: string;
  nextRuns: string[];
  timezone: string;
}

export interface Requirements {
  name: Field<string>;
  goal: Field<string>;
  trigger: Field<Trigger>;
  integrations: Field<string[]>;
  steps: Field<string[]>;
  destinations: Field<Destination[]>;
  filters: Field<Filter[]>;
  schedule?: ScheduleView | null;
}

export type IntegrationStatus = 'pending' | 'connected' | 'denied' | 'failed' | 'expired' | 'skipped';
export interface Connection {
  id: string;
  provider: string;
  status: IntegrationStatus;
}

export interface PendingOauth {
  integration: string;
  provider: string;
  authorizationUrl: string;
  expiresAt: number | string;
}

export interface SessionView {
  sessionId: string;
  phase: Phase;
  context: { requirements: Requirements; integrations: Connection[]; missing: string[] };
  pendingOauth: PendingOauth | null;
  draftAgentId: string | null;
  expiresAt: number | string;
}

export type ActionType = 'reply' | 'confirm' | 'back' | 'restart' | 'cancel' | 'skip' | 'retry' | 'oauth';
export interface ChatAction {
  type: ActionType;
  label: string;
  value?: string;
}

export type ResponseType =
  | 'phase'
  | 'delta'
  | 'message'
  | 'oauth_required'
  | 'requirements'
  | 'draft'
  | 'test_result'
  | 'oauth_result'
  | 'expiring'
  | 'expired'
  | 'error'
  | 'done';

export interface ChatResponse {
  sessionId: string;
  seq: number;
  type: ResponseType;
  phase: Phase;
  content: string | null;
  actions: ChatAction[];
  oauthUrl: string | null;
  data: Record<string, unknown> | null;
}

export interface DraftAgent {
  id: string;
  name: string;
  description: string;
  trigger: Trigger | string | null;
  integrations: string[];
  steps: { id: string; integration: string | null; action: string; description: string }[];
  status: string;
}

export interface TestResult {
  passed: boolean;
  cases: { name: string; passed: boolean; output: string }[];
}

/** The body of `POST /v1/sessions/:id/messages`: exactly one of the two. */
export type TurnBody = { message: string } | { action: { type: Exclude<ActionType, 'reply' | 'oauth'> } };
