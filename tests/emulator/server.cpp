#include "tests/emulator/server.h"

#include <algorithm>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cctype>
#include <csignal>
#include <cstdio>
#include <stdexcept>
#include <thread>
#include <vector>

namespace pdc::emulator {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

using BeastRequest = http::request<http::string_body>;
using BeastResponse = http::response<http::string_body>;

// The Host header without its port ("[::1]:8080" → "[::1]").
std::string HostWithoutPort(std::string_view host) {
  const std::size_t colon = host.rfind(':');
  const std::size_t bracket = host.rfind(']');
  if (colon != std::string_view::npos && (bracket == std::string_view::npos || colon > bracket)) {
    host = host.substr(0, colon);
  }
  return std::string(host);
}

HttpRequest ToExchange(BeastRequest&& request) {
  HttpRequest out;
  out.method = std::string(request.method_string());
  const std::string_view target = request.target();
  const std::size_t q = target.find('?');
  out.raw_path = std::string(target.substr(0, q));
  out.path = UrlDecode(out.raw_path, false);
  if (q != std::string_view::npos) out.query = ParseForm(target.substr(q + 1));
  for (const auto& field : request) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers.emplace_back(std::move(name), std::string(field.value()));
  }
  out.host = HostWithoutPort(request[http::field::host]);
  out.body = std::move(request.body());
  return out;
}

BeastResponse ToBeast(HttpResponse&& from, unsigned version, bool keep_alive) {
  BeastResponse response;
  response.version(version);
  response.result(static_cast<unsigned>(from.status));
  response.set(http::field::server, "pardot-emulator");
  const bool bodiless = from.status == 204 || from.status == 304;
  if (!bodiless) {
    response.set(http::field::content_type, from.content_type);
    response.body() = std::move(from.body);
  }
  for (auto& [name, value] : from.headers) response.insert(name, value);
  response.keep_alive(keep_alive);
  response.prepare_payload();
  return response;
}

// Ends a ticket whatever way the connection's coroutine leaves (including destruction of a
// suspended coroutine when the server stops).
class TicketGuard {
 public:
  TicketGuard(Router& router, Router::Ticket ticket)
      : router_(router), ticket_(std::move(ticket)) {}
  ~TicketGuard() { router_.End(ticket_); }
  TicketGuard(const TicketGuard&) = delete;
  TicketGuard& operator=(const TicketGuard&) = delete;
  Router::Ticket& ticket() { return ticket_; }

 private:
  Router& router_;
  Router::Ticket ticket_;
};

// Sends a short answer on a connection that is about to close (bad request, body too large).
asio::awaitable<void> Refuse(beast::tcp_stream& stream, http::status status, std::string text) {
  BeastResponse response{status, 11};
  response.set(http::field::server, "pardot-emulator");
  response.set(http::field::content_type, "text/plain");
  response.body() = std::move(text);
  response.keep_alive(false);
  response.prepare_payload();
  beast::error_code ec;
  co_await http::async_write(stream, response, asio::redirect_error(asio::use_awaitable, ec));
}

// The header at once, then the body in up to 20 pieces spread over `total`.
asio::awaitable<void> WriteSlowly(beast::tcp_stream& stream, BeastResponse& response,
                                  std::chrono::milliseconds total, beast::error_code& ec) {
  http::response_serializer<http::string_body> serializer{response};
  co_await http::async_write_header(stream, serializer,
                                    asio::redirect_error(asio::use_awaitable, ec));
  if (ec) co_return;
  const std::string& body = response.body();
  const std::size_t pieces = std::clamp<std::size_t>(body.size(), 1, 20);
  const std::size_t step = (body.size() + pieces - 1) / pieces;
  asio::steady_timer timer(stream.get_executor());
  for (std::size_t offset = 0; offset < body.size(); offset += step) {
    timer.expires_after(total / pieces);
    co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    co_await asio::async_write(
        stream, asio::buffer(body.data() + offset, std::min(step, body.size() - offset)),
        asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return;
  }
}

}  // namespace

struct Server::Impl {
  Impl(Router& r, ServerOptions o) : router(r), options(std::move(o)), acceptor(io) {}

  asio::awaitable<void> Serve(tcp::socket socket);
  asio::awaitable<void> Accept();

  Router& router;
  const ServerOptions options;
  asio::io_context io;
  tcp::acceptor acceptor;
};

