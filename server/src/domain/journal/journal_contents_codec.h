// JournalContentsCodec turns an entry's contents (the body and its tags,
// journal_entry.h) into the plaintext that is sealed and stored, and back.
// A port: the domain seals and opens, and does not know the format; the
// implementation is api/journal_json.h (JSON with the API's field names).
//
// Whatever format an implementation writes is stored in every sealed body,
// so it is a storage format: changing it needs a migration of stored bodies.
//
// Thread-safety: implementations are stateless; safe from any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "domain/journal/journal_entry.h"

namespace securebase::domain {

class JournalContentsCodec {
 public:
  virtual ~JournalContentsCodec() = default;

  virtual std::string Encode(const JournalContents& contents) const = 0;

  // The contents Encode wrote; an Internal error (naming no content) for
  // anything it cannot read. Decoding does not apply CheckJournalDraft: an
  // entry saved under older rules still reads.
  virtual Result<JournalContents> Decode(std::string_view plaintext) const = 0;

  // A quick test on a plaintext before decoding it, for searches that open
  // thousands: false only when the contents certainly do not hold every one
  // of `needles` (in ASCII lower case) anywhere, compared with ASCII letters
  // folded. True tells nothing: decode and look.
  virtual bool MayHoldAll(std::string_view plaintext,
                          const std::vector<std::string>& needles) const = 0;
};

}  // namespace securebase::domain
