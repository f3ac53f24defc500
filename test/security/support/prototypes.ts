import { STATUS_CODES } from 'node:http';

/**
 * The `Object.prototype`s a request could pollute: the test realm's (Jest runs the app's modules in
 * it) and Node's own (objects made by node core, such as `req.headers`, inherit from that one).
 */
function prototypes(): { name: string; proto: object }[] {
  return [
    { name: 'test realm Object.prototype', proto: Object.prototype },
    { name: 'node core Object.prototype', proto: Object.getPrototypeOf(STATUS_CODES) as object },
    { name: 'Array.prototype', proto: Array.prototype },
    { name: 'Function.prototype', proto: Function.prototype },
  ];
}

export type PrototypeSnapshot = Record<string, string[]>;

/** Own property names of every prototype, to compare before and after. */
export function snapshotPrototypes(): PrototypeSnapshot {
  return Object.fromEntries(prototypes().map(({ name, proto }) => [name, Reflect.ownKeys(proto).map(String).sort()]));
}

/** What changed on the prototypes since `before`, plus any property a plain object now inherits. */
export function pollutionSince(before: PrototypeSnapshot): string[] {
  const problems: string[] = [];
  const after = snapshotPrototypes();
  for (const [name, keys] of Object.entries(after)) {
    const added = keys.filter((key) => !before[name]!.includes(key));
    if (added.length) problems.push(`${name} gained ${added.join(', ')}`);
  }
  for (const probe of ['polluted', 'isAdmin', 'message', 'type', 'userId', 'tenantId']) {
    if (probe in {} || probe in (Object.create(Object.getPrototypeOf(STATUS_CODES) as object) as object)) {
      problems.push(`plain objects inherit "${probe}"`);
    }
  }
  return problems;
}
