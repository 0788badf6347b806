#include "storage/sealed_tables.h"

#include "domain/accounts/two_factor_sealing.h"
#include "domain/course/prompt_answer_sealing.h"
#include "domain/journal/journal_sealing.h"
#include "domain/notes/note_sealing.h"
#include "domain/scheduling/booking_sealing.h"

namespace securebase::storage {

const std::vector<SealedTable>& SealedTables() {
  // Key columns find each row (the PRIMARY KEY, plus what the associated
  // data names) (server/migrations/).
  static const std::vector<SealedTable> tables = {
      {domain::kTwoFactorTable,
       {"user_id"},
       domain::kTwoFactorSealedColumn,
       [](const std::vector<std::string>& key) { return domain::TwoFactorSecretAd(key[0]); }},
      {domain::kPromptAnswerTable,
       {"user_id", "lesson_id", "prompt_id"},
       "sealed_text",
       [](const std::vector<std::string>& key) {
         return domain::PromptAnswerAd(key[1], key[2], key[0]);
       }},
      {domain::kJournalTable,
       {"user_id", "id"},
       domain::kJournalSealedColumn,
       [](const std::vector<std::string>& key) { return domain::JournalBodyAd(key[1], key[0]); }},
      // The key is the id alone; the client id is part of the associated data.
      {domain::kBookingsTable,
       {"id", "client_id"},
       domain::kBookingIntakeColumn,
       [](const std::vector<std::string>& key) { return domain::BookingIntakeAd(key[0], key[1]); }},
      // The key is the id alone; the author and the client are part of the
      // associated data.
      {domain::kSessionNotesTable,
       {"id", "author_id", "client_id"},
       domain::kSessionNoteSealedColumn,
       [](const std::vector<std::string>& key) {
         return domain::SessionNoteAd(key[0], key[1], key[2]);
       }},
  };
  return tables;
}

}  // namespace securebase::storage
