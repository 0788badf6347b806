// The sentences of the journal insights: one per chart, worked out from the server's numbers and
// said plainly. They describe what the learner noted and never claim a cause or name a
// condition: "you noted", "seemed to help". Names of choices come from journal-words.ts; only
// the phrasing of whole sentences lives here. Pure functions, so the page and the tests agree.
import type { DayPart, HelpedInsight, InsightWeek, JournalInsights, StateOrUnknown } from '../../../api/journal';
import { helpedName, signName, stateName, urgeName } from '../journal-words';

/** "1 trigger log", "3 trigger logs". */
export function logsWords(count: number): string {
  return count === 1 ? '1 trigger log' : `${count} trigger logs`;
}

/** "1 log", "3 logs". */
function shortLogs(count: number): string {
  return count === 1 ? '1 log' : `${count} logs`;
}

/** Below the minimum: how many there are and how many more it takes, kindly. */
export function notYetWords(count: number, minimum: number): string {
  const more = Math.max(1, minimum - count);
  const sofar = count === 0 ? 'You have not written a trigger log yet.' : `You have written ${logsWords(count)} so far.`;
  const needed = more === 1 ? 'one more will do it' : `${more} more will do it`;
  return `${sofar} Patterns show here once there are ${minimum}, so ${needed}.`;
}

/** Entries that could not be opened, said without alarm. */
export function unreadableWords(count: number): string {
  const which = count === 1 ? 'One journal entry' : `${count} journal entries`;
  const verb = count === 1 ? 'it is' : 'they are';
  return `${which} couldn’t be opened just now, so ${verb} left out of these patterns. Everything else you wrote is counted.`;
}

/** The trigger logs the lists count: every one that could be read (time of day names each once). */
export function readableCount(insights: JournalInsights): number {
  return insights.time_of_day.reduce((sum, part) => sum + part.count, 0);
}

/** How a state reads inside a sentence: "stirred up", "not sure". */
export function stateInSentence(state: StateOrUnknown): string {
  return lowerFirst(stateName(state));
}

/** State totals over the weeks shown, in the order the chart stacks them. */
export const stackOrder: StateOrUnknown[] = ['activated', 'shut_down', 'settled', 'unknown'];

export function stateTotals(weeks: InsightWeek[]): Record<StateOrUnknown, number> {
  const totals: Record<StateOrUnknown, number> = { activated: 0, shut_down: 0, settled: 0, unknown: 0 };
  for (const week of weeks) for (const state of stackOrder) totals[state] += week.states[state] ?? 0;
  return totals;
}

export function weeksSentence(weeks: InsightWeek[]): string {
  const total = weeks.reduce((sum, week) => sum + week.count, 0);
  const span = weeks.length === 1 ? 'this week' : `the last ${weeks.length} weeks`;
  if (total === 0) return `None of your trigger logs fall in ${span}.`;
  const totals = stateTotals(weeks);
  const top = leaders(stackOrder.map((state) => ({ id: state, count: totals[state] })));
  const opening = `Over ${span} you wrote ${logsWords(total)}`;
  if (top.length === 0) return `${opening}.`;
  if (top.length > 1) {
    const named = top.map((item) => stateText(item.id as StateOrUnknown));
    return `${opening}; you noted ${join(named)} equally often (${top[0]!.count} each).`;
  }
  const only = top[0]!;
  const how = only.count === total ? 'each time' : `in ${only.count} of them`;
  return `${opening}; ${how} you noted ${stateText(only.id as StateOrUnknown)}.`;
}

/** "feeling stirred up", "that you were not sure of your state". */
function stateText(state: StateOrUnknown): string {
  return state === 'unknown' ? 'that you were not sure of your state' : `feeling ${stateInSentence(state)}`;
}

export function signsSentence(insights: JournalInsights): string {
  const top = leaders(insights.signs.map((s) => ({ id: s.sign, count: s.count })));
  if (top.length === 0) return 'None of your trigger logs named a sign yet.';
  const of = readableCount(insights);
  if (top.length > 1) {
    return `${capitalise(join(top.map((s) => lowerFirst(signName(s.id)))))} came up most often, in ${shortLogs(top[0]!.count)} each out of ${of}.`;
  }
  return `The sign you noted most often was ${lowerFirst(signName(top[0]!.id))}, in ${top[0]!.count} of ${shortLogs(of)}.`;
}

