#include "rules/command_plugin.h"

#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/json.hpp>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include "rules/field_names.h"

extern char** environ;

namespace pdc {
namespace json = boost::json;

namespace {

constexpr int kProtocol = 1;
// An answer longer than this is not a batch's result: the process is taken for broken.
constexpr std::size_t kMaxLine = std::size_t{256} << 20;

using Clock = std::chrono::steady_clock;

struct WireType {
  std::string_view name;
  OptionType type;
};
constexpr WireType kWireTypes[] = {
    {"string", OptionType::kString},
    {"strings", OptionType::kStrings},
    {"field", OptionType::kField},
    {"fields", OptionType::kFields},
    {"bool", OptionType::kBool},
    {"int", OptionType::kInt},
    {"choice", OptionType::kChoice},
    {"value", OptionType::kValue},
    {"string_map", OptionType::kStringMap},
};

std::string Errno(const char* what) { return std::string(what) + ": " + std::strerror(errno); }

int RemainingMs(Clock::time_point deadline) {
  const auto left =
      std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return static_cast<int>(std::clamp<long long>(left, 0, 1 << 30));
}

}  // namespace

// One running process of the plugin, talking over a socket pair (a socket, unlike a pipe, can
// be written without SIGPIPE when the process is gone).
struct CommandPlugin::Process {
  pid_t pid = -1;
  int fd = -1;
  std::string buffer;      // bytes read past the last whole line
  bool timed_out = false;  // the last Receive ran out of time

