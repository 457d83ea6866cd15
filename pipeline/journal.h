// Journal: the SQLite file that makes every run resumable and undoable (DESIGN.md §1, §8).
// It records runs, every planned write with the before-image of each field and the value to
// write, the state of each write (planned → sent → confirmed | failed | unknown), the pull
// checkpoint, the high-water marks of exports, and the requests spent per business unit and
// day. A write is sent only after its operation is committed here. Secrets are never stored.
// Thread-safe: one connection behind a mutex (writes are batched, so contention is low).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/pardot/operation.h"
#include "rules/status.h"

struct sqlite3;

namespace pdc {

struct RunRow {
  std::string run_id;
  std::string kind = "run";  // run | undo | export
  std::string undo_of;       // for undo runs: the run being undone
  std::string mode;          // dry_run | apply
  std::string config_path, config_hash, source, business_unit_id;
  int api_version = 0;
  std::string state = "running";  // running | stopped_limit | failed | interrupted | done
  std::string started_at, finished_at;
  int exit_code = -1;
  std::string summary_json;  // the run's totals (no secrets)
};

class Journal {
 public:
  static Result<std::unique_ptr<Journal>> Open(const std::string& path);
  ~Journal();
  Journal(const Journal&) = delete;
  Journal& operator=(const Journal&) = delete;

  Status BeginRun(const RunRow& run);
  Status FinishRun(const std::string& run_id, const std::string& state, int exit_code,
                   const std::string& summary_json);
  Result<std::vector<RunRow>> Runs();
  Result<std::optional<RunRow>> FindRun(const std::string& run_id);

  // Stores operations (state planned) in one transaction; op_ids must be new for the run.
  Status Plan(const std::string& run_id, const std::vector<Operation>& operations);
  Status SetState(const std::string& run_id, const std::vector<std::int64_t>& op_ids, OpState state,
                  const std::string& error = {});
  // Operations of a run, in op_id order; all of them, or those in `state`.
  Result<std::vector<Operation>> Operations(const std::string& run_id,
                                            std::optional<OpState> state = std::nullopt);

  Status SaveCheckpoint(const std::string& run_id, const std::string& cursor_json,
                        std::int64_t records_pulled);
  Result<std::optional<std::string>> Checkpoint(const std::string& run_id);

  // Export high-water marks (pipeline/export_command.cpp): per business unit, export target
  // (its absolute path) and object, the JSON of where the next export starts.
  Status SaveMark(const std::string& business_unit_id, const std::string& target,
                  const std::string& object, const std::string& mark_json);
  Result<std::optional<std::string>> Mark(const std::string& business_unit_id,
                                          const std::string& target, const std::string& object);

  // Requests spent on a business unit on a day ("YYYY-MM-DD" in the unit's zone, or UTC).
  Status AddUsage(const std::string& business_unit_id, const std::string& day, std::int64_t n);
  Result<std::int64_t> Usage(const std::string& business_unit_id, const std::string& day);

 private:
  explicit Journal(sqlite3* db) : db_(db) {}
  Status Exec(const std::string& sql);
  std::mutex mutex_;
  sqlite3* db_;
};

}  // namespace pdc
