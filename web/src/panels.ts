import { byId, h } from './dom.js';
import { destinationText, filterText, integrationName, runText, triggerText } from './format.js';
import type { Connection, DraftAgent, Field, Requirements, SessionView, TestResult } from './types.js';

type FieldKey = 'name' | 'goal' | 'trigger' | 'integrations' | 'steps' | 'destinations' | 'filters';
const FIELDS: [FieldKey, string][] = [
  ['name', 'Name'],
  ['goal', 'Goal'],
  ['trigger', 'Trigger'],
  ['integrations', 'Integrations'],
  ['steps', 'Steps'],
  ['destinations', 'Destinations'],
  ['filters', 'Filters'],
];

/** Each status has a symbol and a word, so it never rests on colour alone. */
const MARKS = {
  confirmed: ['✓', 'confirmed'],
  inferred: ['~', 'inferred'],
  needed: ['!', 'needed'],
  missing: ['–', 'not set'],
} as const;

function mark(kind: keyof typeof MARKS): HTMLSpanElement {
  const [symbol, word] = MARKS[kind];
  return h('span', { class: `mark mark-${kind}` }, h('span', { 'aria-hidden': 'true' }, symbol), ` ${word}`);
}

function list(items: string[], ordered = false): HTMLElement {
  const el = h(ordered ? 'ol' : 'ul');
  for (const item of items) el.append(h('li', {}, item));
  return el;
}

/** The trigger, and for a schedule its words and next runs as the server computed them. */
function triggerValue(requirements: Requirements | null, value: never): Node | string {
  const schedule = requirements?.schedule;
  if (!schedule) return triggerText(value);
  return h(
    'div',
    {},
    h('p', {}, triggerText(value)),
    h('p', { class: 'schedule-words' }, schedule.words),
    h('p', { class: 'next-runs' }, 'Next runs: ', schedule.nextRuns.map((run) => runText(run, schedule.timezone)).join('; ')),
  );
}

function fieldValue(key: FieldKey, field: Field<unknown>, requirements: Requirements | null): Node | string {
  const value = field.value as never;
  if (value === null || value === undefined) return '';
  switch (key) {
    case 'trigger':
      return triggerValue(requirements, value);
    case 'destinations':
      return list((value as Parameters<typeof destinationText>[0][]).map(destinationText));
    case 'integrations':
      return (value as string[]).map(integrationName).join(', ');
    case 'steps':
      return list(value, true);
    case 'filters':
      return list((value as Parameters<typeof filterText>[0][]).map(filterText));
    default:
      return String(value);
  }
}

function renderRequirements(requirements: Requirements | null, missing: string[]): void {
  const dl = byId('requirements');
  dl.replaceChildren();
  for (const [key, label] of FIELDS) {
    const field = (requirements?.[key] as Field<unknown> | undefined) ?? { value: null, status: 'missing' as const };
    const status = field.status === 'missing' ? (missing.includes(key) ? 'needed' : 'missing') : field.status;
    dl.append(
      h('div', { class: `field field-${status}`, 'data-field': key }, h('dt', {}, label, ' ', mark(status)), h('dd', {}, fieldValue(key, field, requirements))),
    );
  }
}

const CONNECTION_TEXT: Record<Connection['status'], string> = {
  pending: 'waiting to connect',
  connected: '✓ connected',
  denied: '✗ access denied',
  failed: '✗ failed',
  expired: '✗ timed out',
  skipped: 'skipped',
};

function renderConnections(connections: Connection[]): void {
  const ul = byId('connections');
  ul.replaceChildren(
    ...connections.map((c) =>
      h('li', { class: `conn conn-${c.status}`, 'data-integration': c.id }, h('span', {}, integrationName(c.id)), h('span', { class: 'conn-status' }, CONNECTION_TEXT[c.status] ?? c.status)),
    ),
  );
  if (connections.length === 0) ul.append(h('li', { class: 'empty' }, 'None yet.'));
}

