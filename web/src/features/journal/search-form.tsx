// The journal's search box and filters. Searching puts them in the address (list-filters.ts),
// which is what the list reads: a bookmark or the back button shows the same search again. The
// filters fold away until used; the form follows the address when it changes (back, forward).
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { journalKinds, nervousStates, signIds } from '../../api/journal';
import { FormField } from '../../components/form-field';
import { journalUrl, hasFilters, type ListFilters } from './list-filters';
import { kindName, signName, stateName } from './journal-words';

export function SearchForm({ filters }: { filters: ListFilters }) {
  const { route } = useLocation();
  const [form, setForm] = useState(filters);
  const address = journalUrl(filters);
  useEffect(() => setForm(filters), [address]);
  const set = (key: keyof ListFilters) => (value: string) => setForm((now) => ({ ...now, [key]: value }));
  const folded = { ...filters, q: '' };

  const submit = (event: Event) => {
    event.preventDefault();
    const next = journalUrl(form);
    if (next !== address) route(next);
  };

  const select = (key: 'kind' | 'sign' | 'state', label: string, any: string, options: [string, string][]) => (
    <FormField id={`journal-filter-${key}`} label={label}>
      {(aria) => (
        <select {...aria} class="form-input" value={form[key]} onChange={(e) => set(key)(e.currentTarget.value)}>
          <option value="">{any}</option>
          {options.map(([value, words]) => (
            <option key={value} value={value}>
              {words}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );

  return (
    <form class="journal-search" role="search" aria-label="Your journal" noValidate onSubmit={submit}>
      <FormField id="journal-q" label="Search your journal" hint="Words from any entry, feeling or tag.">
        {(aria) => (
          <input
            {...aria}
            type="search"
            class="form-input"
            autocomplete="off"
            value={form.q}
            onInput={(e) => set('q')(e.currentTarget.value)}
          />
        )}
      </FormField>
      <details class="journal-filters" open={hasFilters(folded)}>
        <summary>Filters</summary>
        <div class="journal-filter-grid">
          {select('kind', 'Kind of entry', 'Every kind', journalKinds.map((k) => [k, kindName(k)]))}
          {select('sign', 'Sign', 'Any sign', signIds.map((s) => [s, signName(s)]))}
          {select('state', 'Nervous system', 'Any state', nervousStates.map((s) => [s, stateName(s)]))}
          <FormField id="journal-filter-tag" label="Tag">
            {(aria) => (
              <input {...aria} type="text" class="form-input" autocomplete="off" value={form.tag} onInput={(e) => set('tag')(e.currentTarget.value)} />
            )}
          </FormField>
          <FormField id="journal-filter-from" label="From">
            {(aria) => <input {...aria} type="date" class="form-input" value={form.from} onInput={(e) => set('from')(e.currentTarget.value)} />}
          </FormField>
          <FormField id="journal-filter-to" label="To">
            {(aria) => <input {...aria} type="date" class="form-input" value={form.to} onInput={(e) => set('to')(e.currentTarget.value)} />}
          </FormField>
        </div>
      </details>
      <div class="form-actions">
        <button type="submit" class="action-button">
          Search
        </button>
        {hasFilters(filters) ? <a href="/journal">Show every entry</a> : null}
      </div>
    </form>
  );
}
