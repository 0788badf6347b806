// A ContentEditor over no files at all: every file is not found and a
// reload finds the catalog's content fine. For tests of the route table
// that never edit content (support/api_world.h).
#pragma once

#include "domain/catalog/content_editor.h"

namespace securebase::fakes {

class NoContentFiles final : public domain::ContentEditor {
 public:
  Result<domain::ContentFileText> Read(std::string_view) override { return Missing(); }
  Result<domain::ContentCheck> Check(std::string_view, std::string_view) override {
    return Missing();
  }
  Result<domain::ContentChange> Save(std::string_view, std::string_view,
                                     std::optional<std::string_view>) override {
    return Missing();
  }
  Result<domain::ContentChange> Reload() override {
    return domain::ContentChange{{}, std::make_shared<const domain::PublishedContent>(), {}};
  }

 private:
  static std::unexpected<Error> Missing() { return NotFound("There is no content file there."); }
};

}  // namespace securebase::fakes
