#include "jobs/smtp_mailer.h"

#include <curl/curl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <mutex>

namespace securebase::jobs {
namespace {

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

// The message being uploaded, read by libcurl in pieces.
struct Upload {
  std::string_view rest;
};

size_t ReadMessage(char* buffer, size_t size, size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const size_t n = std::min(size * count, upload->rest.size());
  std::memcpy(buffer, upload->rest.data(), n);
  upload->rest.remove_prefix(n);
  return n;
}

bool Init() {
  static std::once_flag once;
  static bool ok = false;
  std::call_once(once, [] { ok = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK; });
  return ok;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// The phase libcurl names at the start of its error text ("RCPT failed: 550",
// "MAIL failed: 553"). Only this prefix is read; the text itself is never
// stored or logged.
std::string_view PhaseOf(const char* error_text) {
  const std::string_view text(error_text);
  for (const std::string_view phase : {"RCPT", "MAIL"}) {
    if (text.starts_with(phase)) return phase;
  }
  return "";
}

}  // namespace

Error ClassifySmtpFailure(int curl_code, long reply, std::string_view phase) {
  auto retry = [](std::string message) {
    return Error{ErrorCode::kUnavailable, std::move(message), {}};
  };
  auto permanent = [](std::string message) {
    return Error{ErrorCode::kInvalidArgument, std::move(message), {}};
  };
  // Replies about logging in or encryption are for the operator to fix.
  if (reply == 530 || reply == 534 || reply == 535 || reply == 538 ||
      curl_code == CURLE_LOGIN_DENIED) {
    return retry(
        fmt::format("The mail server wants a log-in or encryption it did not get ({}); check "
                    "mail.smtp_username, mail.smtp_password and mail.smtp_starttls.",
                    reply));
  }
  if (reply >= 500 && reply <= 599) {
    // Only a refusal of this recipient or of this message is final; one
    // before that (the greeting, the sender) concerns every message.
    if (phase == "RCPT") {
      return permanent(fmt::format("The mail server refused the recipient ({}).", reply));
    }
    if (phase == "DATA") {
      return permanent(fmt::format("The mail server refused the message ({}).", reply));
    }
    if (phase == "MAIL") {
      return retry(fmt::format("The mail server refused the sender ({}); check mail.from.", reply));
    }
    return retry(fmt::format("The mail server refused to take mail ({}).", reply));
  }
  if (reply >= 400 && reply <= 499) {
    return retry(fmt::format("The mail server asked to try again later ({}).", reply));
  }
  switch (curl_code) {
    case CURLE_USE_SSL_FAILED:
      return retry(
          "The mail server does not offer STARTTLS, which is required (mail.smtp_starttls).");
    case CURLE_PEER_FAILED_VERIFICATION:
      return retry("The mail server's certificate could not be verified (see mail.smtp_ca_file).");
    case CURLE_SSL_CONNECT_ERROR: return retry("TLS with the mail server failed.");
    case CURLE_COULDNT_RESOLVE_HOST: return retry("The mail server's name could not be resolved.");
    case CURLE_COULDNT_CONNECT: return retry("Could not connect to the mail server.");
    case CURLE_OPERATION_TIMEDOUT: return retry("The mail server did not answer in time.");
    default:
      // curl_easy_strerror is libcurl's fixed text for the code: no server
      // words, no addresses.
      return retry(fmt::format("Sending mail failed: {} (curl {}).",
                               curl_easy_strerror(static_cast<CURLcode>(curl_code)), curl_code));
  }
}

Result<std::unique_ptr<SmtpMailer>> SmtpMailer::Create(SmtpOptions options, const Clock& clock) {
  const std::string url = Lower(options.url);
  const bool smtps = url.starts_with("smtps://");
  if (!smtps && !url.starts_with("smtp://")) {
    return InvalidArgument("mail.smtp_url must start with smtp:// or smtps://");
  }
  const std::string_view rest = std::string_view(url).substr(smtps ? 8 : 7);
  if (rest.empty() || rest.front() == '/' || rest.front() == ':') {
    return InvalidArgument("mail.smtp_url needs a host, like smtp://mail.example.org:587");
  }
  const bool plaintext = !smtps && !options.starttls;
  if (plaintext && (!options.username.empty() || !options.password.empty())) {
    return InvalidArgument(
        "mail.smtp_username and mail.smtp_password need an encrypted connection: keep "
        "mail.smtp_starttls = true or use smtps://");
  }
  if (!options.ca_file.empty() && ::access(options.ca_file.c_str(), R_OK) != 0) {
    return InvalidArgument(fmt::format("mail.smtp_ca_file {} cannot be read", options.ca_file));
  }
  if (!Init()) return Internal("libcurl could not be initialised.");
  return std::unique_ptr<SmtpMailer>(new SmtpMailer(std::move(options), clock, plaintext));
}

Status SmtpMailer::Send(const domain::OutgoingMail& mail) {
  auto message = FormatMessage(mail, options_.from, clock_.Now());
  if (!message) return std::unexpected(message.error());

  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) return Unavailable("libcurl could not start a transfer.");
  std::unique_ptr<curl_slist, SlistDeleter> rcpt(
      curl_slist_append(nullptr, ("<" + mail.to + ">").c_str()));
  if (!rcpt) return Unavailable("Out of memory preparing a mail.");
  Upload upload{*message};
  char error_text[CURL_ERROR_SIZE] = {};
  const std::string mail_from = "<" + options_.from.address + ">";
  CURL* c = curl.get();

  curl_easy_setopt(c, CURLOPT_URL, options_.url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(c, CURLOPT_USE_SSL,
                   static_cast<long>(plaintext_ ? CURLUSESSL_NONE : CURLUSESSL_ALL));
  curl_easy_setopt(c, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!options_.ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, options_.ca_file.c_str());
  if (!options_.username.empty()) {
    curl_easy_setopt(c, CURLOPT_USERNAME, options_.username.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, options_.password.c_str());
  }
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, mail_from.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt.get());
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_READFUNCTION, ReadMessage);
  curl_easy_setopt(c, CURLOPT_READDATA, &upload);
  curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message->size()));
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(options_.connect_timeout.count()));
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.timeout.count()));
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // threads: no SIGALRM for timeouts
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error_text);

  const CURLcode result = curl_easy_perform(c);
  if (result == CURLE_OK) return {};
  long reply = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &reply);
  std::string_view phase = PhaseOf(error_text);
  // The whole message went out, so a refusal now is of the message itself.
  if (phase.empty() && upload.rest.empty()) phase = "DATA";
  return std::unexpected(ClassifySmtpFailure(static_cast<int>(result), reply, phase));
}

}  // namespace securebase::jobs
