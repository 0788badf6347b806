// ContentPublisher: puts the content files on the catalog (domain/catalog)
// at start, and again whenever they change, without a restart.
//
// A change is announced by `securebase content import`, which writes a new
// revision into the settings table ("content.revision"): every instance
// polls that setting (a cheap read) and reloads when it moves, so several
// instances on one database follow one import. SIGHUP reloads too, for an
// operator who edited the files in place.
//
// The practitioner's console (content_editing.h) announces its saves and
// reloads the same way, through Announce.
//
// Content with problems is never published: the snapshot being served stays
// and the problems are logged with file and line. A reload changes no saved
// progress, which hangs on stable lesson ids.
//
// Thread-safety: Load, CheckForImport and Announce serialise on a mutex;
// call them from any thread (the ticker, the signal loop, the console).
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

#include "common/error.h"
#include "content/content_loader.h"
#include "domain/catalog/catalog.h"
#include "domain/settings/settings_repository.h"

namespace securebase::app {

// The settings key an import writes and servers poll.
inline constexpr const char* kContentRevisionKey = "content.revision";

// The catalog's view of a checked content set (moves the courses out).
std::shared_ptr<const domain::PublishedContent> Publishable(content::ContentSet&& set,
                                                            std::string revision,
                                                            Instant loaded_at);

class ContentPublisher {
 public:
  ContentPublisher(std::filesystem::path root, domain::Catalog& catalog,
                   domain::SettingsRepository& settings, const Clock& clock)
      : root_(std::move(root)), catalog_(catalog), settings_(settings), clock_(clock) {}

  // At start: publishes a set the caller has already read and checked, and
  // remembers the current revision so the first poll does not reload.
  Status Start(content::ContentSet&& loaded);

  // Reads the files and publishes them; with problems, logs each one,
  // publishes nothing and returns kInvalidArgument.
  Status Load();

  // A ticker job: reloads when an import has written a new revision.
  Status CheckForImport();

  // Publishes a set the caller has read from the files and checked (a save
  // or reload from the console) under a new revision, and writes that
  // revision for the other instances to follow. Should the database not
  // take it, this instance still serves the set (the files hold it) and the
  // others follow at the next import or SIGHUP; the failure is logged.
  std::shared_ptr<const domain::PublishedContent> Announce(content::ContentSet&& checked);

 private:
  Status LoadLocked(const std::string& revision);

  std::filesystem::path root_;
  domain::Catalog& catalog_;
  domain::SettingsRepository& settings_;
  const Clock& clock_;
  std::mutex mu_;
  std::string seen_revision_;
};

}  // namespace securebase::app