/** The draft agent: the whole spec when the `draft` event was seen, else just its id (from the SessionView). */
function renderDraft(agent: DraftAgent | null, draftAgentId: string | null): void {
  const section = byId('draft-section');
  const box = byId('draft');
  section.hidden = !agent && !draftAgentId;
  if (!agent) {
    box.replaceChildren(draftAgentId ? h('p', {}, `Draft ${draftAgentId}`) : '');
    return;
  }
  byId('draft-title').textContent = agent.status === 'active' ? 'Your agent' : 'Draft agent';
  const steps = h('ol', { class: 'steps' });
  for (const step of agent.steps ?? []) {
    const via = step.integration ? h('strong', {}, `${integrationName(step.integration)} · `) : '';
    steps.append(h('li', {}, via, step.action, step.description ? ` — ${step.description}` : ''));
  }
  box.replaceChildren(
    h('h3', {}, agent.name, ' ', h('span', { class: 'badge' }, agent.status)),
    agent.description ? h('p', {}, agent.description) : '',
    h('p', {}, h('strong', {}, 'Runs: '), triggerText(agent.trigger)),
    h('p', {}, h('strong', {}, 'Uses: '), (agent.integrations ?? []).map(integrationName).join(', ')),
    steps,
  );
}

function renderTests(result: TestResult | null): void {
  const section = byId('tests-section');
  const box = byId('tests');
  section.hidden = !result;
  if (!result) return box.replaceChildren();
  const cases = result.cases ?? [];
  const passed = cases.filter((c) => c.passed).length;
  const ul = h('ul', { class: 'cases' });
  for (const c of cases) {
    ul.append(
      h(
        'li',
        { class: c.passed ? 'pass' : 'fail' },
        h('span', { 'aria-hidden': 'true' }, c.passed ? '✓ ' : '✗ '),
        h('span', { class: 'sr-only' }, c.passed ? 'passed: ' : 'failed: '),
        c.name,
        c.output ? h('details', {}, h('summary', {}, 'Output'), h('pre', {}, c.output)) : '',
      ),
    );
  }
  box.replaceChildren(h('p', { class: result.passed ? 'verdict pass' : 'verdict fail' }, result.passed ? `Passed ${passed} of ${cases.length}` : `Failed: ${passed} of ${cases.length} passed`), ul);
}

/** The side panel's state: requirements, connections, draft agent and test run. */
export class AgentPanels {
  private requirements: Requirements | null = null;
  private missing: string[] = [];
  private connections = new Map<string, Connection>();
  private draft: DraftAgent | null = null;
  private draftAgentId: string | null = null;

  reset(): void {
    this.requirements = this.draft = this.draftAgentId = null;
    this.missing = [];
    this.connections.clear();
    this.render();
    renderTests(null);
  }

  /** The SessionView is the authority (on load, after each turn); the draft spec and tests only come in events. */
  absorb(view: SessionView): void {
    this.requirements = view.context?.requirements ?? this.requirements;
    this.missing = view.context?.missing ?? this.missing;
    this.connections = new Map((view.context?.integrations ?? []).map((c) => [c.id, c]));
    if (view.draftAgentId !== this.draftAgentId) this.draft = null;
    this.draftAgentId = view.draftAgentId;
    if (!view.draftAgentId) renderTests(null);
    this.render();
  }

  setRequirements(requirements: Requirements | undefined, missing: string[] | undefined): void {
    this.requirements = requirements ?? this.requirements;
    this.missing = missing ?? [];
    this.render();
  }

  setConnection(id: string, provider: string, status: Connection['status']): void {
    if (!id || id === 'undefined') return;
    this.connections.set(id, { id, provider, status });
    this.render();
  }

  setDraft(agent: DraftAgent | undefined, draftAgentId: string | undefined): void {
    this.draft = agent ?? null;
    this.draftAgentId = draftAgentId ?? agent?.id ?? null;
    this.render();
  }

  setTests(result: TestResult): void {
    renderTests(result);
  }

  private render(): void {
    renderRequirements(this.requirements, this.missing);
    renderConnections([...this.connections.values()]);
    renderDraft(this.draft, this.draftAgentId);
  }
}
