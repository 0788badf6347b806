#include "app/content_editing.h"

#include <fmt/format.h>

#include "content/content_files.h"
#include "content/content_loader.h"

namespace securebase::app {
namespace {

std::vector<domain::ContentProblem> Problems(const content::ContentSet& set) {
  std::vector<domain::ContentProblem> out;
  out.reserve(set.problems.size());
  for (const auto& p : set.problems) out.push_back({p.file, p.line, p.message});
  return out;
}

Status CheckSize(std::string_view text) {
  if (text.size() <= domain::kMaxContentFileBytes) return {};
  return InvalidArgument(
      "That text is too long for one content file.",
      {{"text", fmt::format("must be at most {} KiB", domain::kMaxContentFileBytes / 1024)}});
}

}  // namespace

Result<domain::ContentFileText> ContentEditing::Read(std::string_view path) {
  auto file = content::ExistingContentFile(root_, path);
  if (!file) return std::unexpected(file.error());
  auto text = content::ReadTextFile(*file);
  if (!text) return std::unexpected(text.error());
  std::string revision = content::TextRevision(*text);
  return domain::ContentFileText{*content::CheckContentPath(path), std::move(*text),
                                 std::move(revision)};
}

Result<domain::ContentCheck> ContentEditing::Check(std::string_view path, std::string_view text) {
  if (auto size = CheckSize(text); !size) return std::unexpected(size.error());
  if (auto file = content::ExistingContentFile(root_, path); !file) {
    return std::unexpected(file.error());
  }
  const std::string rel = *content::CheckContentPath(path);
  content::ContentSet set = content::LoadContent(root_, {{rel, std::string(text)}});
  auto problems = Problems(set);
  return domain::ContentCheck{std::move(problems), Publishable(std::move(set), "", {})};
}

Result<domain::ContentChange> ContentEditing::Save(std::string_view path, std::string_view text,
                                                   std::optional<std::string_view> base_revision) {
  if (auto size = CheckSize(text); !size) return std::unexpected(size.error());
  std::lock_guard lock(mu_);
  auto file = content::ExistingContentFile(root_, path);
  if (!file) return std::unexpected(file.error());
  if (base_revision) {
    auto now = content::ReadTextFile(*file);
    if (!now) return std::unexpected(now.error());
    if (content::TextRevision(*now) != *base_revision) {
      return Refuse(ErrorCode::kConflict, domain::kContentFileChanged,
                    "This file has changed since you opened it (in another tab, or on disk). "
                    "Copy your text somewhere safe, then open the file again.");
    }
  }
  const std::string rel = *content::CheckContentPath(path);
  content::ContentSet set = content::LoadContent(root_, {{rel, std::string(text)}});
  if (!set.ok()) return domain::ContentChange{Problems(set), catalog_.Current(), {}};
  if (auto written = content::ReplaceFileAtomically(*file, text); !written) {
    return std::unexpected(written.error());
  }
  return domain::ContentChange{
      {}, publisher_.Announce(std::move(set)), content::TextRevision(text)};
}

Result<domain::ContentChange> ContentEditing::Reload() {
  std::lock_guard lock(mu_);
  content::ContentSet set = content::LoadContent(root_);
  if (!set.ok()) return domain::ContentChange{Problems(set), catalog_.Current(), {}};
  return domain::ContentChange{{}, publisher_.Announce(std::move(set)), {}};
}

}  // namespace securebase::app
