// `securebase keys rotate` and `securebase keys status`: the operator's view
// of the encryption keys (app/key_rotation.h does the work). Output names
// tables, key ids and counts, never anything a person wrote.
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <iostream>
#include <thread>

#include "app/commands.h"
#include "app/database_setup.h"
#include "app/key_rotation.h"
#include "app/secret_keys.h"

namespace securebase::app {
namespace {

constexpr std::size_t kStatusPageSize = 1000;

std::string Plural(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string KeyIdList(const std::vector<std::uint32_t>& ids) {
  std::string out;
  for (const auto id : ids) out += (out.empty() ? "" : ", ") + SecretBox::KeyIdText(id);
  return out.empty() ? "none" : out;
}

// Keeps a second `keys rotate` on the same key folder from running at once
// (it would make a key of its own). An advisory lock on the folder itself:
// released when the process ends, however it ends.
class KeyFolderLock {
 public:
  explicit KeyFolderLock(const std::filesystem::path& folder)
      : fd_(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)) {}
  ~KeyFolderLock() {
    if (fd_ >= 0) ::close(fd_);
  }
  KeyFolderLock(const KeyFolderLock&) = delete;
  KeyFolderLock& operator=(const KeyFolderLock&) = delete;
  bool TryLock() { return fd_ >= 0 && ::flock(fd_, LOCK_EX | LOCK_NB) == 0; }

 private:
  int fd_;
};

void PrintCounts(const std::vector<KeyUseCounts>& counts) {
  std::cout << fmt::format("  {:<18} {:>9} {:>9} {:>13} {:>9}\n", "table", "current", "retired",
                           "no known key", "damaged");
  for (const auto& t : counts) {
    std::cout << fmt::format("  {:<18} {:>9} {:>9} {:>13} {:>9}\n", t.table, t.current, t.retired,
                             t.unknown, t.damaged);
  }
}

struct Totals {
  std::size_t current = 0, retired = 0, unknown = 0, damaged = 0;
};

Totals Sum(const std::vector<KeyUseCounts>& counts) {
  Totals t;
  for (const auto& c : counts) {
    t.current += c.current;
    t.retired += c.retired;
    t.unknown += c.unknown;
    t.damaged += c.damaged;
  }
  return t;
}

void ExplainUnknown(std::size_t n, const SecretBox& box) {
  std::cout << Plural(n, "value was", "values were")
            << " sealed with a key that is not here. They are left exactly as they are: if a "
               "retired key file is missing from "
            << box.key_files().retired_folder.string()
            << ", put it back (from the backup of your keys) and run this again.\n";
}

void ExplainDamaged(std::size_t n) {
  std::cout << Plural(n, "value names", "values name")
            << " a key that is here but does not open with it: changed on disk, or copied from "
               "another row. They are left exactly as they are; restore them from a backup if "
               "you need them.\n";
}

}  // namespace

int RunKeysStatus(const Config& config) {
  auto box = LoadSecretKeys(config);
  if (!box) {
    std::cerr << "securebase keys status: " << box.error().message << "\n";
    return 1;
  }
  MetricsRegistry metrics;
  SystemClock clock;
  auto db = OpenAndMigrate(config, metrics, clock);
  if (!db) {
    std::cerr << "securebase keys status: " << db.error().message << "\n";
    return 1;
  }
  storage::SqlSealedValues values(**db);
  auto counts = CountKeyUse(values, *box, kStatusPageSize);
  if (!counts) {
    std::cerr << "securebase keys status: " << counts.error().message << "\n";
    return 1;
  }
  std::cout << "Current key: " << SecretBox::KeyIdText(box->CurrentKeyId()) << " ("
            << box->key_files().current.string() << ")\n"
            << "Retired keys: " << KeyIdList(box->RetiredKeyIds()) << " ("
            << box->key_files().retired_folder.string() << ")\n"
            << "Sealed values by the key they use:\n";
  PrintCounts(*counts);
  const Totals totals = Sum(*counts);
  if (totals.retired > 0) {
    std::cout << Plural(totals.retired, "value still uses", "values still use")
              << " a retired key: `securebase keys rotate` re-seals them with the current one.\n";
  }
  int code = 0;
  if (totals.unknown > 0) {
    ExplainUnknown(totals.unknown, *box);
    code = 1;
  }
  if (totals.damaged > 0) {
    ExplainDamaged(totals.damaged);
    code = 1;
  }
  return code;
}

int RunKeysRotate(const Config& config, std::size_t batch) {
  auto box = LoadSecretKeys(config);
  if (!box) {
    std::cerr << "securebase keys rotate: " << box.error().message << "\n";
    return 1;
  }
  const auto folder = box->key_files().current.has_parent_path()
                          ? box->key_files().current.parent_path()
                          : std::filesystem::path(".");
  KeyFolderLock lock(folder);
  if (!lock.TryLock()) {
    std::cerr << "securebase keys rotate: another `securebase keys rotate` is working on "
              << folder.string() << ". Let it finish; if it stops, running this again carries on "
              << "where it left off.\n";
    return 1;
  }
  MetricsRegistry metrics;
  SystemClock clock;
  auto db = OpenAndMigrate(config, metrics, clock);
  if (!db) {
    std::cerr << "securebase keys rotate: " << db.error().message << "\n";
    return 1;
  }
  storage::SqlSealedValues values(**db);

  RotateOptions options;
  options.reseal.batch = batch;
  options.reseal.on_progress = [](const ResealCounts& c, bool table_done) {
    if (!table_done) {
      std::cout << fmt::format("{}: {} read, {} re-sealed so far\n", c.table, c.scanned, c.resealed)
                << std::flush;
      return;
    }
    std::cout << fmt::format("{}: done: {} read, {} re-sealed", c.table,
                             Plural(c.scanned, "row", "rows"), c.resealed);
    if (c.changed > 0)
      std::cout << fmt::format(", {} changed meanwhile (kept as written)", c.changed);
    if (c.Unopenable() > 0) std::cout << fmt::format(", {} no key opens", c.Unopenable());
    std::cout << ".\n" << std::flush;
  };
  // Running servers look at the key file every content_poll_seconds. Until
  // they have the new key, a value re-sealed with it would not open there.
  const auto settle = std::chrono::seconds(config.content_poll_seconds + 1);
  options.after_new_key = [&](const SecretBox::Rotation& r) {
    std::cout << "Made a new key " << SecretBox::KeyIdText(r.new_key_id) << ". The previous key "
              << SecretBox::KeyIdText(r.old_key_id) << " is kept as " << r.retired_file.string()
              << ": it still opens older backups, so keep it with your key backups.\n"
              << "Waiting " << settle.count()
              << " s for running servers to load the new key (they look every "
              << config.content_poll_seconds << " s; SIGHUP makes one look at once)…\n"
              << std::flush;
    std::this_thread::sleep_for(settle);
  };
  options.on_resume = [&](const std::vector<KeyUseCounts>& counts) {
    std::cout << "Resuming an earlier rotation: " << Plural(Sum(counts).retired, "value", "values")
              << " sealed with an older key remain, so no new key is made; re-sealing them with "
                 "the current key "
              << SecretBox::KeyIdText(box->CurrentKeyId()) << ".\n"
              << std::flush;
  };
  auto report = RotateKeys(values, *box, options);
  if (!report) {
    std::cerr << "securebase keys rotate: " << report.error().message
              << "\nRunning this again carries on where it stopped.\n";
    return 1;
  }
  auto after = CountKeyUse(values, *box, batch);
  if (!after) {
    std::cerr << "securebase keys rotate: " << after.error().message << "\n";
    return 1;
  }
  const Totals totals = Sum(*after);
  int code = 0;
  if (totals.retired > 0) {
    std::cout << Plural(totals.retired, "value still uses", "values still use")
              << " an older key: written while this ran by a server that had not loaded the new "
                 "key yet. Run `securebase keys rotate` again to finish.\n";
    code = 1;
  }
  if (totals.unknown > 0) {
    ExplainUnknown(totals.unknown, *box);
    code = 1;
  }
  if (totals.damaged > 0) {
    ExplainDamaged(totals.damaged);
    code = 1;
  }
  if (code == 0) {
    std::cout << "Every sealed value (" << totals.current << ") now uses the key "
              << SecretBox::KeyIdText(box->CurrentKeyId()) << ".\n";
  }
  return code;
}

}  // namespace securebase::app
