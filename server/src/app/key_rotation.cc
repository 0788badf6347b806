#include "app/key_rotation.h"

#include <sodium.h>

#include <utility>

#include "common/hex.h"

namespace securebase::app {
namespace {

using storage::SealedReplacement;
using storage::SealedRow;
using storage::SealedTable;

void Wipe(std::string& text) {
  sodium_memzero(text.data(), text.size());
}

SecretBox::KeyUse UseOfHex(const SecretBox& box, const std::string& hex) {
  const auto bytes = FromHex(hex);
  return bytes ? box.UseOf(*bytes) : SecretBox::KeyUse::kUnknown;
}

// Opens one value with its row's associated data and seals it again with
// the current key; nullopt when it does not open.
std::optional<std::string> Reseal(const SecretBox& box, const SealedTable& table,
                                  const SealedRow& row) {
  const auto bytes = FromHex(row.sealed_hex);
  if (!bytes) return std::nullopt;
  const std::string ad = table.associated_data(row.key);
  auto plain = box.Open(*bytes, ad);
  if (!plain) return std::nullopt;
  auto sealed = box.Seal(*plain, ad);
  // The plaintext is wiped here rather than left in freed memory.
  Wipe(*plain);
  if (!sealed) return std::nullopt;
  return ToHex(*sealed);
}

bool Opens(const SecretBox& box, const SealedTable& table, const SealedRow& row) {
  const auto bytes = FromHex(row.sealed_hex);
  if (!bytes) return false;
  auto plain = box.Open(*bytes, table.associated_data(row.key));
  if (!plain) return false;
  Wipe(*plain);
  return true;
}

}  // namespace

std::size_t ResealReport::Unopenable() const {
  std::size_t n = 0;
  for (const auto& t : tables) n += t.Unopenable();
  return n;
}

std::size_t ResealReport::Damaged() const {
  std::size_t n = 0;
  for (const auto& t : tables) n += t.damaged;
  return n;
}

std::size_t ResealReport::Changed() const {
  std::size_t n = 0;
  for (const auto& t : tables) n += t.changed;
  return n;
}

Result<std::vector<KeyUseCounts>> CountKeyUse(storage::SqlSealedValues& values,
                                              const SecretBox& box, std::size_t page_size) {
  std::vector<KeyUseCounts> out;
  for (const auto& table : storage::SealedTables()) {
    KeyUseCounts counts{std::string(table.table)};
    std::vector<std::string> after;
    for (;;) {
      auto page = values.Page(table, after, page_size);
      if (!page) return std::unexpected(page.error());
      for (const auto& row : *page) {
        switch (UseOfHex(box, row.sealed_hex)) {
          case SecretBox::KeyUse::kCurrent: ++counts.current; break;
          case SecretBox::KeyUse::kUnknown: ++counts.unknown; break;
          case SecretBox::KeyUse::kRetired:
            ++(Opens(box, table, row) ? counts.retired : counts.damaged);
            break;
        }
      }
      if (page->size() < page_size) break;
      after = page->back().key;
    }
    out.push_back(std::move(counts));
  }
  return out;
}

Result<ResealReport> ResealAll(storage::SqlSealedValues& values, const SecretBox& box,
                               const ResealOptions& options) {
  const std::size_t batch = options.batch == 0 ? 1 : options.batch;
  ResealReport report;
  std::size_t batches = 0;
  for (const auto& table : storage::SealedTables()) {
    ResealCounts counts{std::string(table.table)};
    std::vector<std::string> after;
    std::vector<SealedReplacement> pending;
    bool table_done = false;

    auto write = [&]() -> Status {
      if (options.before_write) options.before_write(table.table);
      auto replaced = values.Replace(table, pending);
      if (!replaced) return std::unexpected(replaced.error());
      counts.resealed += *replaced;
      counts.changed += pending.size() - *replaced;
      pending.clear();
      ++batches;
      if (options.on_progress) options.on_progress(counts, false);
      return {};
    };

    while (!table_done) {
      auto page = values.Page(table, after, batch);
      if (!page) return std::unexpected(page.error());
      table_done = page->size() < batch;
      if (!page->empty()) after = page->back().key;
      for (const auto& row : *page) {
        ++counts.scanned;
        // Values already on the current key are not opened: a damaged one
        // among them is the service's to report, not rotation's.
        const auto use = UseOfHex(box, row.sealed_hex);
        if (use == SecretBox::KeyUse::kCurrent) continue;
        if (use == SecretBox::KeyUse::kUnknown) {
          ++counts.no_key;
          continue;
        }
        auto resealed = Reseal(box, table, row);
        if (!resealed) {
          ++counts.damaged;
          continue;
        }
        pending.push_back({row.key, row.sealed_hex, std::move(*resealed)});
        if (pending.size() < batch) continue;
        if (auto written = write(); !written) return std::unexpected(written.error());
        if (options.max_batches != 0 && batches >= options.max_batches) {
          report.tables.push_back(std::move(counts));
          report.stopped_early = true;
          return report;
        }
      }
    }
    if (!pending.empty()) {
      if (auto written = write(); !written) return std::unexpected(written.error());
    }
    if (options.on_progress) options.on_progress(counts, true);
    report.tables.push_back(std::move(counts));
    if (options.max_batches != 0 && batches >= options.max_batches) {
      report.stopped_early = true;
      return report;
    }
  }
  return report;
}

Result<RotateReport> RotateKeys(storage::SqlSealedValues& values, SecretBox& box,
                                const RotateOptions& options) {
  const auto& files = box.key_files();
  if (files.retired_folder.empty()) {
    return Internal("Key rotation needs a folder for retired keys; this key set has none.");
  }
  RotateReport report;
  auto before = CountKeyUse(values, box, options.reseal.batch == 0 ? 1 : options.reseal.batch);
  if (!before) return std::unexpected(before.error());
  report.before = std::move(*before);
  std::size_t on_retired = 0;
  for (const auto& t : report.before) on_retired += t.retired;
  report.resumed = on_retired > 0;
  if (report.resumed) {
    if (options.on_resume) options.on_resume(report.before);
  } else {
    auto rotation = SecretBox::RotateKeyFile(files.current, files.retired_folder);
    if (!rotation) return std::unexpected(rotation.error());
    if (auto reloaded = box.Reload(); !reloaded) return std::unexpected(reloaded.error());
    if (box.CurrentKeyId() != rotation->new_key_id) {
      return Internal(
          "The new key file was written but a different key was read back. Another rotation "
          "may be running at the same time; run `securebase keys status` before anything else.");
    }
    report.rotation = *rotation;
    if (options.after_new_key) options.after_new_key(*rotation);
  }
  auto resealed = ResealAll(values, box, options.reseal);
  if (!resealed) return std::unexpected(resealed.error());
  report.reseal = std::move(*resealed);
  return report;
}

}  // namespace securebase::app
