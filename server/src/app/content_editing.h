// ContentEditing: the console's ContentEditor (domain/catalog/content_editor.h)
// over the content folder on disk: content/content_files.h names, reads and
// writes one file, content/content_loader.h checks the whole set (with the
// edited file taken from memory, so a broken edit never touches the disk),
// and the publisher announces what passed.
//
// Thread-safety: safe from any thread. Saves and reloads serialise on a
// mutex, so the revision a save was checked against is still the file's
// when it is written; reads and previews run alongside them (a file is
// replaced by a rename, so a reader sees the old text or the new).
#pragma once

#include <filesystem>
#include <mutex>

#include "app/content_publisher.h"
#include "domain/catalog/content_editor.h"

namespace securebase::app {

class ContentEditing final : public domain::ContentEditor {
 public:
  ContentEditing(std::filesystem::path root, ContentPublisher& publisher,
                 const domain::Catalog& catalog)
      : root_(std::move(root)), publisher_(publisher), catalog_(catalog) {}

  Result<domain::ContentFileText> Read(std::string_view path) override;
  Result<domain::ContentCheck> Check(std::string_view path, std::string_view text) override;
  Result<domain::ContentChange> Save(std::string_view path, std::string_view text,
                                     std::optional<std::string_view> base_revision) override;
  Result<domain::ContentChange> Reload() override;

 private:
  std::filesystem::path root_;
  ContentPublisher& publisher_;
  const domain::Catalog& catalog_;
  std::mutex mu_;
};

}  // namespace securebase::app
