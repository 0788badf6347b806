// "Need help now": crisis lines for the person's country, one tap from every screen.
//
// A native modal <dialog> over the current screen, so whatever the person was doing stays where
// it was. Opening it moves focus to its heading; Escape or "Close" shuts it and focus goes back
// to the button that opened it. The order is fixed: the emergency number first, then the
// country, then the lines, then what Secure Base is not.
//
// It never waits on the network for the most important part: the emergency number comes from
// the numbers built into the app at once, and if the server cannot be reached those numbers
// stay, with a kind note that the full list needs a connection.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../../api/client';
import {
  crisisCountries,
  crisisLines,
  type CountryCrisisLines,
  type CrisisCountry,
  type CrisisLine,
} from '../../api/crisis-lines';
import { defaultClient } from '../../api/default-client';
import { ApiError } from '../../api/problem';
import { Icon } from '../../components/icon';
import { builtInCountries, builtInLines } from './built-in-lines';
import { initialCountry, rememberCountry } from './country-guess';
import { dateInWords, emergencyNumbers, safeUrl, smsHref, telHref } from './help-links';
import { onHelpRequested } from './help-request';
import './help-panel.css';

/** After this long without an answer, show the built-in numbers rather than keep someone waiting. */
const defaultTimeoutMs = 8000;

type Status = 'loading' | 'ready' | 'offline' | 'missing';

interface Shown {
  status: Status;
  data: CountryCrisisLines;
}

interface HelpPanelProps {
  /** The API client; tests pass one with a fake fetch. */
  client?: ApiClient;
  timeoutMs?: number;
}

export function HelpPanel({ client, timeoutMs = defaultTimeoutMs }: HelpPanelProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  // Answers already fetched while the page has been open: reopening or switching back is instant.
  const cache = useRef(new Map<string, CountryCrisisLines>());
  const [open, setOpen] = useState(false);

  useEffect(
    () =>
      onHelpRequested(() => {
        const active = document.activeElement;
        if (!dialog.current?.open) opener.current = active instanceof HTMLElement ? active : null;
        setOpen(true);
        // Already open (asked again from inside): just bring focus back to the top.
        if (dialog.current?.open) focusTitle(dialog.current);
      }),
    [],
  );

  useEffect(() => {
    const element = dialog.current;
    if (!open || !element) return;
    if (!element.open) element.showModal();
    focusTitle(element);
  }, [open]);

  function handleClose() {
    setOpen(false);
    const previous = opener.current;
    opener.current = null;
    if (previous?.isConnected) previous.focus();
  }

  return (
    <dialog ref={dialog} class="help-dialog" aria-labelledby="help-title" onClose={handleClose}>
      {open ? (
        <HelpContent
          client={client ?? defaultClient()}
          cache={cache.current}
          timeoutMs={timeoutMs}
          onClose={() => dialog.current?.close()}
        />
      ) : null}
    </dialog>
  );
}

function focusTitle(dialog: HTMLDialogElement): void {
  dialog.querySelector<HTMLElement>('#help-title')?.focus();
}

interface HelpContentProps {
  client: ApiClient;
  cache: Map<string, CountryCrisisLines>;
  timeoutMs: number;
  onClose: () => void;
}

