import { type DestinationStream, type Logger, pino, stdTimeFunctions, symbols } from 'pino';
import { REDACTED_PATHS } from './log-redaction.js';

/** Fields on every line. */
const BASE = { service: 'agent-builder' };

/** Injection token of the application's one pino logger (`LoggingModule`). */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

/**
 * The pino logger every line goes through: JSON with the level as a label, an ISO time, the service's
 * name, and the credential paths of `log-redaction.ts` censored wherever a caller puts them.
 * Without a destination, lines go to stdout.
 */
export function createRootLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: BASE,
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label: string) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    destination,
  );
}

/**
 * Writes one line in the root logger's format (level label, ISO time, service, `fields`, `msg`) straight
 * to its destination, without pino's redaction pass: for lines whose every field is known to hold no
 * secret. The request log writes one per request, and redaction was most of its cost (about 20 µs a line
 * against 2).
 */
export function writeTrustedLine(root: Logger, level: 'info' | 'warn', fields: object, msg: string): void {
  if (!root.isLevelEnabled(level)) return;
  const line = JSON.stringify({ level, time: new Date().toISOString(), ...BASE, ...fields, msg });
  (root as unknown as Record<symbol, DestinationStream>)[symbols.streamSym]!.write(`${line}\n`);
}
