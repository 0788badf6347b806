#include "app/content_publisher.h"

#include <utility>

#include "common/log.h"

namespace securebase::app {

std::shared_ptr<const domain::PublishedContent> Publishable(content::ContentSet&& set,
                                                            std::string revision) {
  auto out = std::make_shared<domain::PublishedContent>();
  out->courses = std::move(set.courses);
  out->questionnaires = std::move(set.questionnaires);
  out->practices = std::move(set.practices);
  out->crisis = domain::CrisisDirectory(std::move(set.crisis_lines));
  out->revision = std::move(revision);
  return out;
}

Status ContentPublisher::Load() {
  std::lock_guard lock(mu_);
  auto revision = settings_.Get(kContentRevisionKey);
  if (!revision) return std::unexpected(revision.error());
  return LoadLocked(*revision ? (*revision)->value : "");
}

Status ContentPublisher::Start(content::ContentSet&& loaded) {
  std::lock_guard lock(mu_);
  auto revision = settings_.Get(kContentRevisionKey);
  if (!revision) return std::unexpected(revision.error());
  seen_revision_ = *revision ? (*revision)->value : "";
  catalog_.Publish(Publishable(std::move(loaded), seen_revision_));
  return {};
}

Status ContentPublisher::CheckForImport() {
  std::lock_guard lock(mu_);
  auto revision = settings_.Get(kContentRevisionKey);
  if (!revision) return std::unexpected(revision.error());
  if (!*revision || (*revision)->value == seen_revision_) return {};
  return LoadLocked((*revision)->value);
}

Status ContentPublisher::LoadLocked(const std::string& revision) {
  // Whatever happens, this revision has been looked at: a broken import is
  // reported once, not on every poll.
  seen_revision_ = revision;
  content::ContentSet set = content::LoadContent(root_);
  if (!set.ok()) {
    for (const auto& p : set.problems) {
      Log(LogLevel::kError, "content_problem", {{"problem", p.ToString()}});
    }
    Log(LogLevel::kError, "content_not_published",
        {{"problems", set.problems.size()}, {"revision", revision}});
    return InvalidArgument("The content has problems; the previous content is still served.");
  }
  const int files = set.files_read;
  catalog_.Publish(Publishable(std::move(set), revision));
  Log(LogLevel::kInfo, "content_published", {{"files", files}, {"revision", revision}});
  return {};
}

}  // namespace securebase::app