  // At the end of a run: the plugin reads the end of its input and may finish its work (flush
  // a file, close a connection) for a moment before it is stopped.
  ~Process() {
    if (fd >= 0) close(fd);
    fd = -1;
    for (int i = 0; pid > 0 && i < 50; ++i) {
      if (waitpid(pid, nullptr, WNOHANG) == pid) pid = -1;
      if (pid > 0) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    Kill();
  }

  void Kill() {
    if (fd >= 0) close(fd);
    fd = -1;
    if (pid > 0) {
      kill(pid, SIGKILL);
      waitpid(pid, nullptr, 0);
    }
    pid = -1;
  }

  // After the process closed its end: how it ended ("exited with status 1").
  std::string Ended() {
    if (fd >= 0) close(fd);
    fd = -1;
    int status = 0;
    pid_t waited = 0;
    // Closing its output usually means it is exiting: give it a moment, then stop it.
    for (int i = 0; i < 50 && (waited = waitpid(pid, &status, WNOHANG)) == 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    if (waited == 0) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      pid = -1;
      return "closed its output";
    }
    pid = -1;
    if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
    if (WIFSIGNALED(status)) return "was killed by signal " + std::to_string(WTERMSIG(status));
    return "ended";
  }

  // Sends one line; "" when sent, else why not.
  std::string Send(const std::string& line, Clock::time_point deadline) {
    std::size_t done = 0;
    while (done < line.size()) {
      pollfd p{fd, POLLOUT, 0};
      const int ready = poll(&p, 1, RemainingMs(deadline));
      if (ready == 0) return "did not read its input in time";
      if (ready < 0) {
        if (errno == EINTR) continue;
        return Errno("poll");
      }
      const ssize_t n = send(fd, line.data() + done, line.size() - done, MSG_NOSIGNAL);
      if (n < 0) {
        if (errno == EINTR || errno == EAGAIN) continue;
        if (errno == EPIPE || errno == ECONNRESET) return Ended();
        return Errno("send");
      }
      done += static_cast<std::size_t>(n);
    }
    return "";
  }

  // Reads one line into `line`; "" when read, else why not.
  std::string Receive(std::string& line, Clock::time_point deadline) {
    for (;;) {
      if (const auto end = buffer.find('\n'); end != std::string::npos) {
        line.assign(buffer, 0, end);
        buffer.erase(0, end + 1);
        return "";
      }
      if (buffer.size() > kMaxLine) return "answered a line longer than 256 MB";
      pollfd p{fd, POLLIN, 0};
      const int ready = poll(&p, 1, RemainingMs(deadline));
      if (ready == 0) {
        if (Clock::now() < deadline) continue;  // poll rounds the time left down
        timed_out = true;
        return "timed out";
      }
      if (ready < 0) {
        if (errno == EINTR) continue;
        return Errno("poll");
      }
      char chunk[65536];
      const ssize_t n = recv(fd, chunk, sizeof chunk, 0);
      if (n == 0) return Ended();
      if (n < 0) {
        if (errno == EINTR || errno == EAGAIN) continue;
        if (errno == ECONNRESET) return Ended();
        return Errno("recv");
      }
      buffer.append(chunk, static_cast<std::size_t>(n));
    }
  }

  // One request and its answer: the answer, or why there is none (a process that ran out of
  // time is stopped).
  std::optional<std::string> Exchange(const std::string& request, std::chrono::milliseconds timeout,
                                      std::string& why) {
    const auto deadline = Clock::now() + timeout;
    why = Send(request, deadline);
    if (!why.empty()) return std::nullopt;
    std::string line;
    timed_out = false;
    why = Receive(line, deadline);
    if (timed_out) {
      why = "did not answer within " + std::to_string(timeout.count()) + " ms (stopped)";
      Kill();
    }
    if (!why.empty()) return std::nullopt;
    return line;
  }
};

struct CommandPlugin::Pool {
  std::mutex mutex;
  std::condition_variable freed;
  std::vector<std::unique_ptr<Process>> idle;
  std::size_t live = 0;
  std::size_t max = 1;
  std::atomic<std::size_t> started{0};
  std::atomic<std::uint64_t> next_batch{1};
};

namespace {

// The hello's answer: the plugin's rules, or why it cannot be used.
Result<std::vector<PluginRuleDescription>> ParseHello(const std::string& line) {
  boost::system::error_code ec;
  const json::value v = json::parse(line, ec);
  if (ec || !v.is_object()) {
    return Status::InvalidArgument("answered the hello with something that is not a JSON object");
  }
  const json::object& o = v.as_object();
  const json::value* protocol = o.if_contains("protocol");
  if (protocol == nullptr || !protocol->is_int64()) {
    return Status::InvalidArgument("answered the hello without a protocol version");
  }
  if (protocol->as_int64() != kProtocol) {
    return Status::InvalidArgument("speaks protocol " + std::to_string(protocol->as_int64()) +
                                   "; pardot-clean speaks protocol " + std::to_string(kProtocol));
  }
  const json::value* rules = o.if_contains("rules");
  if (rules == nullptr || !rules->is_array() || rules->as_array().empty()) {
    return Status::InvalidArgument("describes no rules (\"rules\" must be a non-empty list)");
  }
  std::vector<PluginRuleDescription> out;
  auto text = [](const json::object& from, std::string_view key) -> std::optional<std::string> {
    const json::value* found = from.if_contains(key);
    if (found == nullptr) return std::string();
    if (!found->is_string()) return std::nullopt;
    return std::string(found->as_string());
  };
  for (const json::value& r : rules->as_array()) {
    if (!r.is_object()) return Status::InvalidArgument("describes a rule that is not an object");
    const json::object& rule = r.as_object();
    PluginRuleDescription d;
    const auto name = text(rule, "name");
    if (!name || name->empty()) return Status::InvalidArgument("describes a rule without a name");
    d.name = *name;
    if (const json::value* version = rule.if_contains("version")) {
      if (!version->is_int64() || version->as_int64() < 1) {
        return Status::InvalidArgument("rule " + d.name + ": version must be a whole number >= 1");
      }
      d.version = static_cast<int>(version->as_int64());
    }
    d.summary = text(rule, "summary").value_or("");
    d.details = text(rule, "details").value_or("");
    if (const json::value* writes = rule.if_contains("writes")) {
      if (!writes->is_array()) {
        return Status::InvalidArgument("rule " + d.name + ": writes must be a list of field names");
      }
      for (const json::value& w : writes->as_array()) {
        if (!w.is_string() || w.as_string().empty()) {
          return Status::InvalidArgument("rule " + d.name +
                                         ": writes must be a list of field names");
        }
        d.writes.emplace_back(w.as_string());
      }
    }
    const json::value* options = rule.if_contains("options");
    if (options != nullptr && !options->is_array()) {
      return Status::InvalidArgument("rule " + d.name + ": options must be a list");
    }
    // Strings first, views after: the vector must not move once viewed.
    struct Raw {
      std::size_t key, def, doc, choices;
      OptionType type;
      bool required;
    };
    std::vector<Raw> raw;
    if (options != nullptr) {
      for (const json::value& opt : options->as_array()) {
        if (!opt.is_object()) {
          return Status::InvalidArgument("rule " + d.name + ": an option that is not an object");
        }
        const json::object& o2 = opt.as_object();
        const auto key = text(o2, "key");
        const auto type = text(o2, "type");
        if (!key || key->empty() || !type) {
          return Status::InvalidArgument("rule " + d.name + ": an option without key or type");
        }
        const auto* wire = std::find_if(std::begin(kWireTypes), std::end(kWireTypes),
                                        [&](const WireType& w) { return w.name == *type; });
        if (wire == std::end(kWireTypes)) {
          return Status::InvalidArgument("rule " + d.name + ": option " + *key +
                                         " has unknown type \"" + *type + "\"");
        }
        Raw item{};
        item.type = wire->type;
        const json::value* required = o2.if_contains("required");
        item.required = required != nullptr && required->is_bool() && required->as_bool();
        item.key = d.strings.size();
        d.strings.push_back(*key);
        item.def = d.strings.size();
        d.strings.push_back(text(o2, "default").value_or(""));
        item.doc = d.strings.size();
        d.strings.push_back(text(o2, "doc").value_or(""));
        item.choices = d.strings.size();
        d.strings.push_back(text(o2, "choices").value_or(""));
        raw.push_back(item);
      }
    }
    for (const Raw& item : raw) {
      d.options.push_back(OptionSpec{d.strings[item.key], item.type, d.strings[item.def],
                                     item.required, d.strings[item.doc], d.strings[item.choices]});
    }
    out.push_back(std::move(d));
  }
  return out;
}

// Starts one process and reads its hello.
Result<std::unique_ptr<CommandPlugin::Process>> Spawn(const CommandPluginSettings& settings,
                                                      std::vector<PluginRuleDescription>* rules) {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
    return Status::Internal(Errno("socketpair"));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, sv[1], 0);
  posix_spawn_file_actions_adddup2(&actions, sv[1], 1);
  if (!settings.directory.empty()) {
    posix_spawn_file_actions_addchdir_np(&actions, settings.directory.c_str());
  }
  std::vector<char*> argv;
  for (const std::string& a : settings.argv) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  auto process = std::make_unique<CommandPlugin::Process>();
  const int spawned = posix_spawnp(&process->pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(sv[1]);
  if (spawned != 0) {
    close(sv[0]);
    process->pid = -1;
    return Status::InvalidArgument("cannot start " + settings.argv[0] + ": " +
                                   std::strerror(spawned));
  }
  process->fd = sv[0];
  std::string why;
  const auto answer =
      process->Exchange("{\"type\":\"hello\",\"protocol\":" + std::to_string(kProtocol) + "}\n",
                        settings.timeout, why);
  if (!answer) return Status::InvalidArgument("did not answer the hello: " + why);
  auto described = ParseHello(*answer);
  if (!described.ok()) return described.status();
  if (rules != nullptr) *rules = std::move(*described);
  return process;
}

json::value OptionsJson(const PluginRuleDescription& rule, const Options& options) {
  json::object out;
  for (const OptionSpec& spec : rule.options) {
    if (!options.Has(spec.key) && spec.default_value.empty()) continue;
    const std::string key(spec.key);
    switch (spec.type) {
      case OptionType::kString:
      case OptionType::kChoice:
        out[key] = options.String(spec.key);
        break;
      case OptionType::kField:
        out[key] = FieldName(options.Field(spec.key));
        break;
      case OptionType::kStrings: {
        json::array a;
        for (const auto& s : options.Strings(spec.key)) a.emplace_back(s);
        out[key] = std::move(a);
        break;
      }
      case OptionType::kFields: {
        json::array a;
        for (const FieldId f : options.Fields(spec.key)) a.emplace_back(FieldName(f));
        out[key] = std::move(a);
        break;
      }
      case OptionType::kBool:
        out[key] = options.Bool(spec.key);
        break;
      case OptionType::kInt:
        out[key] = options.Int(spec.key);
        break;
      case OptionType::kValue: {
        const Value v = options.ValueOf(spec.key);
        out[key] = v.kind() == Value::Kind::kNull ? json::value(nullptr) : json::value(v.text());
        break;
      }
      case OptionType::kStringMap: {
        json::object m;
        for (const auto& [k, v] : options.Map(spec.key)) {
          m[k] = v ? json::value(*v) : json::value(nullptr);
        }
        out[key] = std::move(m);
        break;
      }
    }
  }
  return out;
}

// The fields a rule writes: its `writes` names with each "{key}" replaced by that option's value
// as the plugin receives it ("list_{list}" with list: 12 is list_12).
std::vector<FieldId> WrittenFields(const PluginRuleDescription& rule, const json::object& options) {
  std::vector<FieldId> fields;
  for (std::string name : rule.writes) {
    for (const auto& [key, value] : options) {
      const std::string placeholder = "{" + std::string(key) + "}";
      const std::string text =
          value.is_string() ? std::string(value.as_string()) : json::serialize(value);
      for (auto at = name.find(placeholder); at != std::string::npos;
           at = name.find(placeholder, at + text.size())) {
        name.replace(at, placeholder.size(), text);
      }
    }
    fields.push_back(InternField(name));
  }
  return fields;
}

}  // namespace

class CommandRule final : public BatchRule {
 public:
  CommandRule(std::shared_ptr<CommandPlugin> plugin, const PluginRuleDescription& rule,
              const Options& options)
      : plugin_(std::move(plugin)),
        name_(rule.name + "@" + std::to_string(rule.version)),
        rule_(rule.name) {
    const json::value given = OptionsJson(rule, options);
    options_ = json::serialize(given);
    writes_ = WrittenFields(rule, given.as_object());
  }

