// The JSON report: the run's summary first (with the dedupe totals of a dedupe run), then
// clusters, rejected rows, failures, flags and changes.
// Sections are spooled while the run goes and assembled by Finish.
#include <cstdio>

#include "pipeline/json_text.h"
#include "pipeline/report.h"
#include "pipeline/spool.h"

namespace pdc {

std::span<const RunSummary::WriteCount> RunSummary::WriteCounts() {
  using W = RunSummary::Writes;
  static constexpr WriteCount kCounts[] = {
      {"planned", "planned", &W::planned},
      {"confirmed", "confirmed", &W::confirmed},
      {"failed", "failed", &W::failed},
      {"unknown", "unknown (verify with resume)", &W::unknown},
      {"deleted", "deleted", &W::deleted},
      {"already_gone", "already gone", &W::already_gone},
      {"restored", "restored", &W::restored},
      {"read_only_skipped", "read-only fields skipped", &W::read_only_skipped},
      {"not_in_pardot_skipped", "fields not in Pardot skipped", &W::not_in_pardot_skipped},
      {"invalid_skipped", "values Pardot cannot take, skipped", &W::invalid_skipped}};
  return kCounts;
}
namespace {

void Key(std::string& out, std::string_view key) {
  AppendJsonString(out, key);
  out += ':';
}

class JsonReport final : public ReportWriter {
 public:
  JsonReport(std::unique_ptr<AtomicFile> file, RunInfo info)
      : file_(std::move(file)), info_(std::move(info)) {}

  void Change(const Record& record, FieldId field, std::span<const RuleIndex> rules) override {
    std::string& out = Open(changes_);
    out += "{\"id\":";
    AppendJsonString(out, record.label());
    out += ",\"field\":";
    AppendJsonString(out, FieldName(field));
    out += ",\"before\":";
    AppendJsonValue(out, record.Original(field));
    out += ",\"after\":";
    AppendJsonValue(out, record.Get(field));
    out += ",\"rule\":";
    AppendJsonString(out, rules.empty() ? std::string_view("?") : Label(rules.back()));
    if (rules.size() > 1) {
      out += ",\"rules\":[";
      for (std::size_t i = 0; i < rules.size(); ++i) {
        if (i) out += ',';
        AppendJsonString(out, Label(rules[i]));
      }
      out += ']';
    }
    out += '}';
    changes_.MaybeFlush();
  }

  void Flagged(const Record& record, const Flag& flag) override {
    std::string& out = Open(flags_);
    out += "{\"id\":";
    AppendJsonString(out, record.label());
    out += ",\"field\":";
    AppendJsonString(out, FieldName(flag.field));
    out += ",\"rule\":";
    AppendJsonString(out, flag.rule == kNoRule ? std::string_view("input") : Label(flag.rule));
    out += ",\"code\":";
    AppendJsonString(out, flag.code);
    out += ",\"message\":";
    AppendJsonString(out, flag.message);
    out += ",\"value\":";
    AppendJsonValue(out, record.Get(flag.field));
    out += '}';
    flags_.MaybeFlush();
  }

  void Rejected(const RejectedRow& row) override {
    std::string& out = Open(rejected_);
    out += "{\"id\":";
    AppendJsonString(out, "line " + std::to_string(row.line));
    out += ",\"line\":" + std::to_string(row.line) + ",\"reason\":";
    AppendJsonString(out, row.reason);
    out += ",\"excerpt\":";
    AppendJsonString(out, row.excerpt);
    out += '}';
    rejected_.MaybeFlush();
  }

  void RejectedByPardot(const std::string& prospect_id, const std::string& reason) override {
    std::string& out = Open(rejected_);
    out += "{\"id\":";
    AppendJsonString(out, prospect_id);
    out += ",\"reason\":";
    AppendJsonString(out, reason);
    out += ",\"by\":\"pardot\"}";
    rejected_.MaybeFlush();
  }

  void Failed(const Record& record) override {
    std::string& out = Open(failed_);
    out += "{\"id\":";
    AppendJsonString(out, record.label());
    out += ",\"reason\":";
    AppendJsonString(out, record.log()->failure);
    out += '}';
    failed_.MaybeFlush();
  }

