// IANA time zones for the time-zone picker: the browser's own list, grouped by region, with
// readable names ("America/Argentina/Buenos_Aires" → "Argentina – Buenos Aires" under
// "America"). The device's zone is always in the list, even if the browser names it by an
// older alias the list leaves out.

export interface ZoneGroup {
  region: string;
  zones: { value: string; label: string }[];
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
  const place = parts.length > 1 ? parts.slice(1) : parts;
  return place.join(' – ').replace(/_/g, ' ');
}

export function groupTimeZones(zones: readonly string[]): ZoneGroup[] {
  const groups = new Map<string, ZoneGroup>();
  for (const zone of zones) {
    const region = zone.includes('/') ? zone.slice(0, zone.indexOf('/')) : 'Other';
    let group = groups.get(region);
    if (!group) {
      group = { region, zones: [] };
      groups.set(region, group);
    }
    group.zones.push({ value: zone, label: zoneLabel(zone) });
  }
  for (const group of groups.values()) group.zones.sort((a, b) => a.label.localeCompare(b.label, 'en'));
  return [...groups.values()].sort((a, b) => a.region.localeCompare(b.region, 'en'));
}
