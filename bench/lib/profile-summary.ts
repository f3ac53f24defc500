/** A V8 CPU profile (`.cpuprofile`, as `--cpu-prof` or the inspector writes it). */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileLine {
  /** `function file:line`, the file shortened to its last two path parts. */
  frame: string;
  /** Share of the busy (non-idle) time spent in the frame or below it. */
  inclusivePct: number;
  /** Share of the busy time spent in the frame itself. */
  selfPct: number;
}

export interface ProfileSummary {
  busyMs: number;
  idleMs: number;
  /** Busy time by part of the system (each sample goes to the innermost frame that names one), percent. */
  byPart: { part: string; pct: number }[];
  /** Frames of the service's own code (`/src/`), by inclusive time. */
  service: ProfileLine[];
  /** Every frame by self time (runtime, framework, GC included). */
  self: ProfileLine[];
}

/** Parts of the system, matched on a frame's file (or function); the first match from the leaf up wins. */
const PARTS: [string, RegExp][] = [
  ['garbage collection', /^\(garbage collector\)/],
  ['session store (serialising the session)', /conversation\/store\/|redis-session-store|ioredis/],
  ['interpreter', /\/interpreter\//],
  ['phase handlers, requirements, agent generator', /conversation\/phases\/|conversation\/requirements\/|agent-generator\/|conversation\/machine\//],
  ['metrics', /\/metrics\/|prom-client/],
  ['logging', /pino|\/logging\//],
  ['rate limits, idempotency', /rate-limiter-flexible|\/http\/(ip-)?rate-limit|idempotenc/],
  ['identity', /\/identity\//],
  ['request id, security headers, CORS', /helmet|\/cors\/|security-headers|request-id/],
  ['turn service, engine, lease, event bus', /conversation\.service|turn-engine|session-lease|conversation\/events\/|rxjs/],
  ['SSE framing', /common\/sse-writer|messages\.controller|events\.controller/],
  ['body parsing', /body-parser|raw-body|iconv|type-is|content-type/],
  ['Nest and Express', /@nestjs|express|router|finalhandler|send\/|on-finished/],
  ['Node HTTP and sockets', /node:_http|node:net|node:internal\/(stream_base|streams|http)|_http_|^writev|^writeUtf8String|^writeBuffer/],
  ['inspector (profiling itself)', /^dispatch /],
];

function partOf(names: string[]): string {
  for (const name of names) for (const [part, pattern] of PARTS) if (pattern.test(name)) return part;
  return 'other (runtime, microtasks, timers)';
}

function frameName(frame: CpuProfile['nodes'][number]['callFrame']): string {
  const file = frame.url.replace(/^file:\/\//, '').split('/').slice(-2).join('/');
  return `${frame.functionName || '(anonymous)'} ${file}${file ? `:${frame.lineNumber + 1}` : ''}`;
}

/**
 * Where the busy time of a profile went: inclusive time of the service's own functions (each sample
 * counted once per function on its stack) and the top frames by self time.
 */
export function summarizeProfile(profile: CpuProfile, top = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const inclusive = new Map<string, number>();
  const self = new Map<string, number>();
  const ownCode = new Set<string>();
  const parts = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  profile.samples.forEach((sample, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    const leaf = byId.get(sample)!;
    if (leaf.callFrame.functionName === '(idle)') {
      idle += delta;
      return;
    }
    busy += delta;
    const leafName = frameName(leaf.callFrame);
    self.set(leafName, (self.get(leafName) ?? 0) + delta);
    const seen = new Set<string>();
    const stack: string[] = [];
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id)!.callFrame;
      const name = frameName(frame);
      stack.push(`${frame.functionName} ${frame.url}`);
      if (seen.has(name)) continue;
      seen.add(name);
      if (frame.url.includes('/src/') && !frame.url.includes('node_modules')) ownCode.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + delta);
    }
    const part = partOf(stack.map((entry) => entry.replace(/^ /, '')));
    parts.set(part, (parts.get(part) ?? 0) + delta);
  });
  const line = (frame: string): ProfileLine => ({
    frame,
    inclusivePct: (100 * (inclusive.get(frame) ?? 0)) / busy,
    selfPct: (100 * (self.get(frame) ?? 0)) / busy,
  });
  return {
    busyMs: busy / 1000,
    idleMs: idle / 1000,
    byPart: [...parts].sort((a, b) => b[1] - a[1]).map(([part, time]) => ({ part, pct: (100 * time) / busy })),
    service: [...ownCode].sort((a, b) => inclusive.get(b)! - inclusive.get(a)!).slice(0, top).map(line),
    self: [...self.keys()].sort((a, b) => self.get(b)! - self.get(a)!).slice(0, top).map(line),
  };
}

export function formatSummary(name: string, summary: ProfileSummary): string {
  const rows = (lines: ProfileLine[], key: 'inclusivePct' | 'selfPct'): string =>
    lines.map((entry) => `    ${entry[key].toFixed(1).padStart(5)} %  ${entry.frame}`).join('\n');
  const parts = summary.byPart.map((entry) => `    ${entry.pct.toFixed(1).padStart(5)} %  ${entry.part}`).join('\n');
  return (
    `  ${name}: ${summary.busyMs.toFixed(0)} ms busy\n` +
    `   by part of the system (self time, innermost named frame):\n${parts}\n` +
    `   service code, inclusive:\n${rows(summary.service, 'inclusivePct')}\n` +
    `   all frames, self:\n${rows(summary.self, 'selfPct')}`
  );
}
