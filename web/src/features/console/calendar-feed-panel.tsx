// Her private calendar feed: a secret address her own calendar app can subscribe to, listing her
// sessions' times (never who they are with or what anyone wrote). The address is shown once,
// when it is made, with a copy button and a plain warning; making a new one stops the old one,
// and she can turn it off.
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  createCalendarFeed,
  getCalendarFeed,
  revokeCalendarFeed,
  type CalendarFeedState,
} from '../../api/console-scheduling';
import type { Me } from '../../api/me';
import { ApiError } from '../../api/problem';
import { useLoad } from '../../components/use-load';
import { generalMessage } from '../account/messages';
import { useSession } from '../account/session';
import { ConfirmAction } from './confirm-action';
import { longDate } from './console-words';
import { LoadProblem, Loading } from './load-problem';
import { useNews } from '../../components/use-news';

export function CalendarFeedPanel({ me }: { me: Me }) {
  const { client } = useSession();
  const [loaded, retry] = useLoad((signal) => getCalendarFeed(client, { signal }), [client]);
  // After a change, what the server said last, rather than the first answer.
  const [state, setState] = useState<CalendarFeedState>();
  const [url, setUrl] = useState<string>();
  const { news, say, ref } = useNews();
  const [problem, setProblem] = useState('');
  const [making, setMaking] = useState(false);

  const make = async () => {
    const made = await createCalendarFeed(client);
    setUrl(made.url);
    setState({ active: true, created_at: new Date().toISOString() });
  };
  const makeFirst = async () => {
    setMaking(true);
    setProblem('');
    try {
      await make();
    } catch (error) {
      setProblem(`The link was not made. ${error instanceof ApiError && error.status === 401 ? 'You were logged out after a while: please log in again.' : generalMessage(error)}`);
    } finally {
      setMaking(false);
    }
  };
  const revoke = async () => {
    await revokeCalendarFeed(client);
    setUrl(undefined);
    setState({ active: false, created_at: null });
    say('The calendar link is turned off. Calendars that used it no longer get your sessions.');
  };

  let body;
  if (loaded.status === 'loading') body = <Loading what="your calendar link" />;
  else if (loaded.status === 'error') body = <LoadProblem error={loaded.error} retry={retry} what="your calendar link" />;
  else {
    const feed = state ?? loaded.value;
    body = (
      <>
        {url ? <NewLink url={url} /> : null}
        {!url && feed.active ? (
          <p>
            You have a private calendar link
            {feed.created_at ? `, made on ${longDate(feed.created_at, me.time_zone)}` : ''}. It isn’t shown again; if
            you’ve lost it, make a new one.
          </p>
        ) : null}
        {!feed.active ? <p>You don’t have a calendar link at the moment.</p> : null}
        {problem ? (
          <p class="form-error" role="alert">
            {problem}
          </p>
        ) : null}
        <div class="console-buttons">
          {feed.active ? (
            <>
              <ConfirmAction
                id="feed-replace"
                label="Make a new link"
                question="Make a new calendar link?"
                yes="Yes, make a new link"
                no="No, keep the one I have"
                notDone="No new link was made."
                onConfirm={make}
              >
                <p>The link you have now stops working at once. Calendars using it stop updating until you give them the new one.</p>
              </ConfirmAction>
              <ConfirmAction
                id="feed-revoke"
                label="Turn off the link"
                question="Turn off your calendar link?"
                yes="Yes, turn it off"
                no="No, keep it"
                notDone="The link is still on."
                onConfirm={revoke}
              >
                <p>Calendars that use it will stop getting your sessions. You can make a new link at any time.</p>
              </ConfirmAction>
            </>
          ) : (
            <button type="button" class="action-button" onClick={() => void makeFirst()} disabled={making}>
              {making ? 'Making the link…' : 'Make a calendar link'}
            </button>
          )}
        </div>
      </>
    );
  }

  return (
    <section class="form-panel console-form" aria-labelledby="feed-title">
      <h2 id="feed-title">Your sessions in your own calendar</h2>
      <p class="form-hint">
        A private address your calendar app (Apple Calendar, Google Calendar, Outlook, Thunderbird) can subscribe to. It
        lists your booked sessions’ times and kinds, never clients’ names or answers.
      </p>
      <p role="status" tabIndex={-1} ref={ref} class={news && !url ? 'form-note' : 'visually-hidden'}>
        {news}
      </p>
      {body}
    </section>
  );
}

function NewLink({ url }: { url: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState('');
  useEffect(() => heading.current?.focus(), [url]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('Copied. Paste it into your calendar app’s “subscribe to a calendar” setting.');
    } catch {
      field.current?.select();
      setCopied('We couldn’t copy it for you: the link is selected, so copy it with your keyboard or menu.');
    }
  };

  return (
    <div class="console-confirm console-new-link">
      <h3 tabIndex={-1} ref={heading}>
        Your new calendar link
      </h3>
      <p>
        <strong>Keep this link private.</strong> Anyone who has it can see when your sessions are. Paste it only into
        your own calendar app. It is shown only this once: if you lose it, make a new one.
      </p>
      <label for="feed-url" class="form-label">
        Calendar link
      </label>
      <input
        id="feed-url"
        ref={field}
        type="text"
        readOnly
        class="form-input console-secret"
        value={url}
        onFocus={(e) => e.currentTarget.select()}
      />
      <div class="console-buttons">
        <button type="button" class="action-button" onClick={() => void copy()}>
          Copy the link
        </button>
      </div>
      <p role="status" class="console-status">
        {copied}
      </p>
    </div>
  );
}