  std::vector<FieldId> extra_output_fields() const override { return writes_; }

  void ApplyBatch(std::span<Record* const> records) const override {
    if (records.empty()) return;
    CommandPlugin::Pool& pool = *plugin_->pool_;
    const std::uint64_t id = pool.next_batch++;
    std::string request = "{\"type\":\"batch\",\"id\":" + std::to_string(id) + ",\"rule\":";
    request += json::serialize(json::value(rule_));
    request += ",\"options\":" + options_ + ",\"records\":[";
    for (std::size_t i = 0; i < records.size(); ++i) {
      json::object fields;
      for (const Field& f : records[i]->fields()) {
        fields[FieldName(f.id)] = f.value.kind() == Value::Kind::kNull
                                      ? json::value(nullptr)
                                      : json::value(f.value.text());
      }
      json::object r{{"key", std::to_string(i)}, {"id", records[i]->id()}};
      r["fields"] = std::move(fields);
      if (i) request += ',';
      request += json::serialize(r);
    }
    request += "]}\n";

    std::unique_ptr<CommandPlugin::Process> process;
    std::string why;
    auto acquired = Acquire();
    if (!acquired.ok()) {
      FailAll(records, "could not start: " + acquired.status().message());
      return;
    }
    process = std::move(*acquired);
    const std::string pid = std::to_string(process->pid);
    const auto answer = process->Exchange(request, plugin_->settings_.timeout, why);
    if (!answer) {
      Release(std::move(process), false);
      FailAll(records, "process " + pid + " " + why + " while holding this record (a batch of " +
                           std::to_string(records.size()) + ")");
      return;
    }
    std::string problem;
    std::unordered_map<std::string, const json::object*> results;
    boost::system::error_code ec;
    const json::value v = json::parse(*answer, ec);
    if (ec) {
      problem = "answered malformed JSON (" + ec.message() + ")";
    } else if (!v.is_object() || !v.as_object().contains("records") ||
               !v.at("records").is_array()) {
      problem = "answered without a \"records\" list";
    } else if (const json::value* got = v.as_object().if_contains("id");
               got == nullptr || !got->is_int64() ||
               static_cast<std::uint64_t>(got->as_int64()) != id) {
      problem = "answered for another batch than " + std::to_string(id);
    } else {
      for (const json::value& r : v.at("records").as_array()) {
        const json::value* key = r.is_object() ? r.as_object().if_contains("key") : nullptr;
        if (key == nullptr || !key->is_string()) {
          problem = "answered a record without a \"key\"";
          break;
        }
        results[std::string(key->as_string())] = &r.as_object();
      }
    }
    if (!problem.empty()) {
      // The stream may be anywhere in a message: this process is not asked again.
      Release(std::move(process), false);
      FailAll(records, "process " + pid + " " + problem + " for the batch holding this record");
      return;
    }
    Release(std::move(process), true);
    for (std::size_t i = 0; i < records.size(); ++i) Merge(*records[i], results, i);
  }

