// The questionnaire model: a response scale, items that each belong to one
// subscale (some reverse-keyed), and subscales scored by the mean of their
// items, optionally with norms that allow a reliable change index.
//
// Questionnaires are data (content/questionnaires/*.toml, read by
// content/questionnaire_parser.h). Ids of questionnaires, items and
// subscales are stable: stored answers and scores hang on them, so wording
// may change between releases but ids may not.
//
// Three kinds:
//   kAttachment  subscales `anxiety` and `avoidance`; a result has a place on
//                the attachment plane (plane.h)
//   kSigns       one subscale per sign of anxious attachment, named by the
//                sign ids (domain/course/sign_ids.h); its latest result
//                orders the personal plan (plan.h)
//   kGeneral     any other instrument (a licensed one a practitioner adds)
//
// Thread-safety: immutable values after loading; safe to read from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace securebase::domain {

enum class QuestionnaireKind { kAttachment, kSigns, kGeneral };

// "attachment" | "signs" | "general"
const char* QuestionnaireKindName(QuestionnaireKind kind);
std::optional<QuestionnaireKind> QuestionnaireKindFromName(std::string_view name);

// Whole-number answers from min to max; labels[i] names the answer min + i.
struct ResponseScale {
  int min = 1;
  int max = 7;
  std::vector<std::string> labels;

  double Midpoint() const { return (min + max) / 2.0; }
  bool Contains(int answer) const { return answer >= min && answer <= max; }
  // The answer a reverse-keyed item counts as: min + max - answer.
  int Reverse(int answer) const { return min + max - answer; }
};

// A subscale's published norms: the reference group's mean and standard
// deviation and the scale's reliability (Cronbach's alpha or test-retest),
// with where they come from. Only then is a reliable change index possible.
struct Norms {
  double mean = 0;
  double sd = 0;
  double reliability = 0;  // in (0, 1)
  std::string source;
};

struct Subscale {
  std::string id;
  std::string title;
  std::optional<Norms> norms;
};

struct Item {
  std::string id;
  std::string text;
  std::string subscale;  // a Subscale id
  bool reverse = false;  // scored as min + max - answer
};

struct Questionnaire {
  std::string id;
  int version = 1;
  std::string title;
  std::string instructions;
  QuestionnaireKind kind = QuestionnaireKind::kGeneral;
  ResponseScale scale;
  std::vector<Subscale> subscales;  // in the file's order
  std::vector<Item> items;          // in the order they are asked

  const Item* FindItem(std::string_view item_id) const;
  const Subscale* FindSubscale(std::string_view subscale_id) const;
};

// The subscale ids an attachment questionnaire must have.
inline constexpr std::string_view kAnxietySubscale = "anxiety";
inline constexpr std::string_view kAvoidanceSubscale = "avoidance";

const Questionnaire* FindQuestionnaire(const std::vector<Questionnaire>& all, std::string_view id);

}  // namespace securebase::domain
