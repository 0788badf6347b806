// /console/audit: the audit log, newest first: when (in her zone), who, what, about whom, and the
// detail (kinds and counts, never personal text). Filters (what happened, who, about whom, from
// and to dates) live in the address, so a filtered view can be reloaded or kept; "Older entries"
// adds the next page below. A filter the server refuses is said plainly, with a way to clear it.
import { useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { getAudit, listClients, type AuditEntry, type AuditPage as AuditAnswer } from '../../api/console-clients';
import type { Me } from '../../api/me';
import { ApiError } from '../../api/problem';
import { useLoad } from '../../components/use-load';
import { MoreButton } from '../../components/more-button';
import { useMore } from '../../components/use-more';
import { useSession } from '../account/session';
import { actionName, detailWords, personWords } from './audit-words';
import { auditPath, datesProblem, hasFilters, queryFromLocation, requestFilters, type AuditQuery } from './audit-filters';
import { zoneWords } from './client-words';
import { ConsolePage } from './console-page';
import { consolePaths } from './console-paths';
import { longDate, timeOfDay } from './console-words';
import { LoadProblem, Loading } from './load-problem';
import { practiceZone } from './practice-zone';

export const auditPageSize = 50;

export function AuditPage() {
  return (
    <ConsolePage
      heading="Audit log"
      lede="Who looked at or changed what, newest first. Each time you open a client’s page, that is written here before it opens."
    >
      {(me) => <Audit me={me} />}
    </ConsolePage>
  );
}

interface Person {
  id: string;
  name: string;
}

function Audit({ me }: { me: Me }) {
  const { client } = useSession();
  const { query, route } = useLocation();
  const filters = queryFromLocation(query);
  const key = JSON.stringify(filters);
  // The menus keep what the last answer offered while a new one loads or is refused.
  const known = useRef<{ actions: string[]; people: Person[] }>({ actions: [], people: [] });
  const [loaded, retry] = useLoad(async (signal) => {
    const zone = await practiceZone(me, client, signal);
    const [page, people] = await Promise.all([
      getAudit({ ...requestFilters(filters, zone), limit: auditPageSize }, client, { signal }),
      listClients(client, { signal }).then(
        (answer) => answer.clients.map((c) => ({ id: c.id, name: c.name })),
        () => known.current.people,
      ),
    ]);
    known.current = { actions: page.actions, people };
    return { zone, page };
  }, [client, key]);

  let results;
  if (loaded.status === 'loading') results = <Loading what="the audit log" />;
  else if (loaded.status === 'error') {
    const refused = loaded.error instanceof ApiError && loaded.error.status === 400;
    results = refused ? (
      <div class="form-summary" role="alert">
        <p>
          These filters can’t be used: {(loaded.error as ApiError).errors.map((e) => `${e.field} ${e.message}`).join('; ') || (loaded.error as ApiError).detail}
        </p>
        <p>
          <a href={consolePaths.audit}>Clear the filters</a>
        </p>
      </div>
    ) : (
      <LoadProblem error={loaded.error} retry={retry} what="the audit log" />
    );
  } else {
    results = <Entries key={key} first={loaded.value.page} filters={filters} zone={loaded.value.zone} meId={me.id} />;
  }

  return (
    <>
      <Filters key={key} filters={filters} actions={known.current.actions} people={known.current.people} me={me} onApply={(next) => route(auditPath(next))} />
      {results}
    </>
  );
}

interface FiltersProps {
  filters: AuditQuery;
  actions: string[];
  people: Person[];
  me: Me;
  onApply: (filters: AuditQuery) => void;
}

function Filters({ filters, actions, people, me, onApply }: FiltersProps) {
  const [form, setForm] = useState(filters);
  const [problem, setProblem] = useState<string>();
  const set = (name: keyof AuditQuery) => (event: Event) =>
    setForm((before) => ({ ...before, [name]: (event.currentTarget as HTMLInputElement | HTMLSelectElement).value }));
  // The current value stays choosable even before the menus have loaded.
  const actionList = filters.action && !actions.includes(filters.action) ? [...actions, filters.action] : actions;
  const everyone: Person[] = [{ id: me.id, name: 'You' }, ...people.filter((p) => p.id !== me.id)];
  const personOptions = (chosen: string) =>
    chosen && !everyone.some((p) => p.id === chosen) ? [...everyone, { id: chosen, name: chosen }] : everyone;

  return (
    <form
      class="console-audit-filters"
      aria-label="Filter the audit log"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const wrong = datesProblem(form);
        setProblem(wrong);
        if (wrong) document.getElementById('audit-from')?.focus();
        else onApply(form);
      }}
    >
      <div class="console-audit-fields">
        <div class="form-field">
          <label class="form-label" for="audit-action">
            What happened
          </label>
          <select id="audit-action" class="form-input" value={form.action} onChange={set('action')}>
            <option value="">Anything</option>
            {actionList.map((a) => (
              <option key={a} value={a}>
                {actionName(a)}
              </option>
            ))}
          </select>
        </div>
        <PersonSelect id="audit-actor" label="Who" value={form.actor} people={personOptions(form.actor)} onChange={set('actor')} />
        <PersonSelect id="audit-subject" label="About whom" value={form.subject} people={personOptions(form.subject)} onChange={set('subject')} />
        <div class="form-field">
          <label class="form-label" for="audit-from">
            From
          </label>
          <input
            id="audit-from"
            class="form-input"
            type="date"
            value={form.from}
            aria-invalid={problem ? 'true' : undefined}
            aria-describedby={problem ? 'audit-dates-error' : undefined}
            onInput={set('from')}
          />
        </div>
        <div class="form-field">
          <label class="form-label" for="audit-to">
            To
          </label>
          <input id="audit-to" class="form-input" type="date" value={form.to} onInput={set('to')} />
        </div>
      </div>
      {problem ? (
        <p id="audit-dates-error" class="form-error" role="alert">
          {problem}
        </p>
      ) : null}
      <div class="console-buttons">
        <button type="submit" class="action-button">
          Show
        </button>
        {hasFilters(filters) ? (
          <a class="form-secondary console-link-button" href={consolePaths.audit}>
            Clear the filters
          </a>
        ) : null}
      </div>
    </form>
  );
}