  void Cluster(const ClusterReport& c) override {
    std::string& out = Open(clusters_);
    auto strings = [&out](const std::vector<std::string>& items) {
      out += '[';
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += ',';
        AppendJsonString(out, items[i]);
      }
      out += ']';
    };
    out += "{\"id\":";
    AppendJsonString(out, c.id);
    out += ",\"action\":";
    AppendJsonString(out, c.action);
    if (!c.review_reason.empty()) {
      out += ",\"review_reason\":";
      AppendJsonString(out, c.review_reason);
    }
    out += ",\"members\":";
    strings(c.members);
    out += ",\"survivor\":";
    if (c.survivor.empty()) {
      out += "null";
    } else {
      AppendJsonString(out, c.survivor);
      out += ",\"decided_by\":";
      AppendJsonString(out, c.decided_by);
      out += ",\"losers\":";
      strings(c.losers);
      out += ",\"loser_action\":";
      AppendJsonString(out, c.loser_action);
    }
    out += ",\"reason\":[";
    for (std::size_t i = 0; i < c.pairs.size(); ++i) {
      if (i) out += ',';
      out += "{\"pair\":[";
      AppendJsonString(out, c.pairs[i].a);
      out += ',';
      AppendJsonString(out, c.pairs[i].b);
      out += "],\"group\":";
      AppendJsonString(out, c.pairs[i].group);
      out += ",\"passes\":";
      strings(c.pairs[i].passes);
      out += '}';
    }
    out += "],\"values\":[";
    for (std::size_t i = 0; i < c.values.size(); ++i) {
      const auto& v = c.values[i];
      if (i) out += ',';
      out += "{\"field\":";
      AppendJsonString(out, v.field);
      out += ",\"value\":";
      AppendJsonValue(out, v.value);
      out += ",\"from\":";
      AppendJsonString(out, v.from);
      out += ",\"rule\":";
      AppendJsonString(out, v.rule);
      out += v.changed ? ",\"changed\":true}" : ",\"changed\":false}";
    }
    out += "]}";
    clusters_.MaybeFlush();
  }

  void Dedupe(const DedupeTotals& d) override {
    std::string& out = dedupe_;
    auto count = [&out](std::string_view key, std::size_t n, bool comma = true) {
      AppendJsonString(out, key);
      out += ':' + std::to_string(n);
      if (comma) out += ',';
    };
    out = "{\"shared_email\":";
    AppendJsonString(out, d.shared_email);
    out += ',';
    count("records", d.records);
    count("candidate_pairs", d.candidate_pairs);
    count("matched_pairs", d.matched_pairs);
    count("vetoed_pairs", d.vetoed_pairs);
    count("clusters", d.clusters);
    count("review", d.review);
    count("records_in_clusters", d.records_in_clusters);
    count("survivors_updated", d.survivors_updated);
    count("losers_flagged", d.losers_flagged);
    count("losers_deleted", d.losers_deleted);
    count("largest_block", d.largest_block);
    count("largest_cluster", d.largest_cluster);
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.3f", d.seconds);
    out += "\"duration_s\":";
    out += seconds;
    out += ",\"passes\":[";
    for (std::size_t i = 0; i < d.passes.size(); ++i) {
      out += i ? ",{\"name\":" : "{\"name\":";
      AppendJsonString(out, d.passes[i].name);
      out += ',';
      count("pairs", d.passes[i].pairs);
      count("only_here", d.passes[i].only_pairs);
      count("largest_block", d.passes[i].largest_block);
      count("skipped_blocks", d.passes[i].skipped_blocks, false);
      out += '}';
    }
    out += "],\"skipped_blocks\":[";
    for (std::size_t i = 0; i < d.skipped_blocks.size(); ++i) {
      const auto& b = d.skipped_blocks[i];
      out += i ? ",{\"pass\":" : "{\"pass\":";
      AppendJsonString(out, b.pass);
      out += ",\"key\":";
      AppendJsonString(out, b.key);
      if (!b.secondary.empty()) {
        out += ",\"secondary\":";
        AppendJsonString(out, b.secondary);
      }
      out += ",\"reason\":";
      AppendJsonString(out, b.reason);
      out += ",\"size\":" + std::to_string(b.size) + '}';
    }
    out += "]}";
  }

