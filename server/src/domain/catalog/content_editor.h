// ContentEditor: the practitioner's hands on the content files from the
// console (issue #10): read one file, see a lesson as a learner would before
// saving it, save an edit, reload after editing files by hand.
//
// Every change is checked whole before it counts: an edit is checked as part
// of the content set it would make (the same check as `securebase content
// check`), and only a set without problems is written and published. With
// problems, nothing on disk or in the catalog changes and the problems come
// back with their file and line. Publishing goes through the same path as an
// import, so other instances on the database follow within their poll.
//
// Files are named by their path relative to the content folder
// ("course/heal-insecure-attachment/01-x/02-y.md"), and only the kinds of
// file the content loader reads can be named (docs/content.md).
//
// Implemented in app/ (content_editing.h) over content/ and the publisher;
// the API reaches it only through this interface.
//
// Thread-safety: implementations are safe to call from any thread; a save
// and a reload never interleave.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "domain/catalog/catalog.h"

namespace securebase::domain {

// A problem found in the content, by file and line (0: the whole file).
struct ContentProblem {
  std::string file;
  int line = 0;
  std::string message;
};

// One content file as it is on disk now. `revision` fingerprints exactly
// these bytes: a save that names it is refused if the file has changed
// since, so two tabs cannot silently overwrite each other.
struct ContentFileText {
  std::string path;
  std::string text;
  std::string revision;
};

// What checking a content set found. `content` is the set as it would be
// served (built even with problems, parts may then be missing): a preview
// finds the edited lesson in it.
struct ContentCheck {
  std::vector<ContentProblem> problems;
  std::shared_ptr<const PublishedContent> content;

  bool ok() const { return problems.empty(); }
};

// The outcome of a save or a reload. With problems nothing changed and
// `published` is the content still served; without, `published` is the new
// snapshot and `file_revision` the saved file's new revision (saves only).
struct ContentChange {
  std::vector<ContentProblem> problems;
  std::shared_ptr<const PublishedContent> published;
  std::string file_revision;

  bool ok() const { return problems.empty(); }
};

// The most one content file may hold (a long lesson is about 30 KiB); a
// longer text is kInvalidArgument on "text".
inline constexpr std::size_t kMaxContentFileBytes = 256 * 1024;

// Refusal types (Error::type) for clients that act on them.
inline constexpr const char* kContentPathRefused = "content-path-refused";
inline constexpr const char* kContentFileChanged = "content-file-changed";

class ContentEditor {
 public:
  virtual ~ContentEditor() = default;

  // kUnprocessable (content-path-refused) for a path that can never name a
  // content file; kNotFound for one that names no file there (or leads out
  // of the content folder through a link).
  virtual Result<ContentFileText> Read(std::string_view path) = 0;

  // The content as it would be with `path` holding `text`; writes nothing.
  // The path must name an existing content file, as for Read.
  virtual Result<ContentCheck> Check(std::string_view path, std::string_view text) = 0;

  // Checks as Check does, then (only without problems) writes the file
  // atomically and publishes. A `base_revision` that is not the file's
  // revision now is kConflict (content-file-changed), nothing written.
  virtual Result<ContentChange> Save(std::string_view path, std::string_view text,
                                     std::optional<std::string_view> base_revision) = 0;

  // Reads the files as they are and publishes them if they pass the check;
  // with problems the content being served stays.
  virtual Result<ContentChange> Reload() = 0;
};

}  // namespace securebase::domain
