// Main navigation. One list in the DOM; CSS makes it a bottom tab bar on phones and a side
// column on wider screens. The current section is marked with aria-current.
import { useLocation } from 'preact-iso';
import { ConsoleNavItem } from '../features/console/console-nav-item';
import { sections } from '../sections';
import { Icon } from './icon';
import './site-nav.css';

/** The section a path belongs to: "/course/lesson-1" is still in "/course". */
export function isCurrent(sectionPath: string, path: string): boolean {
  if (sectionPath === '/') return path === '/';
  return path === sectionPath || path.startsWith(`${sectionPath}/`);
}

export function SiteNav() {
  const { path } = useLocation();
  return (
    <nav class="site-nav" aria-label="Main">
      <ul class="site-nav-list">
        {sections.map((section) => (
          <li key={section.path}>
            <a
              class="site-nav-link"
              href={section.path}
              aria-current={isCurrent(section.path, path) ? 'page' : undefined}
            >
              <Icon name={section.icon} class="site-nav-icon" />
              <span class="site-nav-label">{section.label}</span>
            </a>
          </li>
        ))}
        {/* Only for the practitioner, once signed in with her code. */}
        <ConsoleNavItem />
      </ul>
    </nav>
  );
}
