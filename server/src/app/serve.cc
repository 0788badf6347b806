// `securebase serve`: assembles the server from its parts and runs it until
// SIGTERM or SIGINT. Only wiring lives here; every rule lives in its layer.
#include <signal.h>

#include <filesystem>
#include <iostream>

#include "api/routes.h"
#include "app/commands.h"
#include "app/content_editing.h"
#include "app/database_setup.h"
#include "app/secret_keys.h"
#include "app/services.h"
#include "app/test_clock.h"
#include "common/log.h"
#include "content/content_loader.h"
#include "http/blocking_pool.h"
#include "http/server.h"
#include "jobs/mail_setup.h"
#include "jobs/outbox_worker.h"
#include "jobs/ticker.h"

namespace securebase::app {

int RunServe(const Config& config) {
  // Block the stop signals in every thread we start; this thread waits for
  // them with sigwait below, so shutdown runs in ordinary code.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGHUP);  // reload the content and the keys
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  const auto listen = config.ListenAddress();
  if (!listen) {
    std::cerr << "listen " << listen.error().message << "\n";
    return 2;
  }

  content::ContentSet content = content::LoadContent(config.content);
  if (!content.ok()) {
    for (const auto& p : content.problems) std::cerr << "content/" << p.ToString() << "\n";
    Log(LogLevel::kError, "content_invalid", {{"problems", content.problems.size()}});
    return 1;
  }
  Log(LogLevel::kInfo, "content_loaded", {{"files", content.files_read}});

  std::error_code ec;
  std::filesystem::create_directories(config.data_dir, ec);
  if (ec) {
    std::cerr << "Cannot create the data folder " << config.data_dir << ": " << ec.message()
              << "\n";
    return 1;
  }

  MetricsRegistry metrics;
  SystemClock system_clock;
  OffsetFileClock test_clock(config.test_clock_file);
  const bool testing_time = !config.test_clock_file.empty();
  if (testing_time) {
    Log(LogLevel::kWarn, "test_clock",
        {{"message", "test_clock_file is set: the clock can be moved by a file. Tests only."}});
  }
  const Clock& clock = testing_time ? static_cast<const Clock&>(test_clock) : system_clock;
  auto db = OpenAndMigrate(config, metrics, clock);
  if (!db) {
    std::cerr << db.error().message << "\n";
    return 1;
  }

  auto files = http::StaticFiles::Load(config.web_dir);
  if (!files) {
    std::cerr << files.error().message << "\n";
    return 1;
  }
  if (files->empty()) {
    Log(LogLevel::kWarn, "web_app_missing", {{"web_dir", config.web_dir}});
  }

  http::BlockingPool pool(static_cast<std::size_t>(config.blocking_threads));
  http::BlockingPool hashing(static_cast<std::size_t>(config.hashing_threads));
  auto built = Services::Create(config, **db, clock, std::move(content));
  if (!built) {
    std::cerr << built.error().message << "\n";
    return 1;
  }
  Services& services = **built;
  AccountsWiring& accounts = *services.accounts;
  SchedulingWiring& scheduling = services.scheduling;
  ContentEditing content_editing(config.content, services.publisher, services.catalog);
  if (auto token = services.setup.PrepareToken(); !token) {
    std::cerr << token.error().message << "\n";
    return 1;
  } else if (*token) {
    // The one secret ever written to the log, on purpose: it lets the
    // operator (who alone reads the log) claim the site at /setup.
    Log(LogLevel::kWarn, "setup_needed",
        {{"message", "No practitioner yet: open /setup and enter this token"},
         {"setup_token", **token}});
  }
  api::ApiContext api_context{
      pool,
      metrics,
      clock,
      [&db] { return (*db)->Ping(); },
      services.setup,
      accounts.Api(),
      {config.http_tls, config.PublicUrl(), config.http_trust_forwarded_for},
      hashing,
      static_cast<std::size_t>(config.hashing_queue),
      services.catalog,
      services.course.service,
      services.assessment.Api(),
      services.practice.Api(),
      services.journal.Api(),
      scheduling.Api(),
      services.sharing.Api(),
      services.sharing.audit,
      services.limits,
      services.notes.Api(),
      content_editing,
      services.privacy.deletion,
      services.privacy.records,
      config.metrics_token};
  http::Router router;
  api::AddRoutes(router, api_context);

  http::ServerOptions options;
  options.host = listen->first;
  options.port = listen->second;
  options.threads = static_cast<std::size_t>(config.threads);
  options.limits.max_header_bytes = static_cast<std::size_t>(config.http_max_header_bytes);
  options.limits.max_body_bytes = static_cast<std::size_t>(config.http_max_body_bytes);
  options.limits.header_timeout = std::chrono::seconds(config.http_header_timeout_seconds);
  options.limits.body_timeout = std::chrono::seconds(config.http_body_timeout_seconds);
  options.limits.idle_timeout = std::chrono::seconds(config.http_idle_timeout_seconds);
  options.limits.shutdown_grace = std::chrono::seconds(config.http_shutdown_grace_seconds);
  options.security.hsts = config.http_tls;
  options.log_requests = config.log_requests;

  // Session notes past the keeping period (notes.retention_days; 0: none):
  // once before serving (a server that was down a while catches up at once),
  // then hourly.
  const auto expire_notes = [&services]() -> Status {
    auto deleted = services.privacy.retention.DeleteExpired();
    if (!deleted) return std::unexpected(deleted.error());
    if (*deleted > 0) Log(LogLevel::kInfo, "notes_expired", {{"deleted", *deleted}});
    return {};
  };
  if (auto expired = expire_notes(); !expired) {
    Log(LogLevel::kWarn, "job_failed",
        {{"job", "notes.retention"}, {"error", expired.error().message}});
  }
  http::Server server(options, router, *files, metrics);
  if (auto port = server.Start(); !port) {
    std::cerr << port.error().message << "\n";
    return 1;
  }

  // Mail: the domain puts messages in the outbox; this worker delivers them.
  auto mailer =
      jobs::MakeMailer({config.mail_from, config.mail_smtp_url, config.mail_smtp_username,
                        config.mail_smtp_password, config.mail_smtp_ca_file,
                        config.mail_smtp_starttls, std::filesystem::path(config.data_dir) / "mail"},
                       clock);
  if (!mailer) {
    std::cerr << mailer.error().message << "\n";
    return 1;
  }
  jobs::OutboxWorker outbox_worker(accounts.outbox, **mailer, clock, metrics);

  // The keys follow `securebase keys rotate` without a restart.
  KeyReloader keys(accounts.box);
  jobs::Ticker ticker;
  AddHousekeeping(ticker, **db);
  accounts.AddJobs(ticker);
  ticker.Add("mail.outbox", std::chrono::seconds(config.mail_poll_seconds),
             [&outbox_worker] { return outbox_worker.Tick(); });
  ticker.Add("booking.reminders", std::chrono::seconds(config.mail_poll_seconds),
             [&scheduling] { return scheduling.SendReminders(); });
  // Every tick it asks whether time was freed; it reads the slots only then,
  // or once a minute.
  ticker.Add("waitlist.openings", std::chrono::seconds(config.mail_poll_seconds),
             [&scheduling] { return scheduling.LookForOpenings(); });
  ticker.Add("rate_counters.forget_old", std::chrono::hours(1), [&services]() -> Status {
    auto forgotten = services.limits.ForgetOld();
    if (!forgotten) return std::unexpected(forgotten.error());
    return {};
  });
  ticker.Add("mail.purge_sent", std::chrono::hours(1),
             [&outbox_worker] { return outbox_worker.PurgeSent(); });
  ticker.Add("content.reload", std::chrono::seconds(config.content_poll_seconds),
             [&services] { return services.publisher.CheckForImport(); });
  ticker.Add("notes.retention", std::chrono::hours(1), expire_notes);
  ticker.Add("keys.reload", std::chrono::seconds(config.content_poll_seconds), [&keys] {
    (void)keys.CheckForChange();  // a failure is logged as a warning; the keys in use stay
    return Status{};
  });
  ticker.Start();

  int sig = 0;
  for (;;) {
    sigwait(&signals, &sig);
    if (sig != SIGHUP) break;
    Log(LogLevel::kInfo, "content_reload_requested", {{"signal", "SIGHUP"}});
    (void)services.publisher.Load();  // problems are logged; the old content stays
    (void)keys.Reload("SIGHUP");      // likewise: the keys in use stay
  }
  Log(LogLevel::kInfo, "shutdown_started", {{"signal", sig == SIGTERM ? "SIGTERM" : "SIGINT"}});
  server.Stop();
  server.Wait();
  outbox_worker.RequestStop();
  ticker.Stop();
  hashing.Stop();
  pool.Stop();
  Log(LogLevel::kInfo, "shutdown_complete");
  return 0;
}

}  // namespace securebase::app