export function urgesSentence(insights: JournalInsights): string {
  const top = leaders(insights.urges.map((u) => ({ id: u.urge, count: u.count })));
  if (top.length === 0) return 'None of your trigger logs noted an urge yet.';
  const of = readableCount(insights);
  const quoted = top.map((u) => `“${urgeName(u.id)}”`);
  if (top.length > 1) return `The urges you noted most often were ${join(quoted)}, in ${shortLogs(top[0]!.count)} each out of ${of}.`;
  return `The urge you noted most often was ${quoted[0]}, in ${top[0]!.count} of ${shortLogs(of)}.`;
}

/** "Down 3.4 points on average, based on 5 rated logs"; "Not enough ratings yet (named in 1 log)". */
export function helpedRowWords(item: HelpedInsight): string {
  if (item.mean_drop === null) return `Not enough ratings yet (named in ${shortLogs(item.count)})`;
  const based = `based on ${item.rated} rated ${item.rated === 1 ? 'log' : 'logs'}`;
  if (item.mean_drop === 0) return `No change on average, ${based}`;
  const size = points(Math.abs(item.mean_drop));
  return `${item.mean_drop > 0 ? 'Down' : 'Up'} ${size} on average, ${based}`;
}

export function helpedSentence(insights: JournalInsights): string {
  if (insights.helped.length === 0) return 'None of your trigger logs noted what helped yet.';
  const rated = insights.helped.filter((item) => item.mean_drop !== null);
  if (rated.length === 0) {
    return 'To see what seemed to help most, rate how strong the feeling was before and after: each choice shows here once 2 logs naming it are rated.';
  }
  const best = Math.max(...rated.map((item) => item.mean_drop!));
  if (best <= 0) {
    return 'So far, the intensity you rated did not go down on average after what you noted; it can take a few tries to find what suits you.';
  }
  const top = rated.filter((item) => item.mean_drop === best);
  const names = join(top.map((item) => `“${helpedName(item.helped)}”`));
  const verb = top.length > 1 ? 'seemed to help most, equally' : 'seemed to help most';
  const basis = top.length > 1 ? 'in the logs you rated before and after' : `across ${top[0]!.rated} logs you rated before and after`;
  return `${names} ${verb}: the intensity you rated went down by ${points(best)} ${best === 1 ? 'point' : 'points'} on average, ${basis}.`;
}

/** Where a part of the day sits in a sentence. */
const dayPartPhrase: Record<DayPart, string> = {
  night: 'at night',
  morning: 'in the morning',
  afternoon: 'in the afternoon',
  evening: 'in the evening',
};

export function timeSentence(insights: JournalInsights): string {
  const total = readableCount(insights);
  const top = leaders(insights.time_of_day.map((p) => ({ id: p.part, count: p.count })));
  if (total === 0 || top.length === 0) return 'None of your trigger logs could be placed in the day yet.';
  const phrases = top.map((p) => dayPartPhrase[p.id as DayPart] ?? lowerFirst(p.id));
  if (top.length > 1) return `Your logged triggers came equally often ${join(phrases)}: ${top[0]!.count} each.`;
  const count = top[0]!.count;
  if (count === total) return `All of your logged triggers came ${phrases[0]}.`;
  if (count * 2 > total) return `Most of your logged triggers came ${phrases[0]}: ${count} of ${total}.`;
  return `More of your logged triggers came ${phrases[0]} than at any other time: ${count} of ${total}.`;
}

/** The items sharing the highest count above 0, in the order given. */
function leaders(items: { id: string; count: number }[]): { id: string; count: number }[] {
  const most = Math.max(0, ...items.map((item) => item.count));
  return most === 0 ? [] : items.filter((item) => item.count === most);
}

/** "a", "a and b", "a, b and c". */
function join(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** "3.4", "2": one decimal at most. */
export function points(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
