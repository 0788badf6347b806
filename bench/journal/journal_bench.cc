// make bench, part two: the journal with 10,000 entries in a real SQLite
// database, through the real service (SecretBox, the JSON codec, the SQL
// repository). Every search opens every entry in memory (docs/api/journal.md
// says why), so this measures what a learner with years of entries waits for:
// the first page, a word search, a filter on contents, insights and export.
//
// Prints a Markdown table on stdout. Not a test: it asserts nothing.
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "api/journal_json.h"
#include "app/config.h"
#include "app/database_setup.h"
#include "common/clock.h"
#include "common/metrics.h"
#include "common/random.h"
#include "common/secret_box.h"
#include "domain/accounts/user.h"
#include "domain/course/sign_ids.h"
#include "domain/journal/journal_insights.h"
#include "domain/journal/journal_markdown.h"
#include "domain/journal/journal_service.h"
#include "storage/sql_journal_repository.h"
#include "storage/sql_user_repository.h"

namespace sb = securebase;
namespace dom = securebase::domain;
using Ms = std::chrono::duration<double, std::milli>;

namespace {

constexpr int kEntries = 10'000;
constexpr int kRepeats = 15;

const std::vector<std::string> kWords = {
    "message", "waited",    "reply", "evening", "phone", "friend", "partner", "quiet", "walk",
    "worried", "kitchen",   "work",  "late",    "call",  "sister", "weekend", "plans", "tired",
    "breath",  "shoulders", "calm",  "noticed", "again", "window", "train",   "coffee"};

std::string Sentence(std::mt19937& rng, int words) {
  std::string s;
  for (int i = 0; i < words; ++i) {
    if (i) s += ' ';
    s += kWords[rng() % kWords.size()];
  }
  return s + ".";
}

template <std::size_t N>
std::vector<std::string> Some(std::mt19937& rng, const std::array<std::string_view, N>& ids,
                              std::size_t most) {
  std::vector<std::string> out;
  for (const auto& id : ids)
    if (out.size() < most && rng() % 4 == 0) out.emplace_back(id);
  return out;
}

// A version-4-shaped UUID, as the app makes them.
std::string Uuid(std::mt19937& rng) {
  char buf[37];
  std::snprintf(buf, sizeof buf, "%08x-%04x-4%03x-a%03x-%04x%08x", static_cast<unsigned>(rng()),
                static_cast<unsigned>(rng() & 0xffff), static_cast<unsigned>(rng() & 0xfff),
                static_cast<unsigned>(rng() & 0xfff), static_cast<unsigned>(rng() & 0xffff),
                static_cast<unsigned>(rng()));
  return buf;
}

dom::JournalDraft MakeDraft(std::mt19937& rng, int i, sb::Instant now) {
  dom::JournalDraft d;
  d.id = Uuid(rng);
  // Spread over two years, a few a day.
  d.occurred_at = sb::Instant{now.millis - static_cast<std::int64_t>(i) * 6'311'000};
  d.contents.tags = {i % 3 == 0 ? "evenings" : "work"};
  switch (i % 10) {
    case 0: {
      d.contents.body = dom::Reflection{Sentence(rng, 120), "", ""};
      break;
    }
    case 1: {
      d.contents.body =
          dom::PartsNote{"The watcher", Sentence(rng, 30), Sentence(rng, 30), Sentence(rng, 20)};
      break;
    }
    default: {
      dom::TriggerLog t;
      // One log in 500 names a lighthouse: a search that finds a few among many.
      t.situation = Sentence(rng, 40) + (i % 500 == 2 ? " The lighthouse." : "");
      t.self_talk = Sentence(rng, 20);
      t.sensations = Some(rng, dom::kSensationIds, 3);
      t.state = static_cast<dom::NervousState>(rng() % 3);
      t.emotions = {{"afraid", static_cast<int>(rng() % 11)},
                    {"sad", static_cast<int>(rng() % 11)}};
      t.signs = {std::string(dom::kSignIds[rng() % dom::kSignIds.size()])};
      t.urges = Some(rng, dom::kUrgeIds, 2);
      t.action = Sentence(rng, 25);
      t.helped = Some(rng, dom::kHelpedIds, 2);
      t.intensity_before = static_cast<int>(5 + rng() % 6);
      t.intensity_after = static_cast<int>(rng() % 6);
      d.contents.body = std::move(t);
    }
  }
  return d;
}

struct Timing {
  double p50 = 0, p95 = 0;
};

Timing Measure(const std::function<void()>& f) {
  std::vector<double> ms;
  for (int i = 0; i < kRepeats; ++i) {
    const auto start = std::chrono::steady_clock::now();
    f();
    ms.push_back(Ms(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(ms.begin(), ms.end());
  return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 95 / 100)]};
}

void Row(const char* what, Timing t, const std::string& note) {
  std::printf("| %s | %.1f | %.1f | %s |\n", what, t.p50, t.p95, note.c_str());
}

}  // namespace

