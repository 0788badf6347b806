// The time-zone and country pickers used by sign-up and the account page: native selects,
// which every keyboard, screen reader and phone already knows; typing a city's or a country's
// first letters jumps to it.
import { useMemo } from 'preact/hooks';
import type { FieldAria } from '../../components/form-field';
import { allCountries } from './countries';
import { allTimeZones, timeZoneOptions } from './time-zones';

interface SelectProps {
  aria: FieldAria;
  name: string;
  value: string;
  onValue: (value: string) => void;
}

const change = (onValue: (value: string) => void) => (event: Event) =>
  onValue((event.currentTarget as HTMLSelectElement).value);

export function TimeZoneSelect({ aria, name, value, onValue }: SelectProps) {
  const zones = useMemo(() => timeZoneOptions(allTimeZones([value])), [value]);
  return (
    <select {...aria} name={name} class="form-input" value={value} onChange={change(onValue)}>
      {zones.map((zone) => (
        <option key={zone.value} value={zone.value}>
          {zone.label}
        </option>
      ))}
    </select>
  );
}

export function CountrySelect({ aria, name, value, onValue }: SelectProps) {
  const countries = allCountries();
  return (
    <select {...aria} name={name} class="form-input" autocomplete="country" value={value} onChange={change(onValue)}>
      {countries.map((country) => (
        <option key={country.code} value={country.code}>
          {country.name}
        </option>
      ))}
    </select>
  );
}
