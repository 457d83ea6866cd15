// ExportTarget: where `pardot-clean export` writes what it fetches. By the extension of the path
// given with --to:
//   .sqlite (also .sqlite3, .db)  one database that holds the state: the tables `prospects`,
//                                  `visitor_activities` and `export_runs` (README "Export"),
//                                  typed columns, indexes on ids, prospect_id and created_at;
//                                  every page is one transaction of upserts by id, so fetching a
//                                  record again (a resumed or repeated export) changes nothing
//                                  but its values.
//   .csv / .jsonl                  one file per object beside the path given ("x.csv" gives
//                                  "x.prospects.csv" and "x.visitor_activities.csv"); each page
//                                  is appended and flushed, the CSV header written when the file
//                                  is new. The files are a log: a record fetched again (updated
//                                  since, or at a resume's boundary) appears again, the later row
//                                  being current.
// Records carry the pipeline's snake_case field names (prospects as everywhere else; visitor
// activities as v3/v4 name them: prospect_id, type, type_name, created_at, ...).
// Not thread-safe: one export writes from one thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "rules/record.h"
#include "rules/status.h"

namespace pdc {

enum class ExportObject { kProspects, kVisitorActivities };
// "prospects", "visitor_activities": table, file and journal names.
std::string_view ExportObjectName(ExportObject object);

// One export as the `export_runs` table keeps it.
struct ExportRunRow {
  std::string run_id;
  std::string started_at, finished_at;  // ISO 8601 UTC; finished_at empty while running
  std::string business_unit_id;
  int api_version = 0;
  std::string state;  // running | done | stopped_limit | failed
  long long prospects = 0;            // records written by this export
  long long visitor_activities = 0;
  long long requests = 0;             // API requests it spent
};

class ExportTarget {
 public:
  // Opens (creating when missing) the target for `path`; an unknown extension is an error that
  // names the ones accepted.
  static Result<std::unique_ptr<ExportTarget>> Open(const std::string& path);
  virtual ~ExportTarget() = default;

  // Writes one page of records durably before it returns (see the top of this file).
  virtual Status Write(ExportObject object, const std::vector<Record>& records) = 0;
  // Inserts or updates the export's row (SQLite; the file targets keep no run table).
  virtual Status RecordRun(const ExportRunRow& run) = 0;
  // The files written, for messages ("x.sqlite", or the per-object files).
  virtual std::vector<std::string> Files() const = 0;
};

}  // namespace pdc
