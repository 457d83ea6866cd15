// Command plugins: rules written in any language, as a long-lived process that speaks JSON Lines
// on its standard input and output (one JSON object a line, UTF-8).
//
// Handshake, once per process:
//   host:   {"type":"hello","protocol":1}
//   plugin: {"type":"hello","protocol":1,"rules":[{"name":"segment","version":1,
//            "summary":"...","details":"...","options":[{"key":"lists","type":"string_map",
//            "required":true,"default":"","doc":"...","choices":""}]}]}
// A plugin that answers another protocol version is refused before any record reaches it.
// Option types are those of rule option tables: string, strings, field, fields, bool, int,
// choice, value, string_map; the config checks a plugin rule's options like a built-in's. A rule
// may add "writes":["list_{list}"]: fields it writes that no option names, where "{key}" stands
// for that option's value, so that a file run gives them columns.
//
// Then one request per batch of records (a plugin may get several batches at once in several
// processes; each process gets one at a time):
//   host:   {"type":"batch","id":7,"rule":"segment","options":{...},
//            "records":[{"key":"0","id":"1001","fields":{"email":"a@b.com","score":null}}]}
//   plugin: {"type":"result","id":7,"records":[{"key":"0","set":{"lists":"12;14"}},
//            {"key":"1","error":"no country"}]}
// `set` gives fields to write (a string, or null to clear); `error` fails that record alone. A
// record the answer leaves out is failed. A process that exits, that does not answer within the
// timeout (it is killed), or that answers something that is not such a result fails every record
// of the batch it held, with a message that says which and why; the next batch starts a new
// process. Messages never include the records' values.
#pragma once

#include <chrono>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "rules/batch_rule.h"
#include "rules/options.h"
#include "rules/status.h"

namespace pdc {

// A rule as a plugin describes it in its hello, with storage for the option table.
struct PluginRuleDescription {
  std::string name;
  int version = 1;
  std::string summary;
  std::string details;
  std::vector<std::string> strings;  // what `options`' string_views point into
  std::vector<OptionSpec> options;
  // Fields the rule writes that no option names, "{key}" standing for an option's value: new
  // output columns of a file run ("list_{list}").
  std::vector<std::string> writes;
};

struct CommandPluginSettings {
  std::vector<std::string> argv;  // the command and its arguments; argv[0] is looked up on PATH
  std::string where;              // "file:line:col" of the config entry, for messages
  std::string directory;          // the processes' working directory ("": this process's)
  std::chrono::milliseconds timeout{10000};  // for the hello and for each batch
  std::size_t max_processes = 0;             // 0: one per hardware thread
};

class CommandPlugin : public std::enable_shared_from_this<CommandPlugin> {
 public:
  // Starts a first process and reads its hello. Fails (with the reason) when the command cannot
  // start, does not answer the hello in time, answers another protocol or describes its rules
  // wrongly.
  static Result<std::shared_ptr<CommandPlugin>> Start(CommandPluginSettings settings);
  ~CommandPlugin();
  CommandPlugin(const CommandPlugin&) = delete;
  CommandPlugin& operator=(const CommandPlugin&) = delete;

  const std::vector<PluginRuleDescription>& rules() const { return rules_; }
  // One RuleSpec per rule, for a registry (valid while the plugin lives); each makes the rule
  // through MakeRule.
  const std::vector<RuleSpec>& specs() const { return specs_; }
  const CommandPluginSettings& settings() const { return settings_; }

  // A Rule for the plugin's rule `rule` with checked `options` (the config loader's). The rule
  // keeps the plugin alive.
  std::unique_ptr<BatchRule> MakeRule(const PluginRuleDescription& rule, const Options& options);

  // Processes started so far (the first one included), for tests and reports.
  std::size_t processes_started() const;

  struct Process;
  struct Pool;

 private:
  explicit CommandPlugin(CommandPluginSettings settings);
  friend class CommandRule;
  CommandPluginSettings settings_;
  std::vector<PluginRuleDescription> rules_;
  std::vector<RuleSpec> specs_;
  std::unique_ptr<Pool> pool_;
};

}  // namespace pdc
