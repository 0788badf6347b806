// The booking-settings form as she edits it, and the body the API takes (docs/api/scheduling.md,
// "Booking settings"). The link she typed is kept while "no video link" is chosen, in case she
// changes her mind, but is not sent. The United States is never among the countries: people
// there are served state by state.
import type { BookingSettings, LateAction, VideoMode } from '../../api/console-scheduling';
import type { FieldError } from '../../api/problem';
import type { FieldRef } from './field-errors';

export interface SettingsForm {
  countries: string[];
  usStates: string[];
  outsideMessage: string;
  videoMode: VideoMode;
  videoUrl: string;
  lateWindowHours: string;
  lateAction: LateAction;
  cancellationText: string;
}

export const settingsIds = {
  countries: 'settings-countries',
  usStates: 'settings-us-states',
  outsideMessage: 'settings-outside-message',
  videoMode: 'settings-video-mode',
  videoUrl: 'settings-video-url',
  lateWindow: 'settings-late-window',
  lateAction: 'settings-late-action',
  cancellationText: 'settings-cancellation-text',
};

/** The code the country list never offers. */
export const unitedStates = 'US';

export function formFromSettings(settings: BookingSettings): SettingsForm {
  return {
    countries: (settings.served?.countries ?? []).filter((c) => c !== unitedStates),
    usStates: settings.served?.us_states ?? [],
    outsideMessage: settings.outside_message ?? '',
    videoMode: settings.video?.mode ?? 'none',
    videoUrl: settings.video?.url ?? '',
    lateWindowHours: String(settings.cancellation?.late_window_hours ?? 48),
    lateAction: settings.cancellation?.late_action ?? 'allow',
    cancellationText: settings.cancellation?.text ?? '',
  };
}

export interface SettingsBody {
  settings: BookingSettings;
  fields: FieldRef[];
  problems: FieldError[];
}

export function settingsBody(form: SettingsForm): SettingsBody {
  const ids = settingsIds;
  const problems: FieldError[] = [];
  const hours = form.lateWindowHours.trim();
  if (!/^\d+$/.test(hours)) {
    problems.push({
      field: 'cancellation.late_window_hours',
      message: hours === '' ? 'is missing: please enter a number of hours' : 'must be a whole number of hours',
    });
  }
  const url = form.videoUrl.trim();
  if (form.videoMode !== 'none' && url === '') {
    problems.push({ field: 'video.url', message: 'is missing: please enter the address, starting with https://' });
  }
  const settings: BookingSettings = {
    served: { countries: form.countries.filter((c) => c !== unitedStates), us_states: form.usStates },
    outside_message: form.outsideMessage.trim(),
    video: form.videoMode === 'none' ? { mode: 'none' } : { mode: form.videoMode, url },
    cancellation: {
      late_window_hours: /^\d+$/.test(hours) ? Number(hours) : 0,
      late_action: form.lateAction,
      text: form.cancellationText.trim(),
    },
  };
  const fields: FieldRef[] = [
    { path: 'served.countries', id: ids.countries, noun: 'your list of countries' },
    { path: 'served.us_states', id: ids.usStates, noun: 'your list of US states' },
    { path: 'outside_message', id: ids.outsideMessage, noun: 'the message for people elsewhere' },
    { path: 'video.mode', id: ids.videoMode, noun: 'the kind of video link' },
    // With no link chosen the address is hidden: a problem with it is shown on the choice.
    { path: 'video.url', id: form.videoMode === 'none' ? ids.videoMode : ids.videoUrl, noun: 'the video address' },
    { path: 'cancellation.late_window_hours', id: ids.lateWindow, noun: 'the number of hours' },
    { path: 'cancellation.late_action', id: ids.lateAction, noun: 'what happens to a late change' },
    { path: 'cancellation.text', id: ids.cancellationText, noun: 'your cancellation policy' },
  ];
  return { settings, fields, problems };
}
