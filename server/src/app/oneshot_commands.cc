// `securebase migrate` and `securebase content check`: one-shot commands.
#include <algorithm>
#include <iostream>
#include <tuple>
#include <vector>

#include "app/commands.h"
#include "app/database_setup.h"
#include "content/content_loader.h"

namespace securebase::app {

int RunMigrate(const Config& config) {
  MetricsRegistry metrics;
  SystemClock clock;
  auto db = OpenAndMigrate(config, metrics, clock);
  if (!db) {
    std::cerr << "securebase migrate: " << db.error().message << "\n";
    return 1;
  }
  std::cout << "The database schema is up to date.\n";
  return 0;
}

int RunContentCheck(const std::string& dir) {
  const content::ContentSet set = content::LoadContent(dir);
  // By file and line, so each file's problems read top to bottom.
  std::vector<content::Problem> problems = set.problems;
  std::stable_sort(problems.begin(), problems.end(), [](const auto& a, const auto& b) {
    return std::tie(a.file, a.line) < std::tie(b.file, b.line);
  });
  for (const auto& p : problems) std::cerr << dir << "/" << p.ToString() << "\n";
  const auto counts = set.CountByKind();
  std::cout << "Read " << set.files_read << " files:";
  bool first = true;
  for (const auto& [kind, n] : counts) {
    std::cout << (first ? " " : ", ") << n << " " << content::DocumentKindName(kind)
              << (n == 1 ? "" : "s");
    first = false;
  }
  std::cout << ".\n";
  if (!set.ok()) {
    std::cout << set.problems.size() << (set.problems.size() == 1 ? " problem" : " problems")
              << " found.\n";
    return 1;
  }
  std::cout << "No problems found.\n";
  return 0;
}

}  // namespace securebase::app
