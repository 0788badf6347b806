-- An optional iCalendar part for outgoing mail (booking invitations and
-- cancellations; see domain/notify/outgoing_mail.h). NULL: a plain message.
-- `calendar` is the .ics text: it names the attendees, so it is erased with
-- the body once the mail is sent. `calendar_method` (REQUEST, CANCEL or
-- PUBLISH) says what kind of calendar message went and is kept.
ALTER TABLE outbox ADD COLUMN calendar TEXT;
ALTER TABLE outbox ADD COLUMN calendar_method TEXT
  CHECK (calendar_method IN ('REQUEST', 'CANCEL', 'PUBLISH'));
