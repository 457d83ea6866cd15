// Test helpers for talking to the emulator over loopback, for any test suite:
//  * HttpClient: one libcurl easy handle (so consecutive requests reuse the connection, as a
//    keep-alive client would) with GET/POST/PATCH/DELETE, headers, and the answer's status,
//    headers and body. Transport errors (reset, timeout) are kept apart from the HTTP status.
//  * EmulatorProcess: starts the real pardot-emulator binary with given arguments and
//    --port 0, reads its "listening on HOST:PORT" line, and stops it (SIGTERM, then SIGKILL)
//    on destruction.
// Example:
//   EmulatorProcess emulator({"--token", "T", "--ampsea"});
//   HttpClient client(emulator.url());
//   auto r = client.Get("/api/v5/objects/prospects?fields=id",
//                       {{"Authorization", "Bearer T"}, {"Pardot-Business-Unit-Id",
//                        EmulatorProcess::kDefaultUnit}});
//   EXPECT_EQ(r.status, 200);
// Header-only on purpose (tests link libcurl; the emulator library does not). An HttpClient is
// used by one thread at a time; use one per thread for parallel requests.
#pragma once

#include <curl/curl.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include <cctype>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace pdc::emulator::testing {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct HttpAnswer {
  CURLcode error = CURLE_OK;  // transport outcome; status is 0 unless this is CURLE_OK
  std::string error_text;
  long status = 0;
  HeaderList headers;  // names lower-cased, in order
  std::string body;
  long new_connections = 0;  // connections curl opened for this request (0 when reused)

  bool ok() const { return error == CURLE_OK; }
  // The first header with this name (lower-case), or "".
  std::string Header(const std::string& name) const {
    for (const auto& [key, value] : headers) {
      if (key == name) return value;
    }
    return {};
  }
};

class HttpClient {
 public:
  // `base_url` like "http://127.0.0.1:8080"; paths are appended as given (already encoded).
  explicit HttpClient(std::string base_url,
                      std::chrono::milliseconds timeout = std::chrono::seconds(30))
      : base_url_(std::move(base_url)), timeout_(timeout) {
    static const bool initialised = (curl_global_init(CURL_GLOBAL_DEFAULT), true);
    (void)initialised;
    curl_ = curl_easy_init();
    if (curl_ == nullptr) throw std::runtime_error("curl_easy_init failed");
  }
  ~HttpClient() { curl_easy_cleanup(curl_); }
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  HttpAnswer Get(const std::string& path, const HeaderList& headers = {}) {
    return Send("GET", path, "", headers);
  }
  HttpAnswer Post(const std::string& path, const std::string& body,
                  const HeaderList& headers = {}) {
    return Send("POST", path, body, headers);
  }
  HttpAnswer Patch(const std::string& path, const std::string& body,
                   const HeaderList& headers = {}) {
    return Send("PATCH", path, body, headers);
  }
  HttpAnswer Delete(const std::string& path, const HeaderList& headers = {}) {
    return Send("DELETE", path, "", headers);
  }

  // Any method. A POST body without a Content-Type header is sent as
  // application/x-www-form-urlencoded (curl's default); set one for JSON.
  HttpAnswer Send(const std::string& method, const std::string& path, const std::string& body,
                  const HeaderList& headers) {
    HttpAnswer answer;
    curl_easy_reset(curl_);  // keeps the connection cache
    const std::string url = base_url_ + path;
    curl_easy_setopt(curl_, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl_, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout_.count()));
    if (method == "GET") {
      curl_easy_setopt(curl_, CURLOPT_HTTPGET, 1L);
    } else {
      curl_easy_setopt(curl_, CURLOPT_CUSTOMREQUEST, method.c_str());
      if (method != "DELETE" || !body.empty()) {
        curl_easy_setopt(curl_, CURLOPT_POSTFIELDS, body.data());
        curl_easy_setopt(curl_, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
      }
    }
    curl_slist* list = nullptr;
    for (const auto& [name, value] : headers) {
      list = curl_slist_append(list, (name + ": " + value).c_str());
    }
    curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, list);
    curl_easy_setopt(curl_, CURLOPT_WRITEFUNCTION, &HttpClient::OnBody);
    curl_easy_setopt(curl_, CURLOPT_WRITEDATA, &answer.body);
    curl_easy_setopt(curl_, CURLOPT_HEADERFUNCTION, &HttpClient::OnHeader);
    curl_easy_setopt(curl_, CURLOPT_HEADERDATA, &answer.headers);
    answer.error = curl_easy_perform(curl_);
    curl_slist_free_all(list);
    if (answer.error == CURLE_OK) {
      curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &answer.status);
    } else {
      answer.error_text = curl_easy_strerror(answer.error);
    }
    curl_easy_getinfo(curl_, CURLINFO_NUM_CONNECTS, &answer.new_connections);
    return answer;
  }

 private:
  static size_t OnBody(char* data, size_t size, size_t count, void* out) {
    static_cast<std::string*>(out)->append(data, size * count);
    return size * count;
  }
  static size_t OnHeader(char* data, size_t size, size_t count, void* out) {
    const std::string line(data, size * count);
    auto* headers = static_cast<HeaderList*>(out);
    if (line.starts_with("HTTP/")) headers->clear();  // a new response (after 100 Continue)
    const std::size_t colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::size_t start = colon + 1;
      while (start < line.size() && line[start] == ' ') ++start;
      std::size_t end = line.size();
      while (end > start && (line[end - 1] == '\r' || line[end - 1] == '\n')) --end;
      headers->emplace_back(std::move(name), line.substr(start, end - start));
    }
    return size * count;
  }

  std::string base_url_;
  std::chrono::milliseconds timeout_;
  CURL* curl_ = nullptr;
};

