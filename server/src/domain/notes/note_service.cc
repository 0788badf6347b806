#include "domain/notes/note_service.h"

#include <algorithm>
#include <functional>
#include <map>

#include "common/log.h"
#include "common/random.h"
#include "domain/notes/note_sealing.h"

namespace securebase::domain {
namespace {

std::unexpected<Error> Refused(std::vector<FieldError> errors) {
  const std::string message = errors.front().field + " " + errors.front().message + ".";
  return InvalidArgument(message, std::move(errors));
}

std::unexpected<Error> NoSuchNote() {
  return NotFound("There is no note with this id. It may have been deleted.");
}

// The record's plain fields as a note (its text still to be given).
SessionNote Plain(const SealedSessionNote& r) {
  SessionNote note;
  note.id = r.id;
  note.author_id = r.author_id;
  note.client_id = r.client_id;
  note.booking_id = r.booking_id;
  note.written_at = r.written_at;
  note.updated_at = r.updated_at;
  return note;
}

UnreadableNote Header(const SealedSessionNote& r) {
  return {r.id, r.booking_id, r.written_at, r.updated_at};
}

}  // namespace

Result<ClientNotes> NoteService::About(std::string_view author_id, std::string_view client_id) {
  if (auto client = CheckClient(client_id); !client) return std::unexpected(client.error());
  auto rows = notes_.About(author_id, client_id);
  if (!rows) return std::unexpected(rows.error());
  // The client's bookings, read once for every note tied to one.
  std::map<std::string, Instant, std::less<>> starts;
  if (std::ranges::any_of(*rows, [](const auto& r) { return r.booking_id.has_value(); })) {
    auto booked = bookings_.ForClient(client_id);
    if (!booked) return std::unexpected(booked.error());
    for (const auto& b : *booked) starts.emplace(b.id, b.start);
  }
  ClientNotes out;
  out.notes.reserve(rows->size());
  for (const auto& r : *rows) {
    if (auto note = Open(r)) {
      if (note->booking_id) {
        if (auto s = starts.find(*note->booking_id); s != starts.end()) {
          note->booking_start = s->second;
        }
      }
      out.notes.push_back(std::move(*note));
    } else {
      out.unreadable.push_back(Header(r));
    }
  }
  return out;
}

Result<SessionNote> NoteService::Write(std::string_view author_id, std::string_view client_id,
                                       const NoteDraft& draft) {
  if (auto client = CheckClient(client_id); !client) return std::unexpected(client.error());
  SessionNote note;
  note.text = TrimNoteText(draft.text);
  std::vector<FieldError> errors = CheckNoteText(note.text);
  if (draft.booking_id) {
    auto booking = ClientsBooking(client_id, *draft.booking_id);
    if (!booking) return std::unexpected(booking.error());
    if (*booking) {
      note.booking_start = (*booking)->start;
    } else {
      errors.push_back({"booking_id", "is not one of this client's sessions"});
    }
  }
  if (!errors.empty()) return Refused(std::move(errors));

  note.id = "nt_" + NewId();
  note.author_id = std::string(author_id);
  note.client_id = std::string(client_id);
  note.booking_id = draft.booking_id;
  note.written_at = note.updated_at = clock_.Now();
  auto sealed = box_.Seal(note.text, SessionNoteAd(note.id, note.author_id, note.client_id));
  if (!sealed) return std::unexpected(sealed.error());
  // The audit row first: a note nobody could account for is never written.
  if (auto recorded = audit_.Record(author_id, audit_action::kNoteWritten, client_id, note.id);
      !recorded) {
    return std::unexpected(recorded.error());
  }
  SealedSessionNote record{note.id,         note.author_id,  note.client_id,    note.booking_id,
                           note.written_at, note.updated_at, std::move(*sealed)};
  if (auto inserted = notes_.Insert(record); !inserted) return std::unexpected(inserted.error());
  return note;
}

Result<SessionNote> NoteService::Change(std::string_view author_id, std::string_view note_id,
                                        std::string_view text) {
  auto record = Stored(author_id, note_id);
  if (!record) return std::unexpected(record.error());
  std::string trimmed = TrimNoteText(text);
  if (auto errors = CheckNoteText(trimmed); !errors.empty()) return Refused(std::move(errors));

  const Instant now = clock_.Now();
  auto sealed = box_.Seal(trimmed, SessionNoteAd(record->id, record->author_id, record->client_id));
  if (!sealed) return std::unexpected(sealed.error());
  if (auto recorded =
          audit_.Record(author_id, audit_action::kNoteWritten, record->client_id, record->id);
      !recorded) {
    return std::unexpected(recorded.error());
  }
  auto updated = notes_.UpdateText(author_id, record->id, *sealed, now);
  if (!updated) return std::unexpected(updated.error());
  if (!*updated) return NoSuchNote();  // deleted meanwhile
  SessionNote note = Plain(*record);
  note.updated_at = now;
  note.text = std::move(trimmed);
  if (note.booking_id) {
    auto booking = ClientsBooking(note.client_id, *note.booking_id);
    if (!booking) return std::unexpected(booking.error());
    if (*booking) note.booking_start = (*booking)->start;
  }
  return note;
}

Status NoteService::Delete(std::string_view author_id, std::string_view note_id) {
  auto record = Stored(author_id, note_id);
  if (!record) return std::unexpected(record.error());
  if (auto recorded =
          audit_.Record(author_id, audit_action::kNoteDeleted, record->client_id, record->id);
      !recorded) {
    return std::unexpected(recorded.error());
  }
  auto deleted = notes_.Delete(author_id, record->id);
  if (!deleted) return std::unexpected(deleted.error());
  if (!*deleted) return NoSuchNote();
  return {};
}

Status NoteService::CheckClient(std::string_view client_id) {
  auto user = users_.FindById(client_id);
  if (!user) return std::unexpected(user.error());
  if (!*user || (*user)->role != Role::kLearner)
    return NotFound("There is no client with this id.");
  return {};
}

Result<std::optional<Booking>> NoteService::ClientsBooking(std::string_view client_id,
                                                           std::string_view booking_id) {
  auto booking = bookings_.Find(booking_id);
  if (!booking) return std::unexpected(booking.error());
  if (*booking && (*booking)->client_id != client_id) return std::nullopt;
  return booking;
}

Result<SealedSessionNote> NoteService::Stored(std::string_view author_id,
                                              std::string_view note_id) {
  if (!IsNoteId(note_id)) return NoSuchNote();
  auto record = notes_.Find(author_id, note_id);
  if (!record) return std::unexpected(record.error());
  if (!*record) return NoSuchNote();
  return std::move(**record);
}

std::optional<SessionNote> NoteService::Open(const SealedSessionNote& r) const {
  auto text = box_.Open(r.sealed_text, SessionNoteAd(r.id, r.author_id, r.client_id));
  if (!text) {
    // By id alone, never contents.
    Log(LogLevel::kWarn, "session_note_unreadable", {{"note_id", r.id}});
    return std::nullopt;
  }
  SessionNote note = Plain(r);
  note.text = std::move(*text);
  return note;
}

}  // namespace securebase::domain
