// /goodbye: where deleting an account lands. Kind words, what happened, the way back if they
// ever want it, and help now for someone leaving on a hard day. Nothing here needs a session.
import { Page } from '../../components/page';
import { HelpButton } from '../safety/help-button';

export function GoodbyePage() {
  return (
    <Page heading="Your account has been deleted" title="Goodbye">
      <p>
        Everything you kept here has been deleted. Sessions that already happened stay in your therapist’s records
        without your name.
      </p>
      <p>Thank you for the time you spent here. We hope some of what you practised stays with you.</p>
      <p>
        If things feel hard right now, you don’t have to wait:{' '}
        <HelpButton class="link-button">see who you can contact for help now</HelpButton>.
      </p>
      <p>
        You are welcome back at any time: you can <a href="/signup">sign up again</a> with the same email address.
      </p>
      <p>
        <a href="/">Go to the home page</a>
      </p>
    </Page>
  );
}
