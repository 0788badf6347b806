// A deliberately dumb HTTP/1.1 client over a plain socket, for tests that
// must send what no well-behaved client would (broken request lines, huge
// headers, lying Content-Length) and observe exactly what comes back.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace securebase::testing {

struct RawResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lowercased
  std::string body;
  std::string Header(const std::string& lower_name) const;
};

class RawConnection {
 public:
  explicit RawConnection(std::uint16_t port);
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool connected() const { return fd_ >= 0; }
  // Sends all bytes; false if the peer has closed.
  bool Send(const std::string& bytes);
  // Reads one response (headers, then Content-Length bytes of body);
  // nullopt on timeout or close before a whole response.
  std::optional<RawResponse> Read(std::chrono::milliseconds timeout = std::chrono::seconds(5));
  // True when the server closes the connection within the timeout
  // (pending bytes are read and dropped).
  bool WaitForClose(std::chrono::milliseconds timeout);

 private:
  bool Fill(std::chrono::steady_clock::time_point deadline);
  int fd_ = -1;
  std::string pending_;
};

// One request on a fresh connection.
std::optional<RawResponse> RoundTrip(std::uint16_t port, const std::string& request);

}  // namespace securebase::testing
