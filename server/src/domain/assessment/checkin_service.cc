#include "domain/assessment/checkin_service.h"

#include <algorithm>

#include "common/random.h"
#include "domain/assessment/plane.h"

namespace securebase::domain {
namespace {

// A questionnaire that is no longer served still has its results shown;
// compared without norms, since we cannot know them.
const Questionnaire& QuestionnaireOr(const std::vector<Questionnaire>& all, std::string_view id) {
  static const Questionnaire kUnknown;
  const Questionnaire* q = FindQuestionnaire(all, id);
  return q ? *q : kUnknown;
}

// `newest_first[i]`'s change against the next older result of the same
// questionnaire in the list.
CheckinResult WithChange(const std::vector<Questionnaire>& all,
                         const std::vector<Checkin>& newest_first, std::size_t i) {
  CheckinResult out{newest_first[i], std::nullopt};
  for (std::size_t j = i + 1; j < newest_first.size(); ++j) {
    if (newest_first[j].questionnaire_id != out.checkin.questionnaire_id) continue;
    out.change = Compare(QuestionnaireOr(all, out.checkin.questionnaire_id), newest_first[j].scores,
                         out.checkin.scores);
    break;
  }
  return out;
}

Result<CheckinResult> ResultFor(CheckinRepository& repo, const std::vector<Questionnaire>& all,
                                const Checkin& checkin) {
  auto list = repo.List(checkin.user_id, checkin.questionnaire_id);
  if (!list) return std::unexpected(list.error());
  for (std::size_t i = 0; i < list->size(); ++i) {
    if ((*list)[i].id == checkin.id) return WithChange(all, *list, i);
  }
  return CheckinResult{checkin, std::nullopt};
}

}  // namespace

bool IsValidIdempotencyKey(std::string_view key) {
  if (key.empty() || key.size() > kMaxIdempotencyKeyLength) return false;
  return std::all_of(key.begin(), key.end(), [](char c) { return c > 0x20 && c < 0x7f; });
}

Result<SubmittedCheckin> CheckinService::Submit(const Questionnaire& q, std::string_view user_id,
                                                const Answers& answers,
                                                std::optional<std::string> idempotency_key) {
  if (idempotency_key && !IsValidIdempotencyKey(*idempotency_key)) {
    return InvalidArgument(
        "The Idempotency-Key header must be 1 to 128 visible characters, such as a UUID.",
        {{"Idempotency-Key", "must be 1 to 128 visible characters, such as a UUID"}});
  }
  auto scores = Score(q, answers);
  if (!scores) return std::unexpected(scores.error());
  Checkin c;
  c.id = NewId();
  c.user_id = std::string(user_id);
  c.questionnaire_id = q.id;
  c.questionnaire_version = q.version;
  c.taken_at = clock_.Now();
  c.answers = answers;
  c.scores = std::move(*scores);
  if (const auto region = RegionOf(q, c.scores)) c.region = RegionId(*region);
  c.idempotency_key = std::move(idempotency_key);
  auto saved = repo_.Save(c);
  if (!saved) return std::unexpected(saved.error());
  auto result = ResultFor(repo_, {q}, saved->checkin);
  if (!result) return std::unexpected(result.error());
  return SubmittedCheckin{std::move(*result), saved->created};
}

Result<std::vector<CheckinResult>> CheckinService::History(
    const std::vector<Questionnaire>& questionnaires, std::string_view user_id,
    std::optional<std::string_view> questionnaire_id) {
  auto list = repo_.List(user_id, questionnaire_id);
  if (!list) return std::unexpected(list.error());
  std::vector<CheckinResult> out;
  out.reserve(list->size());
  for (std::size_t i = 0; i < list->size(); ++i)
    out.push_back(WithChange(questionnaires, *list, i));
  return out;
}

Result<CheckinResult> CheckinService::Get(const std::vector<Questionnaire>& questionnaires,
                                          std::string_view user_id, std::string_view id) {
  auto found = repo_.Find(user_id, id);
  if (!found) return std::unexpected(found.error());
  if (!*found) return NotFound("There is no check-in here. It may have been deleted.");
  return ResultFor(repo_, questionnaires, **found);
}

Result<Plan> CheckinService::PlanFor(const std::vector<Questionnaire>& questionnaires,
                                     const std::vector<Course>& courses, std::string_view user_id,
                                     const std::vector<Practice>& practices) {
  std::vector<std::optional<Instant>> latest;
  std::optional<Checkin> latest_signs;
  for (const auto& q : questionnaires) {
    if (q.kind == QuestionnaireKind::kGeneral) continue;
    auto list = repo_.List(user_id, q.id);
    if (!list) return std::unexpected(list.error());
    if (list->empty()) {
      latest.push_back(std::nullopt);
      continue;
    }
    const Checkin& newest = list->front();
    latest.push_back(newest.taken_at);
    if (q.kind == QuestionnaireKind::kSigns &&
        (!latest_signs || newest.taken_at > latest_signs->taken_at)) {
      latest_signs = newest;
    }
  }
  Plan plan;
  plan.signs = BuildPlan(latest_signs ? latest_signs->scores : Scores{}, courses, practices);
  plan.due = CheckinDueAt(latest, clock_.Now(), cadence_days_);
  return plan;
}

Result<std::vector<Psychometrics>> CheckinService::SitePsychometrics(
    const std::vector<Questionnaire>& questionnaires) {
  std::vector<Psychometrics> out;
  out.reserve(questionnaires.size());
  for (const Questionnaire& questionnaire : questionnaires) {
    auto latest = repo_.LatestPerPerson(questionnaire.id);
    if (!latest) return std::unexpected(latest.error());
    out.push_back(PsychometricsOf(questionnaire, *latest));
  }
  return out;
}

}  // namespace securebase::domain
