import type { ConversationState } from '../state.js';

/**
 * How a session's state is laid out in its Redis hash, so that a commit sends what changed rather than
 * the whole state. The three lists a turn appends to (the phase history, the transcript, the edit
 * history) are fields of their own, `h`, `tr` and `eh`, one JSON item per line; `st` holds the rest.
 * A commit appends the new items of a list and names how many old ones fell off the front (the lists
 * are capped), or writes the list whole; a list the turn left alone is not sent. Measured (issue 13):
 * the lists are about two thirds of a state's JSON (history 2.1 KB, transcript 2 KB, edit history
 * 2.4 KB of 8.2 KB at the benchmark's mix), and sending them every turn was a third of a turn's CPU on
 * Redis (stringify and the socket write).
 *
 * A delta is only valid against the state the caller based it on: the save script checks that the
 * session's last commit is that state's (`c`) and that each list it appends to or keeps is present, and
 * refuses otherwise (the caller then writes every list whole). A record written before this layout has
 * no `h` field and its `st` holds the whole state; it is read as it is, and its first save rewrites it.
 *
 * JSON.stringify without indentation never writes a raw line break (it escapes them inside strings),
 * so a line is exactly one item.
 */

/** The list fields, in the order of the save script's arguments. */
export const LIST_FIELDS = ['h', 'tr', 'eh'] as const;
export type ListField = (typeof LIST_FIELDS)[number];

/**
 * What a commit does to one list: leave it (`''`), append `lines` after dropping `drop` items from its
 * front (`'+'`), write it whole (`'!'`), or delete it (`'-'`: the state has no such list, as sessions
 * from before the edit history have none).
 */
export type ListOp = readonly [op: '' | '+' | '!' | '-', drop: number, lines: string];

type Lists = Record<ListField, readonly unknown[] | undefined>;

/** What the ops read of a state: a working state or a frozen, committed one. */
interface WithLists {
  readonly history: readonly unknown[];
  readonly context: { readonly transcript: readonly unknown[]; readonly editHistory?: readonly unknown[] };
}

function listsOf(state: WithLists): Lists {
  return { h: state.history, tr: state.context.transcript, eh: state.context.editHistory };
}

/** The state without its lists: the `st` field. */
export function coreJson(state: ConversationState): string {
  const { history: _history, context, ...rest } = state;
  const { transcript: _transcript, editHistory: _editHistory, ...kept } = context;
  return JSON.stringify({ ...rest, context: kept });
}

const lines = (items: readonly unknown[], from: number): string => {
  let out = '';
  for (let index = from; index < items.length; index++) out += (index > from ? '\n' : '') + JSON.stringify(items[index]);
  return out;
};

/**
 * The op that turns `base` into `next`. States are never changed in place and a turn carries the items
 * it keeps over by reference (`[...list, item].slice(-cap)`), so an append is recognised by identity:
 * `next` starts with the last items of `base`. Anything else (an undo, a reset) is a whole write.
 */
export function listOp(base: readonly unknown[] | undefined, next: readonly unknown[] | undefined): ListOp {
  if (next === undefined) return ['-', 0, ''];
  if (base === next) return ['', 0, ''];
  if (base !== undefined) {
    if (base.length === 0) return ['+', 0, lines(next, 0)];
    const shared = next.lastIndexOf(base[base.length - 1]) + 1;
    let follows = shared > 0;
    for (let index = 0; follows && index < shared; index++) follows = next[index] === base[base.length - shared + index];
    if (follows) return ['+', base.length - shared, lines(next, shared)];
  }
  return ['!', 0, lines(next, 0)];
}

/** The ops of a commit of `next`; with no `base` (its last commit not held here), every list whole. */
export function listOps(base: WithLists | undefined, next: WithLists): ListOp[] {
  const nextLists = listsOf(next);
  const baseLists = base ? listsOf(base) : undefined;
  return LIST_FIELDS.map((field) => listOp(baseLists ? baseLists[field] : undefined, nextLists[field]));
}

const parseLines = (value: string): unknown[] => (value === '' ? [] : (JSON.parse(`[${value.replaceAll('\n', ',')}]`) as unknown[]));

/**
 * The state of a hash read as `st, h, tr, eh` (absent fields null), and whether the record is in this layout
 * (`split`). A `st` that holds the history is a whole state, written by a release before this layout (there is
 * then no `h`, or, when such a replica saved a session after a newer one, an `h` it left behind): it is read as
 * it is, and is not `split`. Only a `split` record's lists may be appended to: the others are stale or absent.
 */
export function assembled(st: string, h: string | null, tr: string | null, eh: string | null): { state: ConversationState; split: boolean } {
  const state = JSON.parse(st) as ConversationState;
  if (h === null || state.history !== undefined) return { state, split: false };
  state.history = parseLines(h) as ConversationState['history'];
  state.context.transcript = parseLines(tr ?? '') as ConversationState['context']['transcript'];
  if (eh !== null) state.context.editHistory = parseLines(eh) as NonNullable<ConversationState['context']['editHistory']>;
  return { state, split: true };
}
