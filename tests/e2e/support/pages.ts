// Every screen of the shell: where it lives, its one h1 and its document title.
export interface PageUnderTest {
  path: string;
  heading: string;
  title: string;
}

export const pages: PageUnderTest[] = [
  { path: '/', heading: 'Welcome to Secure Base', title: 'Home · Secure Base' },
  { path: '/course', heading: 'Course', title: 'Course · Secure Base' },
  { path: '/practices', heading: 'Practices', title: 'Practices · Secure Base' },
  { path: '/journal', heading: 'Journal', title: 'Journal · Secure Base' },
  { path: '/progress', heading: 'Progress', title: 'Progress · Secure Base' },
  { path: '/sharing', heading: 'Sharing', title: 'Sharing · Secure Base' },
  { path: '/sessions', heading: 'Sessions', title: 'Sessions · Secure Base' },
  { path: '/about', heading: 'About Secure Base', title: 'About · Secure Base' },
  { path: '/privacy', heading: 'Your privacy', title: 'Privacy · Secure Base' },
  { path: '/no-such-page', heading: 'Page not found', title: 'Page not found · Secure Base' },
];
