import type { RequirementEdit } from '../../conversation/requirements/edits.js';
import type { Recurrence } from '../../conversation/requirements/recurrence.js';
import type { Destination } from '../../conversation/requirements/requirements.js';
import { scheduleTrigger } from '../../conversation/requirements/schedule-words.js';

/**
 * An item of a list pointed at by its place rather than named: "remove the second channel", "drop the first
 * one", "lose the last time", "just keep the first channel". People say it of what the summary showed them, so
 * the place counts in the order shown (destinations as added, times from the earliest).
 */

const REMOVE = String.raw`remove|drop|delete|lose|ditch|skip|cancel|forget|get rid of|take out|no more|don'?t need|not|without`;
const KEEP = String.raw`just|only|keep(?: only| just)?|just keep|only keep`;
const PLACE = String.raw`first|second|third|fourth|last|1st|2nd|3rd|4th|final`;
const TIME_NOUN = String.raw`time|times|run|runs|slot|one at`;
const PLACE_NOUN = String.raw`channel|destination|recipient|address|email|e-mail|place`;
const BY_PLACE = new RegExp(
  String.raw`\b(?:(${REMOVE})|(${KEEP}))\s+(?:the\s+)?(${PLACE})\s+(?:(${TIME_NOUN})|(${PLACE_NOUN})|(one))\b`,
);
/** Guard: BY_PLACE names one of the places. */
const PLACE_WORDS = /\b(?:first|second|third|fourth|last|final|1st|2nd|3rd|4th)\b/;

const INDEX: Readonly<Record<string, number>> = { first: 0, '1st': 0, second: 1, '2nd': 1, third: 2, '3rd': 2, fourth: 3, '4th': 3 };

function indexOf(place: string, length: number): number | null {
  const index = place === 'last' || place === 'final' ? length - 1 : (INDEX[place] ?? -1);
  return index >= 0 && index < length ? index : null;
}

/**
 * The edits for an item pointed at by its place, or none. "One" means the list that has several: the times
 * when the schedule has several and there is one destination, the destinations the other way round; with
 * several of both, it could be either, and nothing is done.
 */
export function editsByPlace(norm: string, destinations: readonly Destination[], recurrence: Recurrence | undefined): RequirementEdit[] {
  if (!PLACE_WORDS.test(norm)) return [];
  const m = BY_PLACE.exec(norm);
  if (!m) return [];
  const removing = m[1] !== undefined;
  const place = m[3] ?? '';
  const times = recurrence && !recurrence.every ? [...recurrence.times].sort() : [];
  const severalTimes = times.length > 1;
  const severalPlaces = destinations.length > 1;
  const ofTimes = m[4] !== undefined || (m[6] !== undefined && severalTimes && !severalPlaces);
  const ofPlaces = m[5] !== undefined || (m[6] !== undefined && severalPlaces && !severalTimes);

  if (ofTimes && recurrence && severalTimes) {
    const at = indexOf(place, times.length);
    if (at === null) return [];
    const kept = removing ? times.filter((_, i) => i !== at) : [times[at] ?? ''];
    return [{ op: 'replace', field: 'trigger', value: scheduleTrigger({ ...recurrence, times: kept }) }];
  }
  if (ofPlaces && severalPlaces) {
    const at = indexOf(place, destinations.length);
    if (at === null) return [];
    const dropped = removing ? [destinations[at]] : destinations.filter((_, i) => i !== at);
    return dropped.flatMap((d) => (d ? [{ op: 'remove' as const, field: 'destinations' as const, value: { ...d } }] : []));
  }
  return [];
}