  Status Finish(const RunSummary& s) override {
    std::string head = "{\n";
    auto field = [&](std::string_view key, const std::string& json) {
      Key(head, key);
      head += json;
      head += ",\n";
    };
    auto text = [](std::string_view v) {
      std::string out;
      AppendJsonString(out, v);
      return out;
    };
    field("run_id", text(info_.run_id));
    field("mode", text(info_.mode));
    field("config",
          "{\"path\":" + text(info_.config_path) + ",\"hash\":" + text(info_.config_hash) + "}");
    field("source", text(info_.source));
    field("started_at", text(info_.started_at));
    field("finished_at", text(s.finished_at));
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.3f", s.seconds);
    field("duration_s", seconds);
    field("records_in", std::to_string(s.records_in));
    field("records_changed", std::to_string(s.records_changed));
    field("field_changes", std::to_string(s.field_changes));
    field("records_rejected", std::to_string(s.rejected));
    field("records_failed", std::to_string(s.failed));
    field("flags_raised", std::to_string(s.flagged));
    field("invalid_utf8_repaired", std::to_string(s.repaired_utf8));
    std::string rules = "[";
    for (std::size_t i = 0; i < info_.rules.size(); ++i) {
      if (i) rules += ",";
      rules += "\n  {\"rule\":" + text(info_.rules[i].label) +
               ",\"at\":" + text(info_.rules[i].where.str()) +
               ",\"changed\":" + std::to_string(i < s.rule_changes.size() ? s.rule_changes[i] : 0);
      if (const Rule* rule = info_.rules[i].rule) {
        const Rule::Counters counters = rule->counters();
        for (std::size_t c = 0; c < counters.size(); ++c) {
          rules += c ? "," : ",\"counters\":{";
          AppendJsonString(rules, counters[c].first);
          rules += ":" + std::to_string(counters[c].second);
        }
        if (!counters.empty()) rules += "}";
      }
      rules += "}";
    }
    field("rules", rules + "]");
    std::string data = "[";
    for (std::size_t i = 0; i < info_.data.size(); ++i) {
      if (i) data += ",";
      data += "\n  {\"file\":" + text(info_.data[i].name) +
              ",\"version\":" + text(info_.data[i].version) +
              ",\"entries\":" + std::to_string(info_.data[i].entries) + "}";
    }
    field("data", data + "]");
    if (!dedupe_.empty()) field("dedupe", dedupe_);
    std::string api = "{\"requests\":" + std::to_string(s.api.requests) +
                      ",\"retries\":" + std::to_string(s.api.retries) +
                      ",\"max_in_flight\":" + std::to_string(s.api.max_in_flight);
    if (s.api.budget_remaining >= 0) {
      api += ",\"budget_remaining\":" + std::to_string(s.api.budget_remaining);
    }
    api += ",\"by_endpoint\":{";
    bool first = true;
    for (const auto& [endpoint, count] : s.api.by_endpoint) {
      if (!first) api += ",";
      first = false;
      AppendJsonString(api, endpoint);
      api += ":" + std::to_string(count);
    }
    api += "},\"errors\":{";
    first = true;
    for (const auto& [code, count] : s.api.errors) {
      if (!first) api += ",";
      first = false;
      api += "\"" + std::to_string(code) + "\":" + std::to_string(count);
    }
    field("api", api + "}}");
    std::string totals;
    for (const auto& w : RunSummary::WriteCounts()) {
      totals += (totals.empty() ? "{\"" : ",\"") + std::string(w.key) +
                "\":" + std::to_string(s.writes.*w.count);
    }
    field("writes", totals + "}");
    field("stopped", text(s.stopped));
    std::FILE* out = file_->get();
    std::fputs(head.c_str(), out);
    const std::pair<const char*, Spool*> sections[] = {{"clusters", &clusters_},
                                                       {"rejected", &rejected_},
                                                       {"failed", &failed_},
                                                       {"flags", &flags_},
                                                       {"changes", &changes_}};
    for (std::size_t i = 0; i < std::size(sections); ++i) {
      std::fprintf(out, "\"%s\":[", sections[i].first);
      if (Status st = sections[i].second->CopyTo(out); !st.ok()) return st;
      std::fputs(sections[i].second->empty() ? "]" : "\n]", out);
      std::fputs(i + 1 < std::size(sections) ? ",\n" : "\n}\n", out);
    }
    return file_->Commit();
  }

 private:
  // The spool's buffer, with the separator before a new element.
  static std::string& Open(Spool& spool) {
    std::string& out = spool.buffer();
    out += spool.empty() ? "\n" : ",\n";
    return out;
  }
  std::string_view Label(RuleIndex rule) const {
    return rule < info_.rules.size() ? std::string_view(info_.rules[rule].label) : "?";
  }

  std::unique_ptr<AtomicFile> file_;
  RunInfo info_;
  Spool changes_, flags_, rejected_, failed_, clusters_;
  std::string dedupe_;  // the dedupe totals, for dedupe runs
};

}  // namespace

Result<std::unique_ptr<ReportWriter>> OpenJsonReport(const std::string& path, const RunInfo& info) {
  auto file = AtomicFile::Create(path);
  if (!file.ok()) return file.status();
  return std::unique_ptr<ReportWriter>(new JsonReport(std::move(*file), info));
}

}  // namespace pdc
