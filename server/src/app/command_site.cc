#include "app/command_site.h"

#include <iostream>

#include "app/database_setup.h"
#include "content/content_loader.h"
#include "domain/accounts/account_rules.h"

namespace securebase::app {

bool CommandSite::Open(const Config& config, std::string_view command, std::string_view email) {
  const auto fail = [&](std::string_view why) {
    std::cerr << "securebase " << command << ": " << why << "\n";
    return false;
  };
  auto opened = OpenAndMigrate(config, metrics, clock);
  if (!opened) return fail(opened.error().message);
  db = std::move(*opened);
  content::ContentSet content = content::LoadContent(config.content);
  if (!content.ok()) {
    for (const auto& p : content.problems) std::cerr << "content/" << p.ToString() << "\n";
    return fail("the content has problems (above)");
  }
  auto built = Services::Create(config, *db, clock, std::move(content));
  if (!built) return fail(built.error().message);
  services = std::move(*built);
  auto normalized = domain::NormalizeEmail(email);
  if (!normalized) return fail(normalized.error().message);
  auto found = services->accounts->users.FindByEmail(*normalized);
  if (!found) return fail(found.error().message);
  if (!*found) return fail("there is no account with that email address");
  user = std::move(**found);
  return true;
}

}  // namespace securebase::app
