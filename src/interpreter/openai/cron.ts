interface CronField {
  min: number;
  max: number;
  names?: readonly string[];
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/** minute, hour, day of month, month, day of week (0 and 7 are Sunday). */
const FIELDS: readonly CronField[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTHS },
  { min: 0, max: 7, names: DAYS },
];

function value(token: string, field: CronField): number | null {
  if (/^\d{1,2}$/.test(token)) {
    const number = Number(token);
    return number >= field.min && number <= field.max ? number : null;
  }
  const index = field.names?.indexOf(token.toUpperCase()) ?? -1;
  if (index < 0) return null;
  return field.names === MONTHS ? index + 1 : index;
}

function validElement(element: string, field: CronField): boolean {
  const [range, step, ...rest] = element.split('/');
  if (range === undefined || rest.length > 0) return false;
  if (step !== undefined && !(/^\d{1,2}$/.test(step) && Number(step) >= 1)) return false;
  if (range === '*') return true;
  const [from, to, ...more] = range.split('-');
  if (from === undefined || more.length > 0) return false;
  const start = value(from, field);
  if (start === null) return false;
  if (to === undefined) return true;
  const end = value(to, field);
  return end !== null && start <= end;
}

/** Normalises whitespace; returns null unless the text is a standard five-field cron expression. */
export function normalizeCron(expression: string): string | null {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== FIELDS.length) return null;
  const valid = fields.every((text, index) => {
    const field = FIELDS[index]!;
    return text.split(',').every((element) => element !== '' && validElement(element, field));
  });
  return valid ? fields.join(' ') : null;
}
