// The commands of the pardot-clean command line (DESIGN.md §5). Each returns the process exit
// code; main.cpp only parses arguments and dispatches.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pipeline/journal.h"
#include "rules/status.h"

namespace pdc {

enum ExitCode : int {
  kExitOk = 0,
  kExitTestFailure = 1,
  kExitUsage = 2,       // config or usage error
  kExitDailyLimit = 3,  // stopped at the daily limit or budget; resumable
  kExitAuth = 4,
  kExitFault = 5,  // any other fault
};

struct CommonOptions {
  bool json = false;     // a machine-readable summary on stdout
  bool quiet = false;    // no progress, no human summary
  bool verbose = false;  // stage timings on stderr at the end
};

int ValidateCommand(const std::string& config, const CommonOptions& common);
int TestCommand(const std::string& config, const CommonOptions& common);
// Lists the built-in rules, with those of `config`'s plugins when a config is given (it must be
// valid), or describes the rule `name`.
int RulesCommand(const std::optional<std::string>& name, const std::optional<std::string>& config,
                 const CommonOptions& common);
// The reference of every built-in rule as Markdown (the README's "Rules" section is this output).
std::string RulesMarkdown();
// Prints the JSON Schema of the config (pipeline/config_schema.h), with the rules of the plugins
// `config` loads when given.
int SchemaCommand(const std::optional<std::string>& config);

struct RunOptions {
  std::string config;
  bool apply = false;
  std::string input;                 // overrides the config's source
  std::string output;                // overrides the config's sink
  std::vector<std::string> reports;  // .json / .csv
  int threads = 0;                   // 0: one per core
  std::size_t batch_size = 1024;
  std::string journal = "pardot-clean.db";  // Pardot runs
};
int RunCommand(const RunOptions& options, const CommonOptions& common);

// Continues a Pardot run stopped by the daily limit, a fault or a kill: settles writes whose
// outcome is unknown, sends the planned ones, then pulls on from the checkpoint.
int ResumeCommand(const std::string& run_id, const RunOptions& options,
                  const CommonOptions& common);

// `export CONFIG --to FILE`: prospects and visitor activities into a SQLite file or CSV/JSONL
// files, incrementally (pipeline/export_command.cpp). `resumed` continues a stopped export.
struct ExportOptions {
  std::string config;
  std::string to;                     // FILE.sqlite, FILE.csv or FILE.jsonl
  bool clean = false;                 // prospects through the config's rules first
  std::vector<std::string> objects;   // prospects, visitor_activities; empty: both
  std::vector<std::string> finished;  // a resumed export: objects it had already completed
  std::string journal = "pardot-clean.db";
};
int ExportCommand(const ExportOptions& options, const CommonOptions& common,
                  const std::optional<RunRow>& resumed = std::nullopt);
// The options a journaled export was started with (its checkpoint), for `resume`.
Result<ExportOptions> ExportOptionsOf(const RunRow& row, const std::string& checkpoint);

// Writes back the before-images of an applied run where fields still hold what it wrote.
int UndoCommand(const std::string& run_id, bool apply, const RunOptions& options,
                const CommonOptions& common);

// Estimates the requests and time a Pardot run of CONFIG needs, against today's budget.
int PlanCommand(const std::string& config_path, const RunOptions& options,
                const CommonOptions& common);

// Why two prospects match or not: both read from the config's source (or --input), cleaned, and
// put through the dedupe engine's keys, blocking passes and decision.
struct ExplainOptions {
  std::string config;
  std::string id_a, id_b;
  std::string input;                        // overrides the config's source
  std::string journal = "pardot-clean.db";  // Pardot sources: where the two reads are counted
};
int ExplainCommand(const ExplainOptions& options, const CommonOptions& common);

// Lists the runs recorded in a journal.
int RunsCommand(const std::string& journal_path, const CommonOptions& common);

}  // namespace pdc
