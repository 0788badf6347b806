// About: what Secure Base is for, what it is not, and where to turn in an emergency.
import { useEffect } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { Page } from '../../components/page';
import { builtInLines } from '../safety/built-in-lines';
import { HelpButton } from '../safety/help-button';
import { emergencyNumbers } from '../safety/help-links';
import './about-page.css';

// The same numbers the help panel keeps for when it is offline, so the two never disagree.
const regions = [
  { place: 'United Kingdom', entry: builtInLines('GB') },
  { place: 'Ireland', entry: builtInLines('IE') },
  { place: 'United States', entry: builtInLines('US') },
  { place: 'Anywhere in the European Union', entry: builtInLines('FR') },
];

export function AboutPage() {
  const { url } = useLocation();

  // Links to /about#urgent-help (older bookmarks, other pages) land on the urgent help section.
  // The router handles the navigation but not the fragment, so bring that section into view and
  // give it focus, after the router's own scroll-to-top and heading focus have run.
  useEffect(() => {
    const id = decodeURIComponent(location.hash.slice(1));
    const target = id ? document.getElementById(id) : null;
    if (!target) return;
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  }, [url]);

  return (
    <Page
      heading="About Secure Base"
      title="About"
      lede="Secure Base is for people who recognise anxious attachment in themselves: the fear of being left, the need for reassurance, the mind that keeps going over things."
    >
      <section aria-labelledby="about-for">
        <h2 id="about-for">What it is for</h2>
        <p>
          It is being built to bring together a self-study course, guided practices for calming
          your body, a private journal and a gentle view of your progress, and to let you book
          video sessions with your therapist. Each part opens when it is ready. It is run by a
          therapy practice.
        </p>
        <p>
          You can go at your own pace. Nothing here is a test, and there is no wrong way to use it.
        </p>
      </section>

      <section aria-labelledby="about-not">
        <h2 id="about-not">What it is not</h2>
        <p>
          Secure Base supports wellbeing. It is not a treatment, it does not diagnose anyone, and
          it is not an emergency service. It does not replace care from a qualified professional
          who knows you.
        </p>
      </section>

      <section class="urgent-help" aria-labelledby="urgent-help">
        <h2 id="urgent-help" tabIndex={-1}>
          If you need help now
        </h2>
        <p>
          If you or someone else is in danger, or you feel you might act on thoughts of harming
          yourself, call your local emergency number now.
        </p>
        <ul class="emergency-numbers">
          {regions.map(({ place, entry }) => (
            <li key={place}>
              <span class="emergency-place">{place}</span>
              <span>
                {emergencyNumbers(entry.emergency).map((number, index) => (
                  <span key={number}>
                    {index > 0 ? ' or ' : null}
                    <strong class="emergency-number">{number}</strong>
                  </span>
                ))}
                {entry.lines.map((line) => (
                  <span key={line.id}>
                    {' · '}
                    {line.name} <strong class="emergency-number">{line.phone ?? line.sms}</strong>
                  </span>
                ))}
              </span>
            </li>
          ))}
        </ul>
        <p>Anywhere else, please call the local emergency number where you are.</p>
        <p>
          <HelpButton class="action-button">Show the support lines for your country</HelpButton>
        </p>
      </section>

      <section aria-labelledby="about-privacy">
        <h2 id="about-privacy">Your privacy</h2>
        <p>
          This app loads nothing from other websites: no advertising, no trackers, no outside
          scripts or fonts. It runs on your practice's own server.
        </p>
        <p>
          Read <a href="/privacy">what Secure Base keeps about you, and why</a>.
        </p>
      </section>
    </Page>
  );
}
