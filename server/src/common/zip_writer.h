// ZipWriter: a .zip archive of whole files held in memory, stored without
// compression (the files are small JSON; a download of someone's records
// should open with any unzip tool on any system). Follows the PKWARE
// APPNOTE: a local header per file, then the central directory. No ZIP64:
// files and the archive stay under 4 GiB (Add refuses more).
//
// Thread-safety: one writer per archive.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/error.h"

namespace securebase {

// CRC-32 (IEEE 802.3), as zip and gzip use it.
std::uint32_t Crc32(std::string_view data);

class ZipWriter {
 public:
  // Files are dated `modified` (UTC; zip keeps local time without a zone).
  explicit ZipWriter(Instant modified) : modified_(modified) {}

  // `name`: a relative path with forward slashes, no "..".
  Status Add(std::string_view name, std::string_view contents);
  // The finished archive.
  std::string Finish() &&;

 private:
  struct Entry {
    std::string name;
    std::uint32_t crc = 0;
    std::uint32_t size = 0;
    std::uint32_t offset = 0;
  };

  Instant modified_;
  std::string out_;
  std::vector<Entry> entries_;
};

}  // namespace securebase
