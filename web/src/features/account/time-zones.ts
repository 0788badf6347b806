// IANA time zones for the time-zone picker: the browser's own list as one list sorted by place,
// each named so it reads well even when the list is closed ("America/Argentina/Buenos_Aires"
// → "Argentina – Buenos Aires (America)"), and so typing a city's first letters finds it. The
// device's zone is always in the list, even if the browser names it by an older alias.

export interface ZoneOption {
  value: string;
  label: string;
}

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function allTimeZones(include: readonly string[] = []): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  const zones = new Set(typeof intl.supportedValuesOf === 'function' ? intl.supportedValuesOf('timeZone') : []);
  zones.add('UTC');
  for (const zone of include) if (zone) zones.add(zone);
  return [...zones].sort();
}

export function zoneLabel(zone: string): string {
  const parts = zone.split('/');
  if (parts.length < 2) return zone.replace(/_/g, ' ');
  return `${parts.slice(1).join(' – ').replace(/_/g, ' ')} (${parts[0]})`;
}

export function timeZoneOptions(zones: readonly string[]): ZoneOption[] {
  return zones
    .map((value) => ({ value, label: zoneLabel(value) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'en'));
}