asio::awaitable<void> Server::Impl::Serve(tcp::socket socket) {
  beast::tcp_stream stream(std::move(socket));
  beast::flat_buffer buffer;
  beast::error_code ec;
  auto use = asio::redirect_error(asio::use_awaitable, ec);
  for (;;) {
    http::request_parser<http::string_body> parser;
    parser.body_limit(options.max_body_bytes);
    parser.header_limit(static_cast<std::uint32_t>(options.max_header_bytes));
    stream.expires_after(options.idle_timeout);
    co_await http::async_read_header(stream, buffer, parser, use);
    if (ec) {
      if (ec == http::error::header_limit) {
        co_await Refuse(stream, http::status::request_header_fields_too_large,
                        "headers too large\n");
      } else if (ec.category() == make_error_code(http::error::end_of_stream).category() &&
                 ec != http::error::end_of_stream && ec != http::error::partial_message) {
        co_await Refuse(stream, http::status::bad_request, "malformed request\n");
      }
      break;
    }
    if (beast::iequals(parser.get()[http::field::expect], "100-continue")) {
      // Clients (libcurl) wait for this before sending a large body.
      http::response<http::empty_body> go_on{http::status::continue_, 11};
      co_await http::async_write(stream, go_on, use);
      if (ec) break;
    }
    co_await http::async_read(stream, buffer, parser, use);
    if (ec) {
      if (ec == http::error::body_limit) {
        co_await Refuse(stream, http::status::payload_too_large, "request body too large\n");
      }
      break;
    }
    stream.expires_never();
    BeastRequest request = parser.release();
    const bool keep_alive = request.keep_alive();
    const unsigned version = request.version();
    TicketGuard guard(router, router.Begin(ToExchange(std::move(request))));
    Router::Ticket& ticket = guard.ticket();
    if (ticket.delay.count() > 0) {
      asio::steady_timer timer(stream.get_executor(), ticket.delay);
      co_await timer.async_wait(use);
    }
    if (ticket.response.reset_connection) {
      // RST rather than FIN: the client sees "connection reset by peer".
      stream.socket().set_option(asio::socket_base::linger(true, 0), ec);
      stream.socket().close(ec);
      co_return;
    }
    const auto slow = ticket.response.slow_body;
    BeastResponse response = ToBeast(std::move(ticket.response), version, keep_alive);
    if (slow.count() > 0) {
      co_await WriteSlowly(stream, response, slow, ec);
    } else {
      co_await http::async_write(stream, response, use);
    }
    if (ec || !keep_alive) break;
  }
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
}

asio::awaitable<void> Server::Impl::Accept() {
  for (;;) {
    beast::error_code ec;
    tcp::socket socket =
        co_await acceptor.async_accept(asio::redirect_error(asio::use_awaitable, ec));
    if (ec == asio::error::operation_aborted || !acceptor.is_open()) co_return;
    if (ec) {
      // Out of descriptors or similar: pause rather than spin.
      asio::steady_timer timer(io, std::chrono::milliseconds(50));
      co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
      continue;
    }
    socket.set_option(tcp::no_delay(true), ec);
    asio::co_spawn(io, Serve(std::move(socket)), [](std::exception_ptr failure) {
      if (!failure) return;
      try {
        std::rethrow_exception(failure);
      } catch (const std::exception& e) {
        std::fprintf(stderr, "pardot-emulator: connection failed: %s\n", e.what());
      }
    });
  }
}

Server::Server(Router& router, ServerOptions options)
    : impl_(std::make_unique<Impl>(router, std::move(options))) {}

Server::~Server() {
  Stop();
  impl_.reset();  // the io_context destroys suspended connections; their guards end tickets
}

int Server::Listen() {
  beast::error_code ec;
  const auto address = asio::ip::make_address(impl_->options.bind, ec);
  if (ec) throw std::runtime_error("invalid bind address " + impl_->options.bind);
  const tcp::endpoint endpoint(address, static_cast<unsigned short>(impl_->options.port));
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    throw std::runtime_error("cannot listen on " + impl_->options.bind + ":" +
                             std::to_string(impl_->options.port) + ": " + ec.message());
  }
  asio::co_spawn(impl_->io, impl_->Accept(), asio::detached);
  return acceptor.local_endpoint().port();
}

void Server::Run(bool stop_on_signals) {
  asio::signal_set signals(impl_->io);
  if (stop_on_signals) {
    signals.add(SIGINT);
    signals.add(SIGTERM);
    signals.async_wait([this](const beast::error_code& ec, int signal) {
      if (ec) return;
      std::fprintf(stderr, "pardot-emulator: stopping on signal %d\n", signal);
      Stop();
    });
  }
  std::vector<std::thread> threads;
  for (int i = 1; i < impl_->options.threads; ++i)
    threads.emplace_back([this] { impl_->io.run(); });
  impl_->io.run();
  for (auto& t : threads) t.join();
}

void Server::Stop() {
  if (impl_) impl_->io.stop();
}

}  // namespace pdc::emulator
