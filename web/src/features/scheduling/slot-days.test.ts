// Slots by local day and week in the chosen zone, and their words, across the two weeks of the
// year when the US and the UK change their clocks on different Sundays: from 8 March to
// 29 March 2026 and from 25 October to 1 November 2026, New York is 4 hours behind London
// instead of 5.
import { describe, expect, it } from 'vitest';
import { addDays, mondayOf, slotDays, slotWeeks } from './slot-days';
import { slot, wallTime } from './scheduling-fixtures';
import { dayWords, localDay, slotWords, spanWords, theirTime, timeWords, whenWords, zoneCity } from './time-words';

const ny = 'America/New_York';
const london = 'Europe/London';

function grouped(starts: string[], zone: string) {
  return slotDays(
    starts.map((s) => slot(s, zone)),
    zone,
  ).map((d) => [d.day, d.slots.map((s) => timeWords(s.start, zone))]);
}

describe('slot days in a zone', () => {
  // The UK's clocks go forward at 01:00 UTC on Sunday 29 March 2026.
  const march = ['2026-03-29T03:30:00Z', '2026-03-28T23:30:00Z', '2026-03-28T14:00:00Z', '2026-03-30T14:00:00Z'];

  it('groups spring slots by London’s day: 23:30 on Saturday, 04:30 on Sunday after the change', () => {
    expect(grouped(march, london)).toEqual([
      ['2026-03-28', ['14:00', '23:30']],
      ['2026-03-29', ['04:30']],
      ['2026-03-30', ['15:00']],
    ]);
  });

  it('groups the same slots by New York’s day: 03:30 UTC on Sunday is still Saturday evening there', () => {
    expect(grouped(march, ny)).toEqual([
      ['2026-03-28', ['10:00', '19:30', '23:30']],
      ['2026-03-30', ['10:00']],
    ]);
  });

  it('says both clocks: 4 hours apart on 28 March, 5 hours apart on 30 March', () => {
    expect(slotWords('2026-03-28T14:00:00Z', ny, london)).toBe('10:00 your time (14:00 in London)');
    expect(slotWords('2026-03-30T14:00:00Z', ny, london)).toBe('10:00 your time (15:00 in London)');
    // Another day in London: her weekday is named.
    expect(slotWords('2026-03-29T03:30:00Z', ny, london)).toBe('23:30 your time (04:30 Sunday in London)');
    // The same zone, or a zone whose clock reads the same: one time only.
    expect(slotWords('2026-03-30T14:00:00Z', london, london)).toBe('15:00');
    expect(slotWords('2026-03-30T14:00:00Z', 'Europe/Lisbon', london)).toBe('15:00');
    expect(theirTime('2026-03-30T14:00:00Z', 'Europe/Lisbon', london)).toBe('');
  });

  // The UK's clocks go back at 01:00 UTC on Sunday 25 October 2026; New York's on 1 November.
  const october = ['2026-10-24T14:00:00Z', '2026-10-25T00:30:00Z', '2026-10-25T03:30:00Z', '2026-10-26T14:00:00Z'];

  it('groups autumn slots by London’s day, before and after its clocks go back', () => {
    expect(grouped(october, london)).toEqual([
      ['2026-10-24', ['15:00']],
      ['2026-10-25', ['01:30', '03:30']],
      ['2026-10-26', ['14:00']],
    ]);
  });

  it('groups autumn slots by New York’s day, 5 then 4 hours behind London', () => {
    expect(grouped(october, ny)).toEqual([
      ['2026-10-24', ['10:00', '20:30', '23:30']],
      ['2026-10-26', ['10:00']],
    ]);
    expect(slotWords('2026-10-24T14:00:00Z', ny, london)).toBe('10:00 your time (15:00 in London)');
    expect(slotWords('2026-10-26T14:00:00Z', ny, london)).toBe('10:00 your time (14:00 in London)');
  });

  it('agrees with the server’s own local times', () => {
    for (const start of [...march, ...october]) {
      for (const zone of [ny, london]) {
        expect(localDay(start, zone)).toBe(wallTime(start, zone).slice(0, 10));
        expect(timeWords(start, zone)).toBe(wallTime(start, zone).slice(11, 16));
      }
    }
    expect(wallTime('2026-03-30T08:00:00Z', ny)).toBe('2026-03-30T04:00:00-04:00');
    expect(wallTime('2026-03-30T08:00:00Z', london)).toBe('2026-03-30T09:00:00+01:00');
  });

  it('lays days out in Monday-to-Sunday weeks, keeping weeks with nothing free', () => {
    const days = slotDays(
      ['2026-03-28T14:00:00Z', '2026-04-09T09:00:00Z'].map((s) => slot(s, london)),
      london,
    );
    const weeks = slotWeeks(days, '2026-03-27', '2026-04-10');
    expect(weeks.map((w) => [w.monday, w.count])).toEqual([
      ['2026-03-23', 1],
      ['2026-03-30', 0],
      ['2026-04-06', 1],
    ]);
    expect(weeks[0]!.days.map((d) => d.day)).toEqual([
      '2026-03-23',
      '2026-03-24',
      '2026-03-25',
      '2026-03-26',
      '2026-03-27',
      '2026-03-28',
      '2026-03-29',
    ]);
    expect(weeks[0]!.days[5]!.slots).toHaveLength(1);
    expect(mondayOf('2026-03-29')).toBe('2026-03-23');
    expect(mondayOf('2026-03-30')).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
  });
});

describe('time words', () => {
  it('names days, spans and zones plainly', () => {
    expect(dayWords('2026-03-30')).toBe('Monday 30 March');
    expect(dayWords('2026-03-30', true)).toBe('Monday 30 March 2026');
    expect(whenWords('2026-03-30T08:00:00Z', ny)).toBe('Monday 30 March 2026 at 04:00');
    expect(spanWords('2026-03-30T08:00:00Z', '2026-03-30T08:50:00Z', london)).toBe('Monday 30 March 2026, 09:00 to 09:50');
    expect(zoneCity('America/New_York')).toBe('New York');
    expect(zoneCity('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
    expect(zoneCity('UTC')).toBe('UTC');
  });
});
