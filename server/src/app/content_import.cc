// `securebase content import DIR`: checks DIR, makes it the served content
// folder, and tells running servers to reload (content_publisher.h).
//
// The copy is swapped in with renames, so a server reading the folder sees
// the old files or the new ones, never half of each. Importing the content
// folder itself (after editing it in place) only checks and announces.
#include <filesystem>
#include <iostream>
#include <system_error>

#include "app/commands.h"
#include "app/content_publisher.h"
#include "app/database_setup.h"
#include "common/random.h"
#include "content/content_loader.h"
#include "storage/sql_settings_repository.h"

namespace securebase::app {
namespace {

namespace fs = std::filesystem;

// Replaces `target` with a copy of `source`; the previous folder is removed
// only after the new one is in place.
bool SwapIn(const fs::path& source, const fs::path& target, std::error_code& ec) {
  const fs::path parent = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  const std::string tag = RandomHex(6);
  const fs::path staging = parent / ("." + target.filename().string() + ".import-" + tag);
  const fs::path old = parent / ("." + target.filename().string() + ".old-" + tag);
  fs::copy(source, staging, fs::copy_options::recursive, ec);
  if (ec) return false;
  const bool had_target = fs::exists(target);
  if (had_target) {
    fs::rename(target, old, ec);
    if (ec) {
      fs::remove_all(staging);
      return false;
    }
  }
  fs::rename(staging, target, ec);
  if (ec) {
    if (had_target) fs::rename(old, target);
    fs::remove_all(staging);
    return false;
  }
  if (had_target) fs::remove_all(old, ec);
  ec.clear();  // a leftover old copy is untidy, not a failure
  return true;
}

}  // namespace

int RunContentImport(const Config& config, const std::string& dir) {
  if (RunContentCheck(dir) != 0) {
    std::cerr << "Nothing was imported: the content being served is unchanged.\n";
    return 1;
  }
  std::error_code ec;
  const fs::path source = fs::weakly_canonical(dir, ec);
  const fs::path target = fs::weakly_canonical(config.content, ec);
  if (source != target) {
    if (!SwapIn(source, target, ec)) {
      std::cerr << "Could not copy " << dir << " to " << config.content << ": " << ec.message()
                << "\nThe content being served is unchanged.\n";
      return 1;
    }
    std::cout << "Copied to " << config.content << ".\n";
  }

  MetricsRegistry metrics;
  SystemClock clock;
  auto db = OpenAndMigrate(config, metrics, clock);
  if (!db) {
    std::cerr << db.error().message << "\n";
    return 1;
  }
  storage::SqlSettingsRepository settings(**db);
  if (auto ok = settings.Put(kContentRevisionKey, NewId(), clock.Now()); !ok) {
    std::cerr << "The files are in place, but running servers could not be told: "
              << ok.error().message << "\nSend them SIGHUP, or run the import again.\n";
    return 1;
  }
  std::cout << "Running servers will switch to it within " << config.content_poll_seconds
            << " seconds. Progress is kept: it follows lesson ids.\n";
  return 0;
}

}  // namespace securebase::app
