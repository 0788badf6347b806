#include "domain/accounts/session_service.h"

#include <algorithm>

#include "common/random.h"
#include "common/token_hash.h"

namespace securebase::domain {
namespace {

constexpr std::size_t kTokenBytes = 32;  // 256 bits
constexpr std::int64_t kTouchEveryMillis = 60'000;

Instant Plus(Instant t, std::chrono::minutes d) {
  return Instant{t.millis + std::chrono::duration_cast<std::chrono::milliseconds>(d).count()};
}

bool LooksLikeToken(std::string_view token) {
  return token.size() == kTokenBytes * 2 && std::all_of(token.begin(), token.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

}  // namespace

Result<StartedSession> SessionService::Start(const User& user, TwoFactorState two_factor) {
  const Instant now = clock_.Now();
  const SessionLifetime& life = timeouts_.For(user.role);
  StartedSession started;
  started.token = RandomHex(kTokenBytes);
  Session& s = started.session;
  s.id = HashToken(started.token);
  s.user_id = user.id;
  s.role = user.role;
  s.two_factor = two_factor;
  s.created_at = s.last_seen_at = now;
  s.absolute_expires_at = Plus(now, life.absolute);
  s.idle_expires_at = std::min(Plus(now, life.idle), s.absolute_expires_at);
  if (auto ok = sessions_.Create(s); !ok) return std::unexpected(ok.error());
  return started;
}

Result<StartedSession> SessionService::Renew(const Session& old, TwoFactorState two_factor) {
  // The stored session, not the caller's copy: its expiry is the one to keep.
  auto stored = sessions_.Find(old.id);
  if (!stored) return std::unexpected(stored.error());
  if (!*stored) return Fail(ErrorCode::kUnauthenticated, "Please log in again.");
  const Instant now = clock_.Now();
  StartedSession renewed;
  renewed.token = RandomHex(kTokenBytes);
  Session& s = renewed.session;
  s = **stored;
  s.id = HashToken(renewed.token);
  s.two_factor = two_factor;
  s.last_seen_at = now;
  s.idle_expires_at = std::min(Plus(now, timeouts_.For(s.role).idle), s.absolute_expires_at);
  if (auto ok = sessions_.Create(s); !ok) return std::unexpected(ok.error());
  if (auto ok = sessions_.Delete(old.id); !ok) return std::unexpected(ok.error());
  return renewed;
}

Result<std::optional<Session>> SessionService::Resolve(std::string_view token) {
  // Anything that cannot be one of our tokens is not looked up at all.
  if (!LooksLikeToken(token)) return std::nullopt;
  auto found = sessions_.Find(HashToken(token));
  if (!found || !*found) return found;
  Session& s = **found;
  const Instant now = clock_.Now();
  if (Expired(s, now)) {
    if (auto ok = sessions_.Delete(s.id); !ok) return std::unexpected(ok.error());
    return std::nullopt;
  }
  if (now.millis - s.last_seen_at.millis >= kTouchEveryMillis) {
    const Instant idle = std::min(Plus(now, timeouts_.For(s.role).idle), s.absolute_expires_at);
    if (auto ok = sessions_.Touch(s.id, now, idle); !ok) return std::unexpected(ok.error());
    s.last_seen_at = now;
    s.idle_expires_at = idle;
  }
  return found;
}

Result<std::optional<Session>> SessionService::EndByToken(std::string_view token) {
  if (!LooksLikeToken(token)) return std::nullopt;
  auto found = sessions_.Find(HashToken(token));
  if (!found || !*found) return found;
  if (auto ok = sessions_.Delete((*found)->id); !ok) return std::unexpected(ok.error());
  return found;
}

Result<std::vector<Session>> SessionService::ListFor(std::string_view user_id) {
  auto all = sessions_.ForUser(user_id);
  if (!all) return std::unexpected(all.error());
  const Instant now = clock_.Now();
  std::erase_if(*all, [now](const Session& s) { return Expired(s, now); });
  return all;
}

Result<bool> SessionService::EndOne(std::string_view user_id, std::string_view public_id) {
  auto live = ListFor(user_id);
  if (!live) return std::unexpected(live.error());
  for (const Session& s : *live) {
    if (PublicSessionId(s.id) != public_id) continue;
    if (auto ended = sessions_.Delete(s.id); !ended) return std::unexpected(ended.error());
    return true;
  }
  return false;
}

}  // namespace securebase::domain
