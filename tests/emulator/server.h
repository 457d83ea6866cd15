// The emulator's HTTP/1.1 server: Boost.Beast on an asio io_context run by a small thread pool,
// one coroutine per connection, keep-alive, bounded request bodies. It converts each request to
// an HttpRequest, asks the Router, waits the ticket's delay on a timer (so that slow answers
// do not hold a thread and concurrency is real), writes the answer, then ends the ticket.
// Beast and asio stay inside server.cpp.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "tests/emulator/router.h"

namespace pdc::emulator {

struct ServerOptions {
  std::string bind = "127.0.0.1";
  int port = 0;  // 0: a free port, see Listen()
  int threads = 4;
  std::size_t max_body_bytes = 32u << 20;   // larger bodies get 413
  std::size_t max_header_bytes = 1u << 20;  // request line and headers (long query strings)
  std::chrono::seconds idle_timeout{120};   // an idle keep-alive connection is closed after
};

class Server {
 public:
  // `router` must outlive the server.
  Server(Router& router, ServerOptions options);
  ~Server();  // stops and joins
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens; returns the port. Throws std::runtime_error when it cannot bind.
  int Listen();
  // Serves on `options.threads` threads (the caller's included) until Stop() or, with
  // `stop_on_signals`, SIGINT or SIGTERM. Connections still open are dropped.
  void Run(bool stop_on_signals);
  // Makes Run return. Thread-safe.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace pdc::emulator
