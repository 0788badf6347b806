// Small questionnaires built in code for the assessment tests: an
// attachment one (1–7, two subscales, reverse keys in each) and an
// eight-signs one (0–4, one item per sign). Not the shipped files; those are
// tested through the content loader.
#pragma once

#include <string>

#include "domain/assessment/questionnaire.h"
#include "domain/course/sign_ids.h"

namespace securebase::testing {

// anx-1..anx-4 on anxiety (anx-2, anx-4 reversed), av-1..av-4 on avoidance
// (av-3 reversed); 1–7.
inline domain::Questionnaire SampleAttachment(bool with_norms = false) {
  domain::Questionnaire q;
  q.id = "sample-attachment";
  q.version = 2;
  q.title = "Sample attachment";
  q.instructions = "How much do you agree?";
  q.kind = domain::QuestionnaireKind::kAttachment;
  q.scale = {1, 7, {"1", "2", "3", "4", "5", "6", "7"}};
  q.subscales = {{"anxiety", "Anxiety", std::nullopt}, {"avoidance", "Avoidance", std::nullopt}};
  if (with_norms) {
    q.subscales[0].norms = domain::Norms{3.5, 1.2, 0.9, "made up for tests"};
    q.subscales[1].norms = domain::Norms{2.9, 1.0, 0.84, "made up for tests"};
  }
  q.items = {
      {"anx-1", "a1", "anxiety", false},  {"anx-2", "a2", "anxiety", true},
      {"anx-3", "a3", "anxiety", false},  {"anx-4", "a4", "anxiety", true},
      {"av-1", "v1", "avoidance", false}, {"av-2", "v2", "avoidance", false},
      {"av-3", "v3", "avoidance", true},  {"av-4", "v4", "avoidance", false},
  };
  return q;
}

// One item per sign, item id = subscale id = sign id; 0–4.
inline domain::Questionnaire SampleSigns() {
  domain::Questionnaire q;
  q.id = "sample-signs";
  q.version = 1;
  q.title = "Sample signs";
  q.kind = domain::QuestionnaireKind::kSigns;
  q.scale = {0, 4, {"never", "rarely", "sometimes", "often", "almost always"}};
  for (const auto sign : domain::kSignIds) {
    q.subscales.push_back({std::string(sign), std::string(sign), std::nullopt});
    q.items.push_back({std::string(sign), "how often", std::string(sign), false});
  }
  return q;
}

}  // namespace securebase::testing
