/**
 * Values taken back in the same breath: "on the 31st... no, the 30th", "at 8am — sorry, 9am", "every monday,
 * wait no, tuesday", "the 1st and 15th? no, just the 15th". What follows the cue replaces the last value of the
 * same kind said before it, so that the schedule readers see only the later one.
 */

/** A cue that takes back what was just said, with the filler words that may come before the new value. */
const CUE =
  /(?:\.{2,}|…|[,;:!?-]+|\s)\s*(?:(?:no|nope|nah|wait|sorry|oops|actually|correction|i mean|i meant|or rather|rather|scratch that|make (?:it|that))\b[,.!:-]*\s*)+(?:(?:the|at|on|every|just|only|its|it's|to)\s+)*/g;
/** Guard: CUE names one of these. */
const CUE_WORDS = ['no', 'nah', 'wait', 'sorry', 'oops', 'actually', 'correction', 'mean', 'rather', 'scratch', 'make '];

const JOIN = String.raw`\s*(?:,\s*and|,|and|&|or|\/)\s*(?:the\s+)?`;
const ORDINAL = String.raw`\d{1,2}(?:st|nd|rd|th)\b`;
const CLOCK = String.raw`(?:\d{1,2}(?::[0-5]\d)?\s*(?:a\.?m\.?|p\.?m\.?)|\d{1,2}:[0-5]\d|noon|midnight|midday)(?![a-z\d])`;
const BARE = String.raw`\d{1,2}(?![\d:]|\s*(?:st|nd|rd|th|%|percent|minutes?|mins?|hours?|hrs?|days?|items?|people)\b)`;
const DAY = String.raw`(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?s?\b`;
const SPAN = String.raw`\d{1,3}\s*(?:minutes?|mins?|m|hours?|hrs?|h)\b`;

interface Kind {
  /** The values of this kind said before the cue (a run: "the 1st and 15th", "8am and 5pm"), the last one taken back. */
  before: RegExp;
  /** The new value right after the cue. */
  after: RegExp;
}

const run = (item: string): string => `(?:${item})(?:${JOIN}(?:${item}))*`;
const KINDS: readonly Kind[] = [
  {
    before: new RegExp(`(?:${run(ORDINAL)}|\\blast (?:day|business day|weekday|working day)\\b)`, 'g'),
    after: new RegExp(`^${run(ORDINAL)}`),
  },
  { before: new RegExp(`(?<![\\d:])(?:${run(CLOCK)}|(?<=\\b(?:at|@)\\s+)${run(BARE)})`, 'g'), after: new RegExp(`^${run(`${CLOCK}|${BARE}`)}`) },
  { before: new RegExp(`\\b${run(DAY)}`, 'g'), after: new RegExp(`^${run(DAY)}`) },
  { before: new RegExp(`(?<=\\bevery\\s+)${SPAN}`, 'g'), after: new RegExp(`^(?:every\\s+)?(${SPAN})`) },
];
/** How far before the cue the value taken back may be ("at 8am on weekdays — sorry, 9am"). */
const REACH = 60;
const MERIDIEM = /(a\.?m\.?|p\.?m\.?)$/;

/** `text` with each value taken back replaced by the one said after the cue (offsets are not kept). */
export function withoutTakenBack(text: string): string {
  if (!CUE_WORDS.some((word) => text.includes(word))) return text;
  let out = text;
  CUE.lastIndex = 0;
  for (let cue = CUE.exec(out); cue !== null; cue = CUE.exec(out)) {
    const cueEnd = cue.index + cue[0].length;
    const rest = out.slice(cueEnd);
    for (const kind of KINDS) {
      const said = kind.after.exec(rest);
      if (!said) continue;
      const from = Math.max(0, cue.index - REACH);
      let last: RegExpExecArray | null = null;
      kind.before.lastIndex = 0;
      const window = out.slice(from, cue.index + 1);
      for (let m = kind.before.exec(window); m !== null; m = kind.before.exec(window)) last = m;
      if (!last) continue;
      // The new value takes the old one's place too (after its "at", "on the", "every"): the readers see it twice, never the old one.
      const start = from + last.index;
      const replacement = withMeridiem(said[1] ?? said[0], last[0]);
      out = out.slice(0, start) + replacement + out.slice(start + last[0].length);
      CUE.lastIndex = cueEnd + replacement.length - last[0].length;
      break;
    }
  }
  return out;
}

/** "8pm, no 9": a bare hour taking back a time keeps its am/pm. */
function withMeridiem(value: string, takenBack: string): string {
  if (!/^\d{1,2}$/.test(value)) return value;
  const meridiem = MERIDIEM.exec(takenBack);
  return meridiem ? `${value}${meridiem[1]}` : value;
}
