#include "api/checkin_json.h"

#include <boost/json.hpp>

#include <cmath>

#include "common/rfc3339.h"
#include "domain/course/sign_ids.h"

namespace securebase::api {

namespace json = boost::json;

double Round2(double x) {
  const double r = std::round(x * 100.0) / 100.0;
  return r == 0 ? 0.0 : r;
}

namespace {

json::value OptionalInstant(const std::optional<Instant>& at) {
  if (!at) return nullptr;
  return json::value(Rfc3339(*at));
}

bool IsSignsResult(const domain::Checkin& c, const std::vector<domain::Questionnaire>& all) {
  if (const auto* q = domain::FindQuestionnaire(all, c.questionnaire_id)) {
    return q->kind == domain::QuestionnaireKind::kSigns;
  }
  // A questionnaire no longer served: its scores tell.
  if (c.scores.empty()) return false;
  for (const auto& s : c.scores) {
    if (!domain::IsSignId(s.subscale)) return false;
  }
  return true;
}

}  // namespace

json::object EncodeQuestionnaireSummary(const domain::Questionnaire& q) {
  return {{"id", q.id},
          {"version", q.version},
          {"title", q.title},
          {"kind", domain::QuestionnaireKindName(q.kind)},
          {"item_count", q.items.size()}};
}

json::object EncodeQuestionnaire(const domain::Questionnaire& q) {
  json::array labels;
  for (const auto& l : q.scale.labels) labels.push_back(json::value(l));
  json::array subscales;
  for (const auto& s : q.subscales) {
    json::value norms = nullptr;
    if (s.norms) {
      norms = json::object{{"mean", s.norms->mean},
                           {"sd", s.norms->sd},
                           {"reliability", s.norms->reliability},
                           {"source", s.norms->source}};
    }
    subscales.push_back(json::object{{"id", s.id}, {"title", s.title}, {"norms", norms}});
  }
  json::array items;
  for (const auto& i : q.items) {
    items.push_back(json::object{
        {"id", i.id}, {"text", i.text}, {"subscale", i.subscale}, {"reverse", i.reverse}});
  }
  return {{"id", q.id},
          {"version", q.version},
          {"title", q.title},
          {"instructions", q.instructions},
          {"kind", domain::QuestionnaireKindName(q.kind)},
          {"scale",
           json::object{{"min", q.scale.min}, {"max", q.scale.max}, {"labels", std::move(labels)}}},
          {"subscales", std::move(subscales)},
          {"items", std::move(items)}};
}

json::object EncodeCheckin(const domain::CheckinResult& result,
                           const std::vector<domain::Questionnaire>& questionnaires) {
  const domain::Checkin& c = result.checkin;
  json::object scores;
  for (const auto& s : c.scores) scores[s.subscale] = Round2(s.score);
  json::value signs = nullptr;
  if (IsSignsResult(c, questionnaires)) {
    json::array list;
    for (const auto& s : c.scores) {
      list.push_back(json::object{{"id", s.subscale}, {"score", Round2(s.score)}});
    }
    signs = std::move(list);
  }
  json::value change = nullptr;
  if (result.change) {
    json::object per;
    for (const auto& d : *result.change) {
      json::value rci = nullptr, reliable = nullptr;
      if (d.rci) rci = Round2(*d.rci);
      if (d.reliable) reliable = *d.reliable;
      per[d.subscale] =
          json::object{{"difference", Round2(d.difference)}, {"rci", rci}, {"reliable", reliable}};
    }
    change = std::move(per);
  }
  json::value region = nullptr;
  if (c.region) region = json::value(*c.region);
  return {{"id", c.id},
          {"questionnaire_id", c.questionnaire_id},
          {"questionnaire_version", c.questionnaire_version},
          {"taken_at", Rfc3339(c.taken_at)},
          {"scores", std::move(scores)},
          {"region", std::move(region)},
          {"signs", std::move(signs)},
          {"change", std::move(change)}};
}

json::object EncodePlan(const domain::Plan& plan, int cadence_days) {
  json::array signs;
  for (const auto& s : plan.signs) {
    json::array lessons;
    for (const auto& l : s.lessons) {
      lessons.push_back(json::object{{"id", l.id}, {"title", l.title}, {"course_id", l.course_id}});
    }
    json::array practices;
    for (const auto& p : s.practices) {
      practices.push_back(json::object{{"id", p.id}, {"title", p.title}});
    }
    json::value score = nullptr;
    if (s.score) score = Round2(*s.score);
    signs.push_back(json::object{{"id", s.id},
                                 {"score", std::move(score)},
                                 {"lessons", std::move(lessons)},
                                 {"practices", std::move(practices)}});
  }
  return {{"signs", std::move(signs)},
          {"last_checkin_at", OptionalInstant(plan.due.last_checkin_at)},
          {"next_checkin_due", OptionalInstant(plan.due.next_due)},
          {"checkin_due", plan.due.due},
          {"cadence_days", cadence_days}};
}

}  // namespace securebase::api
