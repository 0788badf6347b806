// Line icons for the navigation and the help panel's call and text buttons, drawn for Secure
// Base on a 24px grid. Decorative only: the text label beside each icon carries the meaning, so
// icons are hidden from assistive tech.

const paths = {
  home: ['M4 10.5 12 4l8 6.5V19a1 1 0 0 1-1 1h-4.5v-5.5h-5V20H5a1 1 0 0 1-1-1z'],
  course: ['M12 6.5C10.2 5.2 7.6 4.5 4 4.5V18c3.6 0 6.2.7 8 2 1.8-1.3 4.4-2 8-2V4.5c-3.6 0-6.2.7-8 2z', 'M12 6.5V20'],
  practices: ['M4 9h9.5a2.5 2.5 0 1 0-2.5-2.5', 'M4 13h13.5a2.5 2.5 0 1 1-2.5 2.5', 'M4 17h5'],
  journal: [
    'M7 3.5h10.5A1.5 1.5 0 0 1 19 5v14a1.5 1.5 0 0 1-1.5 1.5H7a2 2 0 0 1-2-2v-13a2 2 0 0 1 2-2z',
    'M9 8.5h6',
    'M9 12h6',
    'M9 15.5h3',
  ],
  progress: ['M4 19.5h16', 'M5.5 15.5 9.5 11l3 3 6-6.5', 'M15 7.5h3.5V11'],
  sessions: [
    'M5 5.5h14a1 1 0 0 1 1 1V19a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V6.5a1 1 0 0 1 1-1z',
    'M4 10h16',
    'M8.5 3.5v4',
    'M15.5 3.5v4',
  ],
  about: ['M20.5 12a8.5 8.5 0 1 1-17 0 8.5 8.5 0 0 1 17 0z', 'M12 11v5', 'M12 7.75v.01'],
  phone: [
    'M8.2 4.5 6 4.6A2 2 0 0 0 4.1 6.8c.6 6.6 6.5 12.5 13.1 13.1a2 2 0 0 0 2.2-1.9l.1-2.2a1 1 0 0 0-.7-1l-3-1a1 1 0 0 0-1.1.3l-1.3 1.5a11 11 0 0 1-5-5l1.5-1.3a1 1 0 0 0 .3-1.1l-1-3a1 1 0 0 0-1-.7z',
  ],
  message: ['M5 5h14a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1h-8l-4.5 3.5V17H5a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1z'],
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, class: className }: { name: IconName; class?: string }) {
  return (
    <svg
      class={className ? `icon ${className}` : 'icon'}
      viewBox="0 0 24 24"
      width="24"
      height="24"
      fill="none"
      stroke="currentColor"
      stroke-width="1.75"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {paths[name].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