 private:
  Result<std::unique_ptr<CommandPlugin::Process>> Acquire() const {
    CommandPlugin::Pool& pool = *plugin_->pool_;
    std::unique_lock lock(pool.mutex);
    pool.freed.wait(lock, [&] { return !pool.idle.empty() || pool.live < pool.max; });
    if (!pool.idle.empty()) {
      auto process = std::move(pool.idle.back());
      pool.idle.pop_back();
      return process;
    }
    ++pool.live;
    lock.unlock();
    auto started = Spawn(plugin_->settings_, nullptr);
    if (!started.ok()) {
      std::lock_guard relock(pool.mutex);
      --pool.live;
      pool.freed.notify_one();
      return started.status();
    }
    ++pool.started;
    return std::move(*started);
  }

  void Release(std::unique_ptr<CommandPlugin::Process> process, bool healthy) const {
    CommandPlugin::Pool& pool = *plugin_->pool_;
    if (!healthy) process->Kill();
    std::lock_guard lock(pool.mutex);
    if (healthy) {
      pool.idle.push_back(std::move(process));
    } else {
      --pool.live;
    }
    pool.freed.notify_one();
  }

  std::string Prefix() const {
    return "command plugin rule " + name_ + " (" + plugin_->settings_.argv[0] + "): ";
  }

