import { fireEvent, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { renderAt } from './test/render-at';

describe('app shell', () => {
  it('has one of each landmark and a skip link first', () => {
    const { container } = renderAt('/');
    expect(screen.getAllByRole('banner')).toHaveLength(1);
    expect(screen.getAllByRole('navigation')).toHaveLength(1);
    expect(screen.getAllByRole('main')).toHaveLength(1);
    expect(screen.getAllByRole('contentinfo')).toHaveLength(1);

    const firstLink = container.querySelector('a');
    expect(firstLink?.textContent).toBe('Skip to content');
    expect(firstLink?.getAttribute('href')).toBe('#main');
    expect(screen.getByRole('main').id).toBe('main');
  });

  it('links to every section from the main navigation', () => {
    renderAt('/');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Home', '/'],
      ['Course', '/course'],
      ['Practices', '/practices'],
      ['Journal', '/journal'],
      ['Progress', '/progress'],
      ['Sessions', '/sessions'],
    ]);
  });

  it('marks only the current section in the navigation', () => {
    renderAt('/journal');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const current = within(nav)
      .getAllByRole('link')
      .filter((link) => link.getAttribute('aria-current') === 'page');
    expect(current.map((link) => link.textContent)).toEqual(['Journal']);
  });

  it('shows the home page with its title', () => {
    renderAt('/');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Welcome to Secure Base');
    expect(document.title).toBe('Home · Secure Base');
  });

  it('offers urgent help, the About page and the privacy page from every screen', () => {
    renderAt('/practices');
    const help = screen.getByRole('button', { name: 'Need help now?' });
    expect(help.getAttribute('aria-haspopup')).toBe('dialog');
    const footer = screen.getByRole('contentinfo');
    expect(within(footer).getByRole('link', { name: 'About Secure Base' }).getAttribute('href')).toBe(
      '/about',
    );
    expect(within(footer).getByRole('link', { name: 'Privacy' }).getAttribute('href')).toBe('/privacy');
    expect(footer.textContent).toContain('not a treatment or an emergency service');
  });

  it('opens the "Need help now" panel over the current screen in one tap', () => {
    vi.stubGlobal('fetch', () => new Promise<Response>(() => {}));
    sessionStorage.setItem('securebase.help.country', 'GB');
    renderAt('/course');
    const help = screen.getByRole('button', { name: 'Need help now?' });
    help.focus();

    fireEvent.click(help);

    const dialog = screen.getByRole('dialog', { name: 'Need help now' });
    expect(within(dialog).getByRole('link', { name: 'If you are in danger now, call 999' })).toBeTruthy();
    expect(location.pathname).toBe('/course');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Course');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(help);
  });

  it('navigates in-app, updating the title, the current link and focus', async () => {
    renderAt('/');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    fireEvent.click(within(nav).getByRole('link', { name: 'Course' }));

    const heading = await screen.findByRole('heading', { level: 1, name: 'Course' });
    expect(location.pathname).toBe('/course');
    expect(document.title).toBe('Course · Secure Base');
    expect(within(nav).getByRole('link', { name: 'Course' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('link', { name: 'Home' }).getAttribute('aria-current')).toBeNull();
    expect(document.activeElement).toBe(heading);
  });
});
