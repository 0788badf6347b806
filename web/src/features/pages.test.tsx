// Every screen: exactly one h1 and its own title; the home page honest about what is ready.
import { fireEvent, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { renderAt } from '../test/render-at';

describe('home page', () => {
  it('is honest about which parts are ready: every part now', () => {
    renderAt('/');
    expect(screen.getByText(/which ones you can use today/)).toBeTruthy();
    expect(screen.queryAllByText('Being prepared')).toHaveLength(0);
    const ready = screen.getAllByText('Ready').map((badge) => badge.closest('li')!.textContent);
    expect(ready).toHaveLength(5);
    expect(ready[0]).toContain('Course');
    expect(ready[1]).toContain('Practices');
    expect(ready[2]).toContain('Journal');
    expect(ready[3]).toContain('Progress');
    expect(ready[4]).toContain('Sessions');
  });

  it('says what Secure Base is not', () => {
    renderAt('/');
    const main = screen.getByRole('main');
    expect(main.textContent).toContain('It is not a treatment, and it is not an emergency service.');
  });

  it('opens the help panel from the note on care', () => {
    vi.stubGlobal('fetch', () => new Promise<Response>(() => {}));
    renderAt('/');
    fireEvent.click(screen.getByRole('button', { name: 'See emergency numbers and support lines' }));
    expect(screen.getByRole('dialog', { name: 'Need help now' })).toBeTruthy();
  });
});

describe('about page', () => {
  it('says what the app is for, what it is not, and what to do in an emergency', () => {
    renderAt('/about');
    expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual([
      'About Secure Base',
    ]);
    expect(document.title).toBe('About · Secure Base');
    expect(screen.getByRole('heading', { level: 2, name: 'What it is for' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'What it is not' })).toBeTruthy();
    expect(screen.getByRole('main').textContent).toContain('It is not a treatment');
    expect(screen.getByRole('main').textContent).toContain('not an emergency service');
    const urgent = screen.getByRole('heading', { level: 2, name: 'If you need help now' });
    expect(urgent.id).toBe('urgent-help');
    expect(screen.getByRole('main').textContent).toContain('call your local emergency number now');
  });

  it('lists the built-in emergency numbers and opens the panel for the full list', () => {
    vi.stubGlobal('fetch', () => new Promise<Response>(() => {}));
    renderAt('/about');
    const section = screen.getByRole('heading', { level: 2, name: 'If you need help now' }).closest('section');
    const items = [...(section?.querySelectorAll('li') ?? [])].map((li) => li.textContent);
    expect(items).toEqual([
      'United Kingdom999 · Samaritans 116 123',
      'Ireland112 or 999 · Samaritans 116 123',
      'United States911 · 988 Suicide & Crisis Lifeline 988',
      'Anywhere in the European Union112',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Show the support lines for your country' }));
    expect(screen.getByRole('dialog', { name: 'Need help now' })).toBeTruthy();
  });

  it('brings the urgent help section into focus when linked to it', () => {
    renderAt('/about#urgent-help');
    expect(document.activeElement?.id).toBe('urgent-help');
  });
});

describe('privacy page', () => {
  it('has one h1, its title, and no current section in the navigation', () => {
    renderAt('/privacy');
    expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual(['Your privacy']);
    expect(document.title).toBe('Privacy · Secure Base');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(nav.querySelector('[aria-current]')).toBeNull();
  });

  it('scans: who runs it, today, what is planned, what it is not', () => {
    renderAt('/privacy');
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Who looks after your information',
      'What is kept today',
      'As features arrive',
      'What Secure Base is not',
    ]);
    expect(screen.getByRole('main').textContent).toContain('data controller');
  });

  it('says plainly what is kept today, and nothing more', () => {
    renderAt('/privacy');
    const today = screen.getByRole('heading', { level: 2, name: 'What is kept today' }).closest('section');
    const text = today?.textContent ?? '';
    expect(text).toContain('your check-ins, where you are in the course, your practices, your journal and the sessions you book');
    expect(text).toContain('Your answers to the questions before a session are encrypted like your journal.');
    expect(text).toContain('Everything you write or choose in an entry is encrypted');
    expect(text).toContain('A journal entry you are writing is kept here as you type');
    expect(text).toContain('Your answers to the questions in lessons.');
    expect(text).toContain('never your answers, and they are removed when you log out');
    expect(text).toContain('it goes once you send it, start again, log out, or after 30 days');
    expect(text).toContain('Your email address, the name you’d like to be called, your time zone and your country.');
    expect(text).toContain('an argon2id hash');
    expect(text).toContain('The server keeps only a scrambled form of the code');
    expect(text).toContain('is stored encrypted, and your recovery codes only in scrambled form');
    expect(text).toContain('never include your name, your email, your IP address');
    expect(text).toContain('kept in this browser tab only');
    expect(text).toContain('A “csrf” cookie');
    expect(text).toContain('No advertising, trackers or analytics');
    // "Today" promises nothing that is still to come.
    expect(text).not.toMatch(/will be/i);
    expect(today?.querySelector('.status-badge')).toBeNull();
  });

  it('labels everything planned as planned, one card per kind of data', () => {
    renderAt('/privacy');
    const planned = screen.getByRole('heading', { level: 2, name: 'As features arrive' }).closest('section');
    expect(planned?.querySelector('.status-badge')?.textContent).toBe('Being prepared');
    expect(planned?.textContent).toContain('None of this exists yet.');
    const kinds = [...(planned?.querySelectorAll('.privacy-kind h3') ?? [])].map((h) => h.textContent);
    expect(kinds).toEqual(['What you choose to share']);
    for (const card of planned?.querySelectorAll('.privacy-kind') ?? []) {
      expect([...card.querySelectorAll('dt')].map((dt) => dt.textContent)).toEqual([
        'What will be kept',
        'Why',
        'How it will be protected',
      ]);
    }
    const text = planned?.textContent ?? '';
    expect(text).toContain('a record of each time she opens them');
    expect(text).toContain('it will be recorded in an audit log');
    expect(text).toContain('download everything');
    expect(text).toContain('delete your account');
  });

  it('says it is not a treatment or an emergency service, and opens the help panel', () => {
    vi.stubGlobal('fetch', () => new Promise<Response>(() => {}));
    renderAt('/privacy');
    const main = screen.getByRole('main');
    expect(main.textContent).toContain('It is not a treatment, and it is not an emergency service.');
    fireEvent.click(screen.getByRole('button', { name: 'See emergency numbers and support lines' }));
    expect(screen.getByRole('dialog', { name: 'Need help now' })).toBeTruthy();
  });

  it('is linked from the footer and from the About page', () => {
    renderAt('/about');
    const footer = screen.getByRole('contentinfo');
    expect(within(footer).getByRole('link', { name: 'Privacy' }).getAttribute('href')).toBe('/privacy');
    const about = within(screen.getByRole('main'));
    expect(about.getByRole('link', { name: 'what Secure Base keeps about you, and why' }).getAttribute('href')).toBe(
      '/privacy',
    );
  });
});

describe('not found page', () => {
  it('is shown for an unknown path, with a way home', () => {
    renderAt('/no/such/page');
    expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual([
      'Page not found',
    ]);
    expect(document.title).toBe('Page not found · Secure Base');
    expect(screen.getByRole('link', { name: 'Go to the home page' }).getAttribute('href')).toBe('/');
    // No section is "current" on a page that does not exist.
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(nav.querySelector('[aria-current]')).toBeNull();
  });
});
