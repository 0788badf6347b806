// The free slots of one session type, from now to as far ahead as it may be booked, in a zone.
// The server answers at most 93 days a request, so a long horizon comes in pieces: the first
// piece when the picker opens (and the next ones at once while nothing has been found), the
// rest when the client asks to look further ahead. A change of type or zone starts again; an
// answer for an older request is ignored.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../../api/client';
import { listSlots, maxSlotRangeDays, type Slot } from '../../api/scheduling';

const day = 86_400_000;

export type SlotRange =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | {
      status: 'ready';
      slots: Slot[];
      practitionerZone: string;
      /** The range asked for so far, RFC 3339. */
      from: string;
      until: string;
      /** The whole horizon has been asked for. */
      complete: boolean;
      /** A further piece is on its way. */
      loadingMore: boolean;
      /** The last further piece could not be fetched. */
      moreFailed: boolean;
    };

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

interface Options {
  client: ApiClient;
  sessionType: string;
  horizonDays: number;
  timeZone: string;
  /** For tests and screens that must agree on "now". */
  now?: () => number;
}

export function useSlotRange({ client, sessionType, horizonDays, timeZone, now = Date.now }: Options) {
  const [range, setRange] = useState<SlotRange>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const generation = useRef(0);
  const controller = useRef<AbortController | undefined>(undefined);

  const fetchPiece = useCallback(
    async (from: number, end: number, signal: AbortSignal) => {
      const until = Math.min(from + maxSlotRangeDays * day, end);
      const answer = await listSlots({ session_type: sessionType, from: iso(from), to: iso(until), tz: timeZone }, client, { signal });
      return { answer, until };
    },
    [client, sessionType, timeZone],
  );

  useEffect(() => {
    const mine = ++generation.current;
    const abort = new AbortController();
    controller.current = abort;
    setRange({ status: 'loading' });
    const start = Math.floor(now() / 60_000) * 60_000;
    // A day more than the horizon: the server cuts at the horizon itself.
    const end = start + (horizonDays + 1) * day;
    (async () => {
      const slots: Slot[] = [];
      let practitionerZone = '';
      let until = start;
      // While nothing is free, keep looking to the end of the horizon.
      do {
        const piece = await fetchPiece(until, end, abort.signal);
        slots.push(...piece.answer.slots);
        practitionerZone = piece.answer.practitioner_time_zone;
        until = piece.until;
      } while (slots.length === 0 && until < end);
      if (mine !== generation.current) return;
      setRange({
        status: 'ready',
        slots,
        practitionerZone,
        from: iso(start),
        until: iso(until),
        complete: until >= end,
        loadingMore: false,
        moreFailed: false,
      });
    })().catch((error: unknown) => {
      if (mine === generation.current && !abort.signal.aborted) setRange({ status: 'error', error });
    });
    return () => abort.abort();
  }, [fetchPiece, horizonDays, attempt]);

  /** Asks for the next piece of the horizon. */
  const loadMore = useCallback(async () => {
    if (range.status !== 'ready' || range.complete || range.loadingMore) return;
    const mine = generation.current;
    const start = Date.parse(range.from);
    const end = start + (horizonDays + 1) * day;
    setRange({ ...range, loadingMore: true, moreFailed: false });
    try {
      const piece = await fetchPiece(Date.parse(range.until), end, controller.current!.signal);
      if (mine !== generation.current) return;
      setRange({
        ...range,
        slots: [...range.slots, ...piece.answer.slots],
        until: iso(piece.until),
        complete: piece.until >= end,
        loadingMore: false,
        moreFailed: false,
      });
    } catch {
      if (mine === generation.current) setRange({ ...range, loadingMore: false, moreFailed: true });
    }
  }, [range, fetchPiece, horizonDays]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { range, loadMore, retry };
}
