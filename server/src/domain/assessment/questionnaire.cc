#include "domain/assessment/questionnaire.h"

namespace securebase::domain {

const char* QuestionnaireKindName(QuestionnaireKind kind) {
  switch (kind) {
    case QuestionnaireKind::kAttachment: return "attachment";
    case QuestionnaireKind::kSigns: return "signs";
    case QuestionnaireKind::kGeneral: return "general";
  }
  return "general";
}

std::optional<QuestionnaireKind> QuestionnaireKindFromName(std::string_view name) {
  if (name == "attachment") return QuestionnaireKind::kAttachment;
  if (name == "signs") return QuestionnaireKind::kSigns;
  if (name == "general") return QuestionnaireKind::kGeneral;
  return std::nullopt;
}

const Item* Questionnaire::FindItem(std::string_view item_id) const {
  for (const auto& item : items) {
    if (item.id == item_id) return &item;
  }
  return nullptr;
}

const Subscale* Questionnaire::FindSubscale(std::string_view subscale_id) const {
  for (const auto& s : subscales) {
    if (s.id == subscale_id) return &s;
  }
  return nullptr;
}

const Questionnaire* FindQuestionnaire(const std::vector<Questionnaire>& all, std::string_view id) {
  for (const auto& q : all) {
    if (q.id == id) return &q;
  }
  return nullptr;
}

}  // namespace securebase::domain
