-- A booking outlives its client (docs/adr/0010-account-deletion.md): when a
-- learner deletes their account, the sessions that already happened stay on
-- the practitioner's records without anyone's name. client_id becomes
-- nullable and the account's removal sets it to NULL instead of deleting the
-- row; NULL reads as "a former client". (The deletion itself also clears
-- the booking's intake answers, location and idempotency key:
-- storage/sql_account_eraser.cc.) See the SQLite variant for that dialect.
ALTER TABLE bookings DROP CONSTRAINT bookings_client_id_fkey;
ALTER TABLE bookings ALTER COLUMN client_id DROP NOT NULL;
ALTER TABLE bookings ADD CONSTRAINT bookings_client_id_fkey
  FOREIGN KEY (client_id) REFERENCES users (id) ON DELETE SET NULL;
