// The journal page's search and filters, kept in its address (/journal?q=&kind=&sign=&state=
// &tag=&from=&to=) so a search can be bookmarked and the back button goes back through searches.
// Read from the address leniently: a value the app does not know is left out, never an error.
// Pure functions.
import {
  journalKinds,
  nervousStates,
  signIds,
  type EntryFilters,
  type JournalKind,
  type NervousState,
} from '../../api/journal';

export interface ListFilters {
  q: string;
  kind: JournalKind | '';
  sign: string;
  state: NervousState | '';
  tag: string;
  /** YYYY-MM-DD, local. */
  from: string;
  to: string;
}

export const noFilters: ListFilters = { q: '', kind: '', sign: '', state: '', tag: '', from: '', to: '' };

const order: (keyof ListFilters)[] = ['q', 'kind', 'sign', 'state', 'tag', 'from', 'to'];
const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);
const oneOf = <T extends string>(list: readonly T[], value: string | undefined): T | '' =>
  (list as readonly string[]).includes(value ?? '') ? (value as T) : '';

export function filtersFromQuery(query: Record<string, string | undefined>): ListFilters {
  const text = (key: string) => (query[key] ?? '').trim();
  return {
    q: text('q'),
    kind: oneOf(journalKinds, query.kind),
    sign: oneOf(signIds, query.sign),
    state: oneOf(nervousStates, query.state),
    tag: text('tag'),
    from: isDate(text('from')) ? text('from') : '',
    to: isDate(text('to')) ? text('to') : '',
  };
}

/** "/journal", or "/journal?q=…&kind=…" with only the filters in use, always in one order. */
export function journalUrl(filters: ListFilters): string {
  const params = new URLSearchParams();
  for (const key of order) {
    const value = filters[key].trim();
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `/journal?${query}` : '/journal';
}

export function hasFilters(filters: ListFilters): boolean {
  return order.some((key) => filters[key].trim() !== '');
}

/** The request for one page: the zone goes along when dates are used (they are local dates). */
export function requestFilters(filters: ListFilters, timeZone: string): EntryFilters {
  const request: EntryFilters = {};
  if (filters.q) request.q = filters.q;
  if (filters.kind) request.kind = filters.kind;
  if (filters.sign) request.sign = filters.sign;
  if (filters.state) request.state = filters.state;
  if (filters.tag) request.tag = filters.tag;
  if (filters.from) request.from = filters.from;
  if (filters.to) request.to = filters.to;
  if (filters.from || filters.to) request.tz = timeZone;
  return request;
}
