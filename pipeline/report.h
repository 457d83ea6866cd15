// Reports: what a run changed and found, for people to read before they approve a change.
// A report is fed in source order while the run goes (so memory does not grow with the number of
// changes) and completed by Finish with the run's totals. Formats: JSON (the whole story; layout
// in README "Report format"), CSV (one row per field change) and HTML (a self-contained page for
// people). Used by one thread at a time.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "pipeline/record_io.h"
#include "rules/chain.h"
#include "rules/data_files.h"
#include "rules/record.h"
#include "rules/status.h"

namespace pdc {

struct RunInfo {
  std::string run_id;
  std::string mode;  // "dry_run" or "apply"
  std::string config_path;
  std::string config_hash;
  std::string source;  // e.g. "file:prospects.csv"
  std::string started_at;
  std::vector<RuleInfo> rules;
  std::vector<DataFileInfo> data;  // the data files the rules loaded, with their versions
};

// Dedupe runs: one cluster of duplicates as the report shows it.
struct ClusterReport {
  std::string id;                    // stable: the earliest-created member's prospect id
  std::vector<std::string> members;  // labels, earliest created first
  // "merge", "flag_only" (shared-email cluster under that policy), "review" (over the size
  // guard, or a member without a prospect id).
  std::string action;
  std::string review_reason;  // for "review"
  std::string survivor;       // "" for review
  std::string decided_by;     // the master rule that chose the survivor
  struct Pair {
    std::string a, b;
    std::string group;                // the match group's label, or "crm_record"
    std::vector<std::string> passes;  // the blocking passes that paired them
  };
  std::vector<Pair> pairs;  // the matches that joined the cluster
  struct Surviving {
    std::string field;
    Value value;
    std::string from;  // the member it came from
    std::string rule;  // the field rule
    bool changed;      // the survivor's value changes
  };
  std::vector<Surviving> values;  // fields on which the members differ
  std::vector<std::string> losers;
  std::string loser_action;  // "flag", "delete", or "" for review
};

struct DedupeTotals {
  std::string shared_email;  // the policy
  std::size_t records = 0;
  std::size_t candidate_pairs = 0;
  std::size_t matched_pairs = 0;
  std::size_t vetoed_pairs = 0;
  std::size_t clusters = 0;  // merged or flagged
  std::size_t review = 0;
  std::size_t records_in_clusters = 0;
  std::size_t losers_flagged = 0;
  std::size_t losers_deleted = 0;
  std::size_t survivors_updated = 0;
  std::size_t largest_block = 0;    // compared, over every pass
  std::size_t largest_cluster = 0;  // review ones included
  struct Pass {
    std::string name;
    std::size_t pairs = 0, only_pairs = 0, largest_block = 0, skipped_blocks = 0;
  };
  std::vector<Pass> passes;
  struct Skipped {
    std::string pass, key, secondary, reason;
    std::size_t size = 0;
  };
  std::vector<Skipped> skipped_blocks;
  double seconds = 0;
};

struct RunSummary {
  std::uint64_t records_in = 0;
  std::uint64_t records_changed = 0;
  std::uint64_t field_changes = 0;
  std::uint64_t rejected = 0;
  std::uint64_t flagged = 0;  // flags raised (a record can carry several)
  std::uint64_t failed = 0;   // records a rule failed on (passed on unchanged)
  std::uint64_t repaired_utf8 = 0;
  std::vector<std::uint64_t> rule_changes;  // by RuleIndex: field changes each rule took part in
  std::string finished_at;
  double seconds = 0;

  // Pardot runs only.
  struct Api {
    long long requests = 0;  // every attempt, retries and token refreshes included
    long long retries = 0;
    int max_in_flight = 0;
    std::map<std::string, long long> by_endpoint;
    std::map<int, long long> errors;  // by Pardot code (0: transport or HTTP failures)
    long long budget_remaining = -1;
  } api;
  struct Writes {
    long long planned = 0;
    long long confirmed = 0;
    long long failed = 0;   // Pardot refused the record's write (listed under "rejected")
    long long unknown = 0;  // no answer: verified by `resume`
    // Of the confirmed: deletes that moved a prospect to the recycle bin, deletes of prospects
    // Pardot no longer had active, and undeletes (undo of a delete).
    long long deleted = 0;
    long long already_gone = 0;
    long long restored = 0;
    long long read_only_skipped = 0;  // changes to fields Pardot does not let clients write
    long long not_in_pardot_skipped = 0;  // changes to fields Pardot did not return (derived)
    long long invalid_skipped = 0;  // values Pardot cannot take (listed under "rejected")
  } writes;
  // Each write counter with its JSON key and its label for people, in report order.
  struct WriteCount {
    const char* key;
    const char* label;
    long long Writes::*count;
  };
  static std::span<const WriteCount> WriteCounts();
  std::string stopped;  // why the run stopped early ("" when it ran to the end)
  std::optional<DedupeTotals> dedupe;  // runs with `dedupe:`
};

class ReportWriter {
 public:
  virtual ~ReportWriter() = default;
  // Every record as it leaves the run, changed or not, before its changes are reported (the
  // HTML report counts filled fields before and after from it).
  virtual void Seen(const Record& record) { (void)record; }
  // One field of `record` whose value changed; `rules` are the rules that touched it, in order.
  virtual void Change(const Record& record, FieldId field, std::span<const RuleIndex> rules) = 0;
  virtual void Flagged(const Record& record, const Flag& flag) = 0;
  virtual void Rejected(const RejectedRow& row) = 0;
  virtual void Failed(const Record& record) = 0;
  // Pardot refused to write this prospect (the update's per-record error).
  virtual void RejectedByPardot(const std::string& prospect_id, const std::string& reason) = 0;
  // Dedupe runs: each cluster, then the totals; both before the first Change.
  virtual void Cluster(const ClusterReport& cluster) { (void)cluster; }
  virtual void Dedupe(const DedupeTotals& totals) { (void)totals; }
  // Writes the report; it appears complete at its path or not at all.
  virtual Status Finish(const RunSummary& summary) = 0;
};

// Picks the format by extension: .json, .csv or .html.
Result<std::unique_ptr<ReportWriter>> OpenReport(const std::string& path, const RunInfo& info);

Result<std::unique_ptr<ReportWriter>> OpenJsonReport(const std::string& path, const RunInfo& info);
Result<std::unique_ptr<ReportWriter>> OpenCsvReport(const std::string& path, const RunInfo& info);
Result<std::unique_ptr<ReportWriter>> OpenHtmlReport(const std::string& path, const RunInfo& info);

// A CSV cell made safe for spreadsheets: a leading = + - @ (or tab, CR) gets a leading quote.
std::string NeutraliseCell(std::string_view cell);

}  // namespace pdc
