// "Your data" on /account: one download of everything Secure Base holds about this person, as
// files any computer can open (GET /api/v1/me/export; docs/data-export.md says what is in it).
export function YourData() {
  return (
    <section class="form-panel" aria-labelledby="account-data-title">
      <h2 id="account-data-title">Your data</h2>
      <p>
        You can download everything Secure Base holds about you: your account, check-ins, practice, course answers,
        journal, sessions and what you share. It comes as a zip file of plain data files, and nothing in it leaves this
        device unless you send it.
      </p>
      <p>
        <a href="/api/v1/me/export" download>
          Download everything about me
        </a>
      </p>
    </section>
  );
}
