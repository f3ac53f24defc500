/**
 * Reply errors by which Redis refuses to serve now, not because the command is wrong: a full server
 * (`OOM` under `noeviction`), a replica or a failed disk (`READONLY`, `MISCONF`), a server starting or
 * stuck (`LOADING`, `BUSY`), a cluster or replication in trouble (`MASTERDOWN`, `TRYAGAIN`,
 * `CLUSTERDOWN`, `NOREPLICAS`). They all mean "503 `STORE_UNAVAILABLE`, try again later"; before
 * issue 14 `OOM` and `MISCONF` fell through as 500 `INTERNAL_ERROR`.
 */
export const REFUSAL_CODES = [
  'OOM',
  'READONLY',
  'MISCONF',
  'LOADING',
  'BUSY',
  'MASTERDOWN',
  'TRYAGAIN',
  'CLUSTERDOWN',
  'NOREPLICAS',
  'NOTREADY',
] as const;

/**
 * A transaction Redis discarded because a queued command was refused (`OOM` inside `MULTI`); our
 * transactions are well-formed, so the cause can only be a refusal.
 */
const EXEC_ABORT = 'EXECABORT';

/**
 * Whether a Redis failure is a refusal to serve now. Also recognises a refusal raised by a command
 * inside a Lua script, which Redis reports inside the script's error (`… -OOM command not allowed …`,
 * or with the code first in Redis 7).
 */
export function isRedisRefusal(error: unknown): boolean {
  if (!(error instanceof Error) || error.name !== 'ReplyError') return false;
  const message = error.message;
  const code = message.split(' ', 1)[0] ?? '';
  if ((REFUSAL_CODES as readonly string[]).includes(code) || code === EXEC_ABORT) return true;
  // A script's error wraps the refused command's reply: "ERR Error running script … -OOM command not allowed …".
  return REFUSAL_CODES.some((refusal) => message.includes(`-${refusal} `) || message.includes(`: ${refusal} `));
}