class EmulatorProcess {
 public:
  static constexpr const char* kDefaultUnit = "0Uv000000000001AAA";
#ifdef PDC_BINARY_DIR
  static constexpr const char* kDefaultBinary = PDC_BINARY_DIR "/tests/emulator/pardot-emulator";
#else
  static constexpr const char* kDefaultBinary = "pardot-emulator";
#endif

  // Starts the emulator with `args` plus "--port 0" and waits (up to `startup`) for its port.
  // Throws std::runtime_error when it does not come up; its stderr is inherited.
  explicit EmulatorProcess(std::vector<std::string> args, std::string binary = kDefaultBinary,
                           std::chrono::milliseconds startup = std::chrono::seconds(30)) {
    args.insert(args.begin(), {binary, "--port", "0"});
    int fds[2];
    if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
#ifdef __linux__
      prctl(PR_SET_PDEATHSIG, SIGTERM);  // never outlive a crashed test
#endif
      dup2(fds[1], STDOUT_FILENO);
      close(fds[0]);
      close(fds[1]);
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
    close(fds[1]);
    stdout_ = fds[0];
    port_ = ReadPort(startup);
    if (port_ == 0) {
      Stop();
      throw std::runtime_error("pardot-emulator did not report its port (" + binary + ")");
    }
  }
  ~EmulatorProcess() { Stop(); }
  EmulatorProcess(const EmulatorProcess&) = delete;
  EmulatorProcess& operator=(const EmulatorProcess&) = delete;

  int port() const { return port_; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  pid_t pid() const { return pid_; }

  // SIGTERM, then SIGKILL after 5 s; returns the exit status as waitpid reports it (-1 when
  // already stopped).
  int Stop() {
    if (pid_ <= 0) return -1;
    kill(pid_, SIGTERM);
    int status = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (waitpid(pid_, &status, WNOHANG) == 0) {
      if (std::chrono::steady_clock::now() > deadline) {
        kill(pid_, SIGKILL);
        waitpid(pid_, &status, 0);
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    pid_ = -1;
    if (stdout_ >= 0) close(stdout_);
    stdout_ = -1;
    return status;
  }

 private:
  // Reads "listening on HOST:PORT\n"; 0 on timeout or early exit.
  int ReadPort(std::chrono::milliseconds timeout) {
    std::string line;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (line.find('\n') == std::string::npos) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return 0;
      pollfd pfd{stdout_, POLLIN, 0};
      if (poll(&pfd, 1, static_cast<int>(left.count())) <= 0) return 0;
      char buffer[256];
      const ssize_t n = read(stdout_, buffer, sizeof buffer);
      if (n <= 0) return 0;
      line.append(buffer, static_cast<std::size_t>(n));
    }
    const std::size_t colon = line.rfind(':', line.find('\n'));
    if (!line.starts_with("listening on ") || colon == std::string::npos) return 0;
    return std::atoi(line.c_str() + colon + 1);
  }

  pid_t pid_ = -1;
  int stdout_ = -1;
  int port_ = 0;
};

}  // namespace pdc::emulator::testing
