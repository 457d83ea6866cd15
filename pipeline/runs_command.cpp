// `runs`: the runs recorded in the journal, newest last.
#include <cstdio>
#include <iostream>

#include "pipeline/commands.h"
#include "pipeline/journal.h"
#include "pipeline/json_text.h"

namespace pdc {

int RunsCommand(const std::string& journal_path, const CommonOptions& common) {
  auto journal = Journal::Open(journal_path);
  if (!journal.ok()) {
    std::cerr << "pardot-clean runs: " << journal.status().message() << '\n';
    return kExitUsage;
  }
  auto runs = (*journal)->Runs();
  if (!runs.ok()) {
    std::cerr << "pardot-clean runs: " << runs.status().message() << '\n';
    return kExitFault;
  }
  if (common.json) {
    std::string out = "[";
    for (std::size_t i = 0; i < runs->size(); ++i) {
      const RunRow& r = (*runs)[i];
      out += i ? ",{" : "{";
      auto field = [&](const char* key, const std::string& value, bool last = false) {
        out += "\"" + std::string(key) + "\":";
        AppendJsonString(out, value);
        if (!last) out += ',';
      };
      field("run_id", r.run_id);
      field("kind", r.kind);
      field("undo_of", r.undo_of);
      field("mode", r.mode);
      field("state", r.state);
      field("source", r.source);
      field("config", r.config_path);
      field("started_at", r.started_at);
      field("finished_at", r.finished_at);
      out += "\"exit_code\":" + std::to_string(r.exit_code) + ",\"summary\":";
      out += r.summary_json.empty() ? "{}" : r.summary_json;
      out += '}';
    }
    std::cout << out << "]\n";
    return kExitOk;
  }
  if (runs->empty()) {
    std::cout << "no runs in " << journal_path << '\n';
    return kExitOk;
  }
  std::printf("%-22s %-6s %-8s %-14s %-21s %s\n", "RUN", "KIND", "MODE", "STATE", "STARTED",
              "SOURCE");
  for (const RunRow& r : *runs) {
    std::printf("%-22s %-6s %-8s %-14s %-21s %s%s\n", r.run_id.c_str(), r.kind.c_str(),
                r.mode.c_str(), r.state.c_str(), r.started_at.c_str(), r.source.c_str(),
                r.undo_of.empty() ? "" : (" (undoes " + r.undo_of + ")").c_str());
  }
  return kExitOk;
}

}  // namespace pdc