  void FailAll(std::span<Record* const> records, const std::string& why) const {
    for (Record* r : records) r->Fail(Prefix() + why);
  }

  void Merge(Record& record, const std::unordered_map<std::string, const json::object*>& results,
             std::size_t i) const {
    const auto it = results.find(std::to_string(i));
    if (it == results.end()) {
      record.Fail(Prefix() + "the answer left this record out");
      return;
    }
    const json::object& r = *it->second;
    if (const json::value* error = r.if_contains("error")) {
      record.Fail(Prefix() +
                  (error->is_string() ? std::string(error->as_string()) : json::serialize(*error)));
      return;
    }
    const json::value* set = r.if_contains("set");
    if (set == nullptr) return;
    if (!set->is_object()) {
      record.Fail(Prefix() + "\"set\" is not an object");
      return;
    }
    for (const auto& [field, value] : set->as_object()) {
      if (!value.is_string() && !value.is_null()) {
        record.Fail(Prefix() + "\"set\"." + std::string(field) + " is not a string or null");
        return;
      }
    }
    for (const auto& [field, value] : set->as_object()) {
      record.Set(InternField(field),
                 value.is_null() ? Value::Null() : Value::Text(std::string(value.as_string())),
                 index());
    }
  }

  std::shared_ptr<CommandPlugin> plugin_;
  std::string name_;
  std::string rule_;
  std::string options_;  // JSON
  std::vector<FieldId> writes_;
};

CommandPlugin::CommandPlugin(CommandPluginSettings settings)
    : settings_(std::move(settings)), pool_(std::make_unique<Pool>()) {
  pool_->max = settings_.max_processes != 0
                   ? settings_.max_processes
                   : std::max<std::size_t>(1, std::thread::hardware_concurrency());
}

CommandPlugin::~CommandPlugin() = default;

Result<std::shared_ptr<CommandPlugin>> CommandPlugin::Start(CommandPluginSettings settings) {
  if (settings.argv.empty() || settings.argv[0].empty()) {
    return Status::InvalidArgument("a command plugin needs a command");
  }
  std::shared_ptr<CommandPlugin> plugin(new CommandPlugin(std::move(settings)));
  auto first = Spawn(plugin->settings_, &plugin->rules_);
  if (!first.ok()) return first.status();
  plugin->pool_->idle.push_back(std::move(*first));
  plugin->pool_->live = 1;
  plugin->pool_->started = 1;
  // The specs view the descriptions, which no longer move; `make` reaches the plugin through the
  // config that holds both (a rule, once made, holds the plugin itself).
  CommandPlugin* self = plugin.get();
  for (std::size_t i = 0; i < plugin->rules_.size(); ++i) {
    const PluginRuleDescription& d = plugin->rules_[i];
    RuleSpec spec;
    spec.name = d.name;
    spec.version = d.version;
    spec.summary = d.summary;
    spec.details = d.details;
    spec.options = d.options;
    spec.make = [self, i](const Options& options) -> std::unique_ptr<Rule> {
      return self->MakeRule(self->rules_[i], options);
    };
    plugin->specs_.push_back(std::move(spec));
  }
  return plugin;
}

std::unique_ptr<BatchRule> CommandPlugin::MakeRule(const PluginRuleDescription& rule,
                                                   const Options& options) {
  return std::make_unique<CommandRule>(shared_from_this(), rule, options);
}

std::size_t CommandPlugin::processes_started() const { return pool_->started; }

}  // namespace pdc
