// Home: a calm welcome, what Secure Base is, and an honest view of what can be used today.
import { Icon } from '../../components/icon';
import { Page } from '../../components/page';
import { StatusBadge } from '../../components/status-badge';
import { PlanCard } from '../checkin/plan-card';
import { ContinueCard } from '../course/continue-card';
import { HelpButton } from '../safety/help-button';
import { sections } from '../../sections';
import './home-page.css';

export function HomePage() {
  const features = sections.filter((section) => section.path !== '/');
  const anyReady = features.some((section) => section.ready);

  return (
    <Page
      heading="Welcome to Secure Base"
      title="Home"
      lede="A calm, private place to understand anxious attachment and to practise feeling safer, in yourself and with the people close to you."
    >
      <ContinueCard />
      <PlanCard />
      <section aria-labelledby="home-sections-heading">
        <h2 id="home-sections-heading">What you will find here</h2>
        {anyReady ? (
          <p>
            Secure Base is opening one part at a time. Here is what each part is for, and which
            ones you can use today.
          </p>
        ) : (
          <p>
            Secure Base is new, and its parts will open one at a time. None is ready just yet. For
            now, you can read <a href="/about">what Secure Base is for</a>, and see below what
            each part will offer.
          </p>
        )}
        <ul class="feature-list">
          {features.map((section) => (
            <li key={section.path} class="feature-card">
              <div class="feature-card-top">
                <span class="feature-card-icon">
                  <Icon name={section.icon} />
                </span>
                <StatusBadge ready={section.ready} />
              </div>
              <h3 class="feature-card-title">
                <a class="feature-card-link" href={section.path}>
                  {section.label}
                </a>
              </h3>
              <p class="feature-card-summary">{section.summary}</p>
            </li>
          ))}
        </ul>
      </section>

      <section class="care-note" aria-labelledby="home-care-heading">
        <h2 id="home-care-heading">A note on care</h2>
        <p>
          Secure Base supports your wellbeing and can sit alongside therapy. It is not a treatment,
          and it is not an emergency service.
        </p>
        <p>
          If you are in danger, or feel you might act on thoughts of harming yourself, please call
          your local emergency number now.{' '}
          <HelpButton class="link-button">See emergency numbers and support lines</HelpButton>
        </p>
      </section>
    </Page>
  );
}
