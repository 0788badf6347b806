#include "api/practice_json.h"

#include <boost/json.hpp>

#include <cmath>
#include <cstdint>

#include "api/json_number.h"

namespace securebase::api {

namespace json = boost::json;

namespace {

json::value EncodeBreathing(const std::optional<domain::Breathing>& breathing) {
  if (!breathing) return nullptr;
  json::array phases;
  for (const auto& phase : breathing->phases) {
    phases.push_back(json::object{{"name", domain::BreathPhaseKindName(phase.kind)},
                                  {"seconds", JsonNumber(phase.seconds)}});
  }
  json::value rate = nullptr;
  if (breathing->rate) {
    rate = json::object{{"default", JsonNumber(breathing->rate->default_rate)},
                        {"min", JsonNumber(breathing->rate->min)},
                        {"max", JsonNumber(breathing->rate->max)}};
  }
  return json::object{{"phases", std::move(phases)}, {"rate", std::move(rate)}};
}

}  // namespace

json::object EncodePractice(const domain::Practice& p) {
  json::array durations;
  for (const int minutes : p.durations) durations.push_back(minutes);
  json::array steps;
  for (const auto& step : p.steps) {
    steps.push_back(json::object{{"text", step.text}, {"seconds", step.seconds}});
  }
  json::array signs;
  for (const auto& sign : p.signs) signs.push_back(json::value(sign));
  return {{"id", p.id},
          {"title", p.title},
          {"summary", p.summary},
          {"kind", domain::PracticeKindName(p.kind)},
          {"durations", std::move(durations)},
          {"default_duration", p.default_duration},
          {"instructions_html", p.instructions_html},
          {"breathing", EncodeBreathing(p.breathing)},
          {"steps", std::move(steps)},
          {"signs", std::move(signs)},
          {"evidence", p.evidence}};
}

}  // namespace securebase::api
