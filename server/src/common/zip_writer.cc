#include "common/zip_writer.h"

#include <array>
#include <chrono>
#include <limits>

namespace securebase {

namespace {

constexpr std::array<std::uint32_t, 256> MakeCrcTable() {
  std::array<std::uint32_t, 256> table{};
  for (std::uint32_t i = 0; i < 256; ++i) {
    std::uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    table[i] = c;
  }
  return table;
}
constexpr auto kCrcTable = MakeCrcTable();

void U16(std::string& out, std::uint32_t v) {
  out.push_back(static_cast<char>(v & 0xff));
  out.push_back(static_cast<char>((v >> 8) & 0xff));
}
void U32(std::string& out, std::uint32_t v) {
  U16(out, v & 0xffff);
  U16(out, v >> 16);
}

// MS-DOS date and time, as zip headers hold them (two-second steps, from 1980).
std::pair<std::uint32_t, std::uint32_t> DosDateTime(Instant at) {
  using namespace std::chrono;
  const sys_seconds s{duration_cast<seconds>(milliseconds(at.millis))};
  const auto day = floor<days>(s);
  const year_month_day ymd{day};
  const hh_mm_ss<seconds> t{s - day};
  const int y = std::max(1980, static_cast<int>(ymd.year()));
  const std::uint32_t date =
      static_cast<std::uint32_t>(((y - 1980) << 9) | (static_cast<unsigned>(ymd.month()) << 5) |
                                 static_cast<unsigned>(ymd.day()));
  const std::uint32_t time = static_cast<std::uint32_t>(
      (t.hours().count() << 11) | (t.minutes().count() << 5) | (t.seconds().count() / 2));
  return {date, time};
}

}  // namespace

std::uint32_t Crc32(std::string_view data) {
  std::uint32_t c = 0xFFFFFFFFu;
  for (const unsigned char byte : data) c = kCrcTable[(c ^ byte) & 0xff] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

Status ZipWriter::Add(std::string_view name, std::string_view contents) {
  constexpr auto kMax = std::numeric_limits<std::uint32_t>::max();
  if (name.empty() || name.front() == '/' || name.find("..") != std::string_view::npos ||
      name.find('\\') != std::string_view::npos || name.size() > 0xffff) {
    return InvalidArgument("A file in an archive needs a plain relative name.");
  }
  if (contents.size() >= kMax || out_.size() + contents.size() + 1024 >= kMax) {
    return InvalidArgument("The archive would be larger than 4 GiB.");
  }
  Entry e{std::string(name), Crc32(contents), static_cast<std::uint32_t>(contents.size()),
          static_cast<std::uint32_t>(out_.size())};
  const auto [date, time] = DosDateTime(modified_);
  U32(out_, 0x04034b50);  // local file header
  U16(out_, 20);          // version needed: 2.0
  U16(out_, 0x0800);      // flags: the name is UTF-8
  U16(out_, 0);           // stored
  U16(out_, time);
  U16(out_, date);
  U32(out_, e.crc);
  U32(out_, e.size);
  U32(out_, e.size);
  U16(out_, static_cast<std::uint32_t>(e.name.size()));
  U16(out_, 0);
  out_ += e.name;
  out_ += contents;
  entries_.push_back(std::move(e));
  return {};
}

std::string ZipWriter::Finish() && {
  const auto [date, time] = DosDateTime(modified_);
  const auto directory = static_cast<std::uint32_t>(out_.size());
  for (const Entry& e : entries_) {
    U32(out_, 0x02014b50);  // central directory header
    U16(out_, 20);          // made by: 2.0
    U16(out_, 20);
    U16(out_, 0x0800);
    U16(out_, 0);
    U16(out_, time);
    U16(out_, date);
    U32(out_, e.crc);
    U32(out_, e.size);
    U32(out_, e.size);
    U16(out_, static_cast<std::uint32_t>(e.name.size()));
    U16(out_, 0);  // extra
    U16(out_, 0);  // comment
    U16(out_, 0);  // disk
    U16(out_, 0);  // internal attributes
    U32(out_, 0);  // external attributes
    U32(out_, e.offset);
    out_ += e.name;
  }
  const auto size = static_cast<std::uint32_t>(out_.size()) - directory;
  U32(out_, 0x06054b50);  // end of central directory
  U16(out_, 0);
  U16(out_, 0);
  U16(out_, static_cast<std::uint32_t>(entries_.size()));
  U16(out_, static_cast<std::uint32_t>(entries_.size()));
  U32(out_, size);
  U32(out_, directory);
  U16(out_, 0);
  return std::move(out_);
}

}  // namespace securebase
