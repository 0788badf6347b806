// Crisis lines: where a person can find help now, by country. The data comes
// from content/crisis/<cc>.toml (read by content/crisis_lines_parser); this
// is the directory the "Need help now" panel asks.
//
// Every country has an emergency number; lines add the national listening
// and crisis services, each with the date the entry was last checked.
//
// Thread-safety: immutable after construction; safe from any thread.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/error.h"

namespace securebase::domain {

struct CrisisLine {
  std::string id;
  std::string name;
  std::string description;
  std::string phone;        // as dialled in that country; may be empty when sms is set
  std::string sms;          // a number to text; may be empty
  std::string sms_keyword;  // a word to text to `sms`; may be empty
  std::string url;          // the provider's own https site; may be empty
  std::string hours;
  std::string last_verified;  // YYYY-MM-DD
};

struct CountryCrisisLines {
  std::string country;  // ISO 3166-1 alpha-2, upper case
  std::string name;
  std::string emergency;
  std::string last_verified;  // YYYY-MM-DD
  std::vector<CrisisLine> lines;
};

struct CountryName {
  std::string code;
  std::string name;
};

class CrisisDirectory {
 public:
  CrisisDirectory() = default;
  explicit CrisisDirectory(std::vector<CountryCrisisLines> countries);

  // The lines for a country code ("GB", or "gb"). InvalidArgument for a
  // code that is not two letters; NotFound for one we hold nothing for.
  Result<const CountryCrisisLines*> Find(std::string_view code) const;

  // Every country we hold, sorted by name.
  const std::vector<CountryName>& Countries() const { return names_; }

 private:
  std::vector<CountryCrisisLines> countries_;
  std::vector<CountryName> names_;
};

// Upper-cases a two-letter code; InvalidArgument when it is not one.
Result<std::string> NormalizeCountryCode(std::string_view code);

}  // namespace securebase::domain
