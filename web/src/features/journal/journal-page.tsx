// /journal: the learner's private journal. Ways to begin each kind of entry, the pause for a
// strong urge and the patterns page, unfinished drafts kept on this device, then the search (in
// the address, so it can be bookmarked) and the entries, newest first, and a way to download a
// copy of everything in the learner's own time zone. Signed out: what the journal is, and how to
// have one.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { exportUrl } from '../../api/journal';
import type { Me } from '../../api/me';
import { Page } from '../../components/page';
import { RequireSession } from '../account/require-session';
import { useSession } from '../account/session';
import { DraftList } from './draft-list';
import { EntryList } from './entry-list';
import { browserTimeZone } from './journal-format';
import { filtersFromQuery } from './list-filters';
import { takeNotice } from './notices';
import { SearchForm } from './search-form';
import { StartLinks } from './start-links';
import '../../components/form.css';
import './journal.css';

export function JournalPage() {
  const { state } = useSession();
  return (
    <Page heading="Journal" lede="A private place to write things down and see them more clearly. Only you can read it.">
      {state.status === 'signed-out' ? (
        <SignedOutIntro />
      ) : (
        <RequireSession need="full">{(me) => <JournalHome key={me.id} me={me} />}</RequireSession>
      )}
    </Page>
  );
}

function SignedOutIntro() {
  return (
    <div class="form-panel">
      <p>
        Your journal belongs to your account, and only you can read it. What you write is stored encrypted, and you
        can download or delete it whenever you like.
      </p>
      <p>
        Here you can note what set you off, what you told yourself, how your body felt and what helped; write about
        what the course stirs up; and get to know the parts of you that step in.
      </p>
      <p>
        <a href={`/login?next=${encodeURIComponent('/journal')}`}>Log in</a> or <a href="/signup">create an account</a>{' '}
        to start yours.
      </p>
    </div>
  );
}

function JournalHome({ me }: { me: Me }) {
  const { query } = useLocation();
  const [notice] = useState(takeNotice);
  const filters = filtersFromQuery(query);
  const timeZone = browserTimeZone();

  return (
    <div class="journal-home">
      {notice ? (
        <p class="form-note" role="status">
          {notice}
        </p>
      ) : null}
      <section aria-labelledby="journal-write">
        <h2 id="journal-write">Write</h2>
        <StartLinks />
        <ul class="journal-more">
          <li>
            <a href="/journal/pause">Pause before reacting</a>: for when an urge feels strong right now.
          </li>
          <li>
            <a href="/journal/insights">Patterns in your trigger logs</a>: what tends to set you off, and what helps.
          </li>
        </ul>
      </section>
      <DraftList userId={me.id} timeZone={timeZone} />
      <section aria-labelledby="journal-entries">
        <h2 id="journal-entries">Your entries</h2>
        <SearchForm filters={filters} />
        <EntryList filters={filters} timeZone={timeZone} />
      </section>
      <section aria-labelledby="journal-export" class="journal-export">
        <h2 id="journal-export">Take a copy</h2>
        <p>
          Download everything you have written, to keep, print or take to a session. The file is not locked, so keep it
          somewhere private.
        </p>
        <ul>
          <li>
            <a href={exportUrl('markdown', timeZone)} download="secure-base-journal.md">
              Download as a document (Markdown)
            </a>
          </li>
          <li>
            <a href={exportUrl('json', timeZone)} download="secure-base-journal.json">
              Download as data (JSON)
            </a>
          </li>
        </ul>
      </section>
    </div>
  );
}
