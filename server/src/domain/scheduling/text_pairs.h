// TextPairs: an ordered list of (name, text) pairs written as bytes and read
// back, length-prefixed ("5:hopes12:Feeling calm"), so any text survives,
// newlines and colons included. Used for intake answers (sealed) and for the
// booking settings kept as one value in the settings table (so a save is
// one write).
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/error.h"

namespace securebase::domain {

using TextPairs = std::vector<std::pair<std::string, std::string>>;

std::string EncodeTextPairs(const TextPairs& pairs);

// Refuses (kInternal) anything EncodeTextPairs could not have made.
Result<TextPairs> DecodeTextPairs(std::string_view bytes);

// The text of the first pair named `name`, or nullptr.
const std::string* FindText(const TextPairs& pairs, std::string_view name);

}  // namespace securebase::domain
