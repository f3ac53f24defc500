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
  /** Frames of the service's own code (`/src/`), by inclusive time. */
  service: ProfileLine[];
  /** Every frame by self time (runtime, framework, GC included). */
  self: ProfileLine[];
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
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id)!.callFrame;
      const name = frameName(frame);
      if (seen.has(name)) continue;
      seen.add(name);
      if (frame.url.includes('/src/') && !frame.url.includes('node_modules')) ownCode.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + delta);
    }
  });
  const line = (frame: string): ProfileLine => ({
    frame,
    inclusivePct: (100 * (inclusive.get(frame) ?? 0)) / busy,
    selfPct: (100 * (self.get(frame) ?? 0)) / busy,
  });
  return {
    busyMs: busy / 1000,
    idleMs: idle / 1000,
    service: [...ownCode].sort((a, b) => inclusive.get(b)! - inclusive.get(a)!).slice(0, top).map(line),
    self: [...self.keys()].sort((a, b) => self.get(b)! - self.get(a)!).slice(0, top).map(line),
  };
}

export function formatSummary(name: string, summary: ProfileSummary): string {
  const rows = (lines: ProfileLine[], key: 'inclusivePct' | 'selfPct'): string =>
    lines.map((entry) => `    ${entry[key].toFixed(1).padStart(5)} %  ${entry.frame}`).join('\n');
  return (
    `  ${name}: ${summary.busyMs.toFixed(0)} ms busy\n` +
    `   service code, inclusive:\n${rows(summary.service, 'inclusivePct')}\n` +
    `   all frames, self:\n${rows(summary.self, 'selfPct')}`
  );
}