function HelpContent({ client, cache, timeoutMs, onClose }: HelpContentProps) {
  const [countries, setCountries] = useState<readonly CrisisCountry[]>(builtInCountries);
  const [country, setCountry] = useState(() => initialCountry(new Set(builtInCountries.map((c) => c.code))));
  const [shown, setShown] = useState<Shown>(() => {
    const cached = cache.get(country);
    return cached ? { status: 'ready', data: cached } : { status: 'loading', data: builtInLines(country) };
  });
  const [attempt, setAttempt] = useState(0);
  const linesHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    crisisCountries(client, { signal: controller.signal }).then(
      ({ countries: list }) => {
        if (Array.isArray(list) && list.length > 0) setCountries(list);
      },
      () => {
        // Keep the built-in list: every country can still be picked.
      },
    );
    return () => controller.abort();
  }, [client, attempt]);

  useEffect(() => {
    const cached = cache.get(country);
    if (cached) {
      setShown({ status: 'ready', data: cached });
      return;
    }
    setShown({ status: 'loading', data: builtInLines(country) });
    // Aborted when the panel closes, another country is picked, or the wait is too long; a
    // late answer after any of those is dropped.
    const controller = new AbortController();
    const timer = setTimeout(() => {
      controller.abort();
      setShown({ status: 'offline', data: builtInLines(country) });
    }, timeoutMs);
    crisisLines(country, client, { signal: controller.signal })
      .then((data) => {
        if (controller.signal.aborted) return;
        const builtIn = builtInLines(country);
        // The emergency number must always be there, even if an answer is somehow incomplete.
        const usable: CountryCrisisLines = {
          ...data,
          name: typeof data.name === 'string' ? data.name : builtIn.name,
          emergency: typeof data.emergency === 'string' && /\d/.test(data.emergency) ? data.emergency : builtIn.emergency,
          lines: Array.isArray(data.lines) ? data.lines.filter(isUsable) : [],
        };
        cache.set(country, usable);
        setShown({ status: 'ready', data: usable });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const missing = error instanceof ApiError && error.status === 404;
        setShown({ status: missing ? 'missing' : 'offline', data: builtInLines(country) });
      })
      .finally(() => clearTimeout(timer));
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [client, cache, country, timeoutMs, attempt]);

  function retry() {
    setAttempt((n) => n + 1);
    // The button goes away while the list loads: keep focus just above where the list appears.
    linesHeading.current?.focus();
  }

  function choose(code: string) {
    setCountry(code);
    rememberCountry(code);
  }

  const { status, data } = shown;
  const [first = '112', ...others] = emergencyNumbers(data.emergency);
  const countryName = countries.find((c) => c.code === country)?.name ?? data.name;

  return (
    <div class="help-panel">
      <div class="help-top">
        <h2 id="help-title" class="help-title" tabIndex={-1}>
          Need help now
        </h2>
        <button type="button" class="help-close" onClick={onClose}>
          Close
        </button>
      </div>

      <div class="help-emergency">
        <a class="help-emergency-call" href={telHref(first)}>
          <Icon name="phone" class="help-emergency-icon" />
          <span>
            If you are in danger now, call <PhoneNumber value={first} />
          </span>
        </a>
        {others.map((number) => (
          <a key={number} class="help-action help-emergency-also" href={telHref(number)}>
            <Icon name="phone" class="help-action-icon" />
            <span>
              Or call <PhoneNumber value={number} />
            </span>
          </a>
        ))}
      </div>

      <div class="help-country">
        <label class="help-country-label" for="help-country">
          Your country
        </label>
        <select
          id="help-country"
          class="help-country-select"
          value={country}
          onChange={(event) => choose(event.currentTarget.value)}
        >
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </div>

      <section class="help-lines-section" aria-labelledby="help-lines-title">
        <h3 id="help-lines-title" class="help-lines-title" tabIndex={-1} ref={linesHeading}>
          Someone to talk to
        </h3>
        <div role="status" class="help-status">
          <StatusMessage status={status} countryName={countryName} hasLines={data.lines.length > 0} first={first} />
        </div>
        {status === 'offline' ? (
          <button type="button" class="help-retry" onClick={retry}>
            Try again
          </button>
        ) : null}
        {status !== 'loading' && data.lines.length > 0 ? (
          <ul class="help-lines">
            {data.lines.map((line) => (
              <HelpLine key={line.id} line={line} />
            ))}
          </ul>
        ) : null}
      </section>

      <p class="help-not-emergency">
        Secure Base is not an emergency service. No one here is alerted when you open this, and we
        cannot send help. If you are in danger, please call {first} now.
      </p>
    </div>
  );
}

function StatusMessage({
  status,
  countryName,
  hasLines,
  first,
}: {
  status: Status;
  countryName: string;
  hasLines: boolean;
  first: string;
}) {
  switch (status) {
    case 'loading':
      return <p>Finding the numbers for {countryName}…</p>;
    case 'offline':
      return (
        <p class="help-status-notice">
          We couldn’t reach Secure Base just now, so these are the numbers kept in the app.
          {hasLines ? '' : ` In ${countryName}, ${first} is free from any phone.`} The full list
          for each country needs a connection.
        </p>
      );
    case 'missing':
      return (
        <p>
          We don’t have a list for {countryName} yet. If you need help now, please call your local
          emergency number.
        </p>
      );
    case 'ready':
      return hasLines ? (
        <span class="visually-hidden">Showing the numbers for {countryName}.</span>
      ) : (
        <p>
          We don’t list a support line for {countryName} yet: we only show numbers we have checked
          with the people who run them. {first} is free from any phone, including a mobile with no
          credit.
        </p>
      );
  }
}

function HelpLine({ line }: { line: CrisisLine }) {
  const url = safeUrl(line.url);
  return (
    <li class="help-line">
      <h4 class="help-line-name">{line.name}</h4>
      <div class="help-line-actions">
        {line.phone ? (
          <a class="help-action" href={telHref(line.phone)}>
            <Icon name="phone" class="help-action-icon" />
            <span>
              Call {line.name} on <PhoneNumber value={line.phone} />
            </span>
          </a>
        ) : null}
        {line.sms ? (
          <a class="help-action" href={smsHref(line.sms, line.sms_keyword)}>
            <Icon name="message" class="help-action-icon" />
            <span>
              {line.sms_keyword ? `Text ${line.sms_keyword} to ` : `Text ${line.name} on `}
              <PhoneNumber value={line.sms} />
            </span>
          </a>
        ) : null}
      </div>
      <p class="help-line-hours">{line.hours}</p>
      <p class="help-line-description">{line.description}</p>
      <p class="help-line-meta">
        {url ? (
          <>
            <a href={url} target="_blank" rel="noopener noreferrer">
              {line.name} website <span class="visually-hidden">(opens in a new tab)</span>
            </a>{' '}
          </>
        ) : null}
        <span class="help-nowrap">Checked {dateInWords(line.last_verified)}</span>
      </p>
    </li>
  );
}

/** A phone number kept on one line, so "116 123" never breaks in two. */
function PhoneNumber({ value }: { value: string }) {
  return <span class="help-nowrap">{value}</span>;
}

function isUsable(line: CrisisLine): boolean {
  return Boolean(line && typeof line.name === 'string' && (line.phone || line.sms));
}