int main() {
  const auto dir = std::filesystem::temp_directory_path() / ("sb-journal-bench-" + sb::NewId());
  std::filesystem::create_directories(dir / "keys");
  sb::app::Config config;
  config.data_dir = dir.string();
  sb::MetricsRegistry metrics;
  sb::SystemClock clock;
  auto db = sb::app::OpenAndMigrate(config, metrics, clock);
  if (!db) {
    std::fprintf(stderr, "journal bench: %s\n", db.error().message.c_str());
    return 1;
  }
  auto box = sb::SecretBox::LoadOrCreate(dir / "keys" / "secret.key");
  if (!box) return 1;
  sb::storage::SqlUserRepository users(**db);
  dom::User user;
  user.id = sb::NewId();
  user.email = user.id + "@example.org";
  user.display_name = "Bench";
  user.password_hash = "-";
  user.time_zone = "Europe/London";
  user.country = "GB";
  user.created_at = user.updated_at = clock.Now();
  if (!users.Create(user)) return 1;

  sb::storage::SqlJournalRepository repo(**db);
  sb::api::JsonJournalContentsCodec codec;
  dom::JournalService journal(repo, *box, codec, clock);

  std::mt19937 rng(20261129);
  const auto now = clock.Now();
  const auto seed_start = std::chrono::steady_clock::now();
  for (int i = 0; i < kEntries; ++i) {
    if (!journal.Save(user.id, MakeDraft(rng, i, now))) {
      std::fprintf(stderr, "journal bench: saving entry %d failed\n", i);
      return 1;
    }
  }
  const double seed_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - seed_start).count();

  std::size_t found = 0;
  auto list = [&](dom::JournalQuery q) {
    return [&, q] {
      auto page = journal.List(user.id, q);
      found = page ? page->total : 0;
    };
  };
  std::printf("| %d entries, SQLite | p50 ms | p95 ms | |\n|---|---:|---:|---|\n", kEntries);
  std::printf("| saving (each, sealed) | %.2f | | %.1f s for all |\n", seed_s * 1000 / kEntries,
              seed_s);
  Row("first page, no filter", Measure(list({})), "opens only the page");
  dom::JournalQuery words;
  words.q = "lighthouse evening";
  auto t = Measure(list(words));
  Row("search for two words", t, std::to_string(found) + " found");
  dom::JournalQuery sign;
  sign.sign = "rumination";
  t = Measure(list(sign));
  Row("filter by sign", t, std::to_string(found) + " found");
  dom::JournalQuery kind;
  kind.kind = "reflection";
  kind.from = "2026-01-01";
  kind.to = "2026-06-30";
  t = Measure(list(kind));
  Row("filter by kind and dates", t, std::to_string(found) + " found");
  // Measure first, then the note: argument order is unspecified.
  t = Measure([&] {
    auto all = journal.ReadAll(user.id);
    if (all) found = all->entries.size();
    if (all) (void)dom::SummarizeTriggerLogs(all->entries, 0, "Europe/London", now, 12);
  });
  Row("insights", t, "opens all " + std::to_string(found));
  std::size_t bytes = 0;
  const auto* zone = date::locate_zone("Europe/London");
  t = Measure([&] {
    auto all = journal.ReadAll(user.id);
    if (all) bytes = dom::JournalMarkdown(*all, {}, *zone, now).size();
  });
  Row("Markdown export", t, std::to_string(bytes / 1024) + " KiB");
  std::filesystem::remove_all(dir);
  return 0;
}
