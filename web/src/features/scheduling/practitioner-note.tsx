// What the practitioner sees on the clients' booking pages: they are for her clients, and her
// own view of sessions is elsewhere.
export function PractitionerNote() {
  return (
    <div class="form-panel">
      <p>
        These pages are where your clients book and manage their sessions with you. You’re logged in as the practitioner,
        so there is nothing to book here: your sessions, hours and booking settings are in your console.
      </p>
    </div>
  );
}