interface PersonSelectProps {
  id: string;
  label: string;
  value: string;
  people: Person[];
  onChange: (event: Event) => void;
}

function PersonSelect({ id, label, value, people, onChange }: PersonSelectProps) {
  return (
    <div class="form-field">
      <label class="form-label" for={id}>
        {label}
      </label>
      <select id={id} class="form-input" value={value} onChange={onChange}>
        <option value="">Anyone</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </div>
  );
}

interface EntriesProps {
  first: AuditAnswer;
  filters: AuditQuery;
  zone: string;
  meId: string;
}

function Entries({ first, filters, zone, meId }: EntriesProps) {
  const { client } = useSession();
  const list = useMore<AuditEntry>(
    { rows: first.entries, next: first.next },
    async (before) => {
      const page = await getAudit({ ...requestFilters(filters, zone), before, limit: auditPageSize }, client);
      return { rows: page.entries, next: page.next };
    },
    'We couldn’t fetch older entries just now. Please check your connection and try again.',
  );

  const { rows, next } = list;
  if (rows.length === 0) {
    return <p role="status">{hasFilters(filters) ? 'Nothing in the log matches these filters.' : 'The log is empty so far.'}</p>;
  }
  return (
    <>
      <p class="form-hint" role="status">
        {rows.length === 1 ? '1 entry' : `${rows.length} entries`} shown{next ? ', newest first; older ones below' : ''}. Times
        are in {zoneWords(zone)}.
      </p>
      <div class="checkin-table-wrap console-audit-wrap" role="region" aria-label="Audit log entries" tabIndex={0}>
        <table class="checkin-table console-audit">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">About whom</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  {longDate(row.at, zone)}, {timeOfDay(row.at, zone)}
                </th>
                <td data-label="Who">{personWords(row.actor, meId)}</td>
                <td data-label="What">{actionName(row.action)}</td>
                <td data-label="About whom">{personWords(row.subject, meId)}</td>
                <td data-label="Detail">{detailWords(row.detail)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <MoreButton list={list} label="Older entries" busy="Fetching older entries…" />
    </>
  );
}
