import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { type CpuProfile, formatSummary, summarizeProfile } from './lib/profile-summary.js';

/** `node dist/bench/profile-summary.js <file.cpuprofile>… [--top=N]`: where each profile's busy time went. */
const top = Number(process.argv.find((arg) => arg.startsWith('--top='))?.slice(6) ?? 20);
for (const file of process.argv.slice(2).filter((arg) => !arg.startsWith('--'))) {
  console.log(formatSummary(basename(file), summarizeProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, top)));
}
