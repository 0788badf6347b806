#include "common/metrics.h"

#include <fmt/format.h>

#include <mutex>

namespace securebase {
namespace {

// name="value",name2="value2" with Prometheus escaping of \, " and newline.
std::string FormatLabels(const Labels& labels) {
  std::string out;
  for (const auto& [name, value] : labels) {
    if (!out.empty()) out += ',';
    out += name;
    out += "=\"";
    for (const char c : value) {
      if (c == '\\')
        out += "\\\\";
      else if (c == '"')
        out += "\\\"";
      else if (c == '\n')
        out += "\\n";
      else
        out += c;
    }
    out += '"';
  }
  return out;
}

std::string Braced(std::string_view labels) {
  return labels.empty() ? std::string() : "{" + std::string(labels) + "}";
}

}  // namespace

void Histogram::Observe(double seconds) {
  std::size_t i = 0;
  while (i < kBounds.size() && seconds > kBounds[i]) ++i;
  buckets_[i].fetch_add(1, std::memory_order_relaxed);
  count_.fetch_add(1, std::memory_order_relaxed);
  const double micros = seconds > 0 ? seconds * 1e6 : 0;
  sum_micros_.fetch_add(static_cast<std::uint64_t>(micros), std::memory_order_relaxed);
}

std::uint64_t Histogram::CumulativeCount(std::size_t i) const {
  std::uint64_t total = 0;
  for (std::size_t b = 0; b <= i && b < buckets_.size(); ++b) {
    total += buckets_[b].load(std::memory_order_relaxed);
  }
  return total;
}

MetricsRegistry::Family& MetricsRegistry::FamilyLocked(std::string_view name) {
  auto it = families_.find(name);
  if (it == families_.end()) it = families_.emplace(std::string(name), Family{}).first;
  return it->second;
}

Counter& MetricsRegistry::GetCounter(std::string_view family, const Labels& labels) {
  const std::string key = FormatLabels(labels);
  {
    std::shared_lock lock(mu_);
    if (auto f = families_.find(family); f != families_.end()) {
      if (auto c = f->second.counters.find(key); c != f->second.counters.end()) return *c->second;
    }
  }
  std::unique_lock lock(mu_);
  auto& slot = FamilyLocked(family).counters[key];
  if (!slot) slot = std::make_unique<Counter>();
  return *slot;
}

Histogram& MetricsRegistry::GetHistogram(std::string_view family, const Labels& labels) {
  const std::string key = FormatLabels(labels);
  {
    std::shared_lock lock(mu_);
    if (auto f = families_.find(family); f != families_.end()) {
      if (auto h = f->second.histograms.find(key); h != f->second.histograms.end()) {
        return *h->second;
      }
    }
  }
  std::unique_lock lock(mu_);
  auto& fam = FamilyLocked(family);
  fam.is_histogram = true;
  auto& slot = fam.histograms[key];
  if (!slot) slot = std::make_unique<Histogram>();
  return *slot;
}

void MetricsRegistry::Describe(std::string_view family, std::string_view help) {
  std::unique_lock lock(mu_);
  FamilyLocked(family).help = std::string(help);
}

std::string MetricsRegistry::RenderPrometheus() const {
  std::shared_lock lock(mu_);
  std::string out;
  for (const auto& [name, fam] : families_) {
    if (fam.counters.empty() && fam.histograms.empty()) continue;
    if (!fam.help.empty()) out += fmt::format("# HELP {} {}\n", name, fam.help);
    out += fmt::format("# TYPE {} {}\n", name, fam.is_histogram ? "histogram" : "counter");
    for (const auto& [labels, counter] : fam.counters) {
      out += fmt::format("{}{} {}\n", name, Braced(labels), counter->Value());
    }
    for (const auto& [labels, h] : fam.histograms) {
      const std::string sep = labels.empty() ? "" : ",";
      for (std::size_t i = 0; i < Histogram::kBounds.size(); ++i) {
        out += fmt::format("{}_bucket{{{}{}le=\"{}\"}} {}\n", name, labels, sep,
                           Histogram::kBounds[i], h->CumulativeCount(i));
      }
      out += fmt::format("{}_bucket{{{}{}le=\"+Inf\"}} {}\n", name, labels, sep, h->Count());
      out += fmt::format("{}_sum{} {}\n", name, Braced(labels), h->Sum());
      out += fmt::format("{}_count{} {}\n", name, Braced(labels), h->Count());
    }
  }
  return out;
}

}  // namespace securebase
