// The two parts of the check-in, each its own route so either can be reopened on its own:
// /check-in/attachment (closeness and distance), then /check-in/eight-signs (the past two
// weeks), then the results. Both need a session: answers are kept per person while unfinished.
import { useLocation } from 'preact-iso';
import { getQuestionnaire, type Checkin } from '../../api/checkins';
import type { Me } from '../../api/me';
import { ApiError } from '../../api/problem';
import { Page } from '../../components/page';
import { RequireSession } from '../account/require-session';
import { useSession } from '../account/session';
import { withNext } from '../account/next-path';
import { attachmentId, signsId } from './pair-results';
import { QuestionnaireFlow } from './questionnaire-flow';
import { useLoad } from '../../components/use-load';
import './checkin.css';

export function AttachmentCheckInPage() {
  const { route } = useLocation();
  return (
    <Page heading="Closeness and distance" title="Check-in, part 1 of 2" lede="Check-in, part 1 of 2">
      <RequireSession need="full">
        {(me) => (
          <Questionnaire
            id={attachmentId}
            me={me}
            here="/check-in/attachment"
            finishLabel="Save and go on to part 2"
            onSaved={() => route('/check-in/eight-signs?part1=saved')}
          />
        )}
      </RequireSession>
    </Page>
  );
}

export function SignsCheckInPage() {
  const { route, query } = useLocation();
  return (
    <Page heading="The past two weeks" title="Check-in, part 2 of 2" lede="Check-in, part 2 of 2">
      {query.part1 === 'saved' ? (
        <div class="form-note">
          <p>Thank you: part 1 is saved. This part is shorter: eight questions about the past two weeks.</p>
        </div>
      ) : null}
      <RequireSession need="full">
        {(me) => (
          <Questionnaire
            id={signsId}
            me={me}
            here="/check-in/eight-signs"
            finishLabel="Save and see my results"
            onSaved={() => route('/check-in/results')}
          />
        )}
      </RequireSession>
    </Page>
  );
}

interface QuestionnaireProps {
  id: string;
  me: Me;
  here: string;
  finishLabel: string;
  onSaved: (checkin: Checkin) => void;
}

function Questionnaire({ id, me, here, finishLabel, onSaved }: QuestionnaireProps) {
  const { client } = useSession();
  const [loaded, retry] = useLoad((signal) => getQuestionnaire(id, client, { signal }), [id, client]);

  if (loaded.status === 'loading') {
    return (
      <p role="status" class="form-muted">
        Getting the questions ready…
      </p>
    );
  }
  if (loaded.status === 'error') {
    const missing = loaded.error instanceof ApiError && loaded.error.status === 404;
    return (
      <div class="form-panel" role="status">
        <p>
          {missing
            ? 'This questionnaire isn’t available on this site just now. Your practitioner may still be setting it up.'
            : 'We couldn’t fetch the questions just now. Please check your connection and try again.'}
        </p>
        {missing ? (
          <p>
            <a href="/check-in">Back to the check-in</a>
          </p>
        ) : (
          <button type="button" class="action-button" onClick={retry}>
            Try again
          </button>
        )}
      </div>
    );
  }
  return (
    <QuestionnaireFlow
      questionnaire={loaded.value}
      userId={me.id}
      client={client}
      finishLabel={finishLabel}
      loginHref={withNext('/login', here)}
      onSaved={onSaved}
    />
  );
}
