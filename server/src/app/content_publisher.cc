#include "app/content_publisher.h"

#include <algorithm>
#include <utility>

#include "common/log.h"
#include "common/random.h"

namespace securebase::app {
namespace {

const char* SourceKind(content::DocumentKind kind) {
  switch (kind) {
    case content::DocumentKind::kCourse: return "course";
    case content::DocumentKind::kModule: return "module";
    case content::DocumentKind::kLesson: return "lesson";
    case content::DocumentKind::kQuestionnaire: return "questionnaire";
    case content::DocumentKind::kPractice: return "practice";
    case content::DocumentKind::kCrisisLines: return "crisis-lines";
  }
  return "file";
}

}  // namespace

std::shared_ptr<const domain::PublishedContent> Publishable(content::ContentSet&& set,
                                                            std::string revision,
                                                            Instant loaded_at) {
  auto out = std::make_shared<domain::PublishedContent>();
  out->courses = std::move(set.courses);
  out->questionnaires = std::move(set.questionnaires);
  out->practices = std::move(set.practices);
  out->crisis = domain::CrisisDirectory(std::move(set.crisis_lines));
  out->revision = std::move(revision);
  out->loaded_at = loaded_at;
  for (const auto& d : set.documents) {
    out->sources.push_back({SourceKind(d.kind), d.id, d.title, d.file.generic_string()});
  }
  std::ranges::sort(out->sources, {}, &domain::ContentSource::file);
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
  catalog_.Publish(Publishable(std::move(loaded), seen_revision_, clock_.Now()));
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
  catalog_.Publish(Publishable(std::move(set), revision, clock_.Now()));
  Log(LogLevel::kInfo, "content_published", {{"files", files}, {"revision", revision}});
  return {};
}

std::shared_ptr<const domain::PublishedContent> ContentPublisher::Announce(
    content::ContentSet&& checked) {
  std::lock_guard lock(mu_);
  const std::string revision = NewId();
  const Instant now = clock_.Now();
  // Seen before it is written: this instance's own poll must not read the
  // files a second time.
  seen_revision_ = revision;
  if (auto written = settings_.Put(kContentRevisionKey, revision, now); !written) {
    Log(LogLevel::kError, "content_not_announced",
        {{"revision", revision}, {"error", written.error().message}});
  }
  const int files = checked.files_read;
  auto published = Publishable(std::move(checked), revision, now);
  catalog_.Publish(published);
  Log(LogLevel::kInfo, "content_published", {{"files", files}, {"revision", revision}});
  return published;
}

}  // namespace securebase::app
