// Privacy: what Secure Base keeps about you, where, and why, in plain words. It keeps "today"
// and "as features arrive" apart, and says nothing it cannot stand behind: the claims about
// today are checked in a real browser by tests/e2e (only the csrf and session cookies, nothing
// in localStorage unless a check-in, a journal entry or a practice waits, only the help panel's country in sessionStorage, nothing from other sites).
// When a feature lands, move what it keeps from the planned list to "today"; docs/privacy.md
// has the operator's version, table by table.
import type { ComponentChildren } from 'preact';
import { Page } from '../../components/page';
import { StatusBadge } from '../../components/status-badge';
import { HelpButton } from '../safety/help-button';
import './privacy-page.css';

interface DataKind {
  id: string;
  name: string;
  kept: ComponentChildren;
  why: ComponentChildren;
  protectedBy: ComponentChildren;
}

const plannedKinds: DataKind[] = [
  {
    id: 'sharing',
    name: 'What you choose to share',
    kept: 'Which parts of your check-ins, practices and journal you let your practitioner see, and a record of each time she opens them.',
    why: 'So your practitioner sees only what you chose, and you can see when she looked.',
    protectedBy:
      'Nothing is shared unless you say so, and you will be able to stop sharing at any time.',
  },
];

export function PrivacyPage() {
  return (
    <Page
      heading="Your privacy"
      title="Privacy"
      lede="What Secure Base keeps about you, where it is kept, and why. This page describes only what is really there, and it changes as each part of the app opens."
    >
      <section aria-labelledby="privacy-who">
        <h2 id="privacy-who">Who looks after your information</h2>
        <p>
          Secure Base is run by the therapist whose practice this is, on a server the practice looks
          after. It is not a service run by a technology company: there is no Secure Base company
          that receives your information.
        </p>
        <p>
          The practitioner is responsible for your information (in data protection law, the “data
          controller”), and is the person to ask about it.
        </p>
      </section>

      <section class="privacy-today" aria-labelledby="privacy-today">
        <h2 id="privacy-today">What is kept today</h2>
        <p class="privacy-summary">
          If you make an account, Secure Base keeps what it needs to know it’s you, your check-ins,
          where you are in the course, your practices, your journal and the sessions you book, listed below.
        </p>
        <ul class="privacy-list">
          <li>
            <strong>Your account, if you make one.</strong> Your email address, the name you’d like
            to be called, your time zone and your country. Your password itself is never stored:
            only a scrambled form of it (an argon2id hash) that can check it but cannot be turned
            back into it.
          </li>
          <li>
            <strong>Your log-ins.</strong> While you’re logged in, your browser holds a cookie with a
            random code in it, and the server keeps a record of that log-in: when it began, when it
            was last used and when it ends. The server keeps only a scrambled form of the code, so
            its records can’t be used to log in. Logging out ends it; choosing a new password ends
            all your other log-ins too.
          </li>
          <li>
            <strong>Two-factor sign-in, if you turn it on.</strong> The key your authenticator app
            shares with Secure Base is stored encrypted, and your recovery codes only in scrambled
            form.
          </li>
          <li>
            <strong>Links we email you.</strong> Links to confirm your email address or choose a new
            password work once. We keep only a scrambled form of each, and when it was used. The
            emails go out through the practice’s email provider, and Secure Base erases its own copy
            of each once it is sent.
          </li>
          <li>
            <strong>Failed log-ins.</strong> To slow down anyone guessing passwords, the server
            counts failed log-ins for each account and each network address, keeping only scrambled
            forms of both. The counts are forgotten a day after the last failure.
          </li>
          <li>
            <strong>Your check-ins.</strong> Your answers to the check-in questions, the scores worked
            out from them and when you took them, so you can see how things change and so your plan
            can suggest where to start. Your practitioner cannot see them (sharing comes later, and
            only if you choose it).
          </li>
          <li>
            <strong>Where you are in the course.</strong> Which lessons you have opened and
            finished, and how far you read, so you can pick up where you left off.
          </li>
          <li>
            <strong>Your answers to the questions in lessons.</strong> Encrypted before they are
            stored, with a key kept outside the database, so a copy of the database on its own
            cannot be read. Only you can read them in the app. Emptying an answer box deletes it.
          </li>
          <li>
            <strong>Your practices.</strong> Which practices you did, when and for how long, and how
            you felt before and after if you said, so you can see which ones help you most. Your
            practitioner cannot see them (sharing comes later, and only if you choose it).
          </li>
          <li>
            <strong>Your journal.</strong> Everything you write or choose in an entry is encrypted
            before it is stored, with a key kept outside the database, so a copy of the database on
            its own cannot be read. The server keeps plainly only the kind of entry and its dates, to
            put your entries in order. Only you can read it in the app; searching, insights and
            export open it just for you, just for that moment. Deleting an entry deletes it for good.
          </li>
          <li>
            <strong>Sessions you book.</strong> The kind of session, its time, your time zone,
            where you plan to be for it (country, and state in the US) and whether it went ahead, so
            your place is held and reminders come at the right hour. Your answers to the questions
            before a session are encrypted like your journal. Your practitioner sees your bookings
            and those answers: that is what they are for. She opens the answers for one session at a
            time, and each time she does is recorded, for you to see on your Sharing page. The emails
            about a session carry a calendar invitation; Secure Base erases its own copy once each is
            sent. If you join a waitlist, it keeps which kind of session you are waiting for and when
            you joined.
          </li>
          <li>
            <strong>The server’s own records.</strong> For each request, the server notes what kind
            of page or information was asked for, whether it worked and how long it took. These
            records never include your name, your email, your IP address or the exact web address
            you visited.
          </li>
          <li>
            <strong>Your country, in this tab only.</strong> “Need help now” remembers the country
            you picked, so it shows the right support lines next time. It is kept in this browser
            tab only, and forgotten when you close the tab.
          </li>
          <li>
            <strong>Two small cookies, and nothing else kept for later.</strong> A “csrf” cookie
            with a random code that stops other websites from sending forms in your name, and,
            while you’re logged in, the log-in cookie above. Neither holds your details.
          </li>
          <li>
            <strong>On this device, for a while.</strong> A check-in you have started but not sent
            is kept in this browser, so closing the tab loses nothing; it goes once you send it, start
            again, log out, or after 30 days. Lessons you have opened are kept too, so you can read
            them again without a connection: just the lesson, never your answers, and they are
            removed when you log out. A practice you finish while offline is kept here too until it
            can be added to your history; it goes once it is sent, when you log out, or after 30 days.
            A journal entry you are writing is kept here as you type, so a closed tab or a log-in that
            ran out loses nothing; it goes once the entry is saved, when you discard it, or when you
            log out. Anyone using this browser could read these, so log out from the menu on a shared
            device.
          </li>
          <li>
            <strong>A copy of the app itself.</strong> Your browser keeps the app’s own files so it
            can open without a connection. That copy holds nothing about you.
          </li>
          <li>
            <strong>Nothing from anyone else.</strong> No advertising, trackers or analytics, and no
            scripts or fonts from other websites. Everything comes from this site.
          </li>
        </ul>
      </section>

      <section class="privacy-planned" aria-labelledby="privacy-planned">
        <div class="privacy-planned-top">
          <h2 id="privacy-planned">As features arrive</h2>
          <StatusBadge ready={false} />
        </div>
        <p>
          None of this exists yet. Here is what each part will keep when it opens, and how it will
          be protected. This page will be updated as each part arrives.
        </p>

        <ul class="privacy-kinds">
          {plannedKinds.map((kind) => (
            <li key={kind.id} class="privacy-kind">
              <h3 id={`privacy-${kind.id}`}>{kind.name}</h3>
              <dl class="privacy-facts">
                <div>
                  <dt>What will be kept</dt>
                  <dd>{kind.kept}</dd>
                </div>
                <div>
                  <dt>Why</dt>
                  <dd>{kind.why}</dd>
                </div>
                <div>
                  <dt>How it will be protected</dt>
                  <dd>{kind.protectedBy}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>

        <h3 id="privacy-shared" class="privacy-subheading">What your practitioner will see</h3>
        <ul class="privacy-list">
          <li>Your bookings, and your answers to the questions before a session.</li>
          <li>
            Anything else only if you choose to share it: your check-in results, a summary of your
            practices, the journal entries you pick. You will be able to stop sharing at any time.
          </li>
          <li>
            Every time your practitioner opens something you shared, or your answers to the questions
            before a session, it will be recorded in an audit log, and you can see each time on your
            Sharing page.
          </li>
        </ul>

        <h3 id="privacy-yours" class="privacy-subheading">Your copy, and deleting it</h3>
        <ul class="privacy-list">
          <li>You will be able to download everything Secure Base keeps about you, at any time.</li>
          <li>
            You will be able to delete your account and everything in it, at any time. The
            practice’s backups may still hold a copy until they are replaced by newer ones.
          </li>
        </ul>
      </section>

      <section class="privacy-care" aria-labelledby="privacy-not">
        <h2 id="privacy-not">What Secure Base is not</h2>
        <p>
          Secure Base supports your wellbeing. It is not a treatment, and it is not an emergency
          service.
        </p>
        <p>
          If you are in danger, or feel you might act on thoughts of harming yourself, please call
          your local emergency number now.
        </p>
        <p>
          <HelpButton class="action-button">See emergency numbers and support lines</HelpButton>
        </p>
      </section>
    </Page>
  );
}
