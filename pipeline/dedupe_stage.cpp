#include "pipeline/dedupe_stage.h"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <chrono>
#include <optional>

namespace pdc {
namespace {

using dedupe::Cluster;
using dedupe::DedupeResult;
using dedupe::SharedEmailPolicy;

struct Where {
  std::uint32_t batch;
  std::uint32_t record;
};

bool IsTrue(const Value& v) {
  if (v.kind() == Value::Kind::kJson) return v.text() == "true";
  if (v.kind() != Value::Kind::kText) return false;
  std::string t = v.text();
  for (char& c : t) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return t == "true" || t == "1" || t == "yes";
}

// What one cluster does to its members, decided in parallel and applied to the records there.
struct Outcome {
  ClusterReport report;
  bool survivor_changed = false;
  std::vector<std::uint32_t> deletes;  // record indexes (over the whole run)
};

// Holds the write batches a plan makes until every batch of the run is planned.
class DeferredWrites final : public WriteStage {
 public:
  explicit DeferredWrites(WriteStage& writes) : writes_(writes) {}
  std::vector<WriteBatch> Plan(const Batch& batch) override {
    Keep(writes_.Plan(batch));
    return {};
  }
  std::vector<WriteBatch> Flush() override {
    Keep(writes_.Flush());
    return {};
  }
  WriteResult Send(WriteBatch batch) override { return writes_.Send(std::move(batch)); }
  void Settle(const WriteResult& result) override { writes_.Settle(result); }
  std::vector<WriteBatch> Take() { return std::move(held_); }

 private:
  void Keep(std::vector<WriteBatch> batches) {
    for (WriteBatch& b : batches) held_.push_back(std::move(b));
  }
  WriteStage& writes_;
  std::vector<WriteBatch> held_;
};

}  // namespace

bool SharesAddress(const Cluster& cluster, const DedupeResult& found) {
  for (std::size_t i = 0; i < cluster.members.size(); ++i) {
    const std::string& a = found.keys[cluster.members[i]].address;
    if (a.empty()) continue;
    for (std::size_t j = i + 1; j < cluster.members.size(); ++j) {
      if (found.keys[cluster.members[j]].address == a) return true;
    }
  }
  return false;
}

Result<std::optional<DedupeTotals>> RunDedupeGraph(const GraphStages& stages,
                                                   const GraphLimits& limits,
                                                   const DedupeStage& dedupe,
                                                   std::span<ReportWriter* const> reports,
                                                   const RunControl* control) {
  std::vector<BatchPtr> batches = CleanAll(stages.source, *stages.clean);
  if (control != nullptr && control->stopped()) return std::optional<DedupeTotals>();
  auto totals = dedupe.Process(batches, reports);
  if (!totals.ok()) return totals.status();
  HeldBatches held(std::move(batches));
  std::optional<DeferredWrites> deferred;
  if (stages.writes != nullptr) deferred.emplace(*stages.writes);
  RunGraph({held, nullptr, stages.diff, stages.results, deferred ? &*deferred : nullptr}, limits);
  if (deferred) SendAll(*stages.writes, deferred->Take(), limits.write_slots);
  return std::optional<DedupeTotals>(std::move(*totals));
}

// The member an earlier run made this cluster's survivor: the one the others' flag field names,
// when they all name the same member.
std::optional<std::size_t> DedupeStage::PreviousMaster(const dedupe::Cluster& cluster,
                                                       std::span<Record* const> records) const {
  if (settings_.flag_field.empty()) return std::nullopt;
  const FieldId flag = InternField(settings_.flag_field);
  std::optional<std::size_t> named;
  for (std::uint32_t m : cluster.members) {
    const std::string_view points_to = records[m]->Get(flag).view();
    if (points_to.empty()) continue;
    std::optional<std::size_t> target;
    for (std::size_t i = 0; i < cluster.members.size(); ++i) {
      if (records[cluster.members[i]]->id() == points_to) target = i;
    }
    if (!target) continue;  // an earlier survivor no longer in this cluster
    if (named && *named != *target) return std::nullopt;
    named = target;
  }
  return named;
}

Result<DedupeTotals> DedupeStage::Process(std::span<const BatchPtr> batches,
                                          std::span<ReportWriter* const> reports) const {
  const auto started = std::chrono::steady_clock::now();
  std::vector<Record*> records;
  std::vector<Where> where;
  for (std::uint32_t b = 0; b < batches.size(); ++b) {
    auto& batch_records = batches[b]->records;
    for (std::uint32_t r = 0; r < batch_records.size(); ++r) {
      records.push_back(&batch_records[r]);
      where.push_back({b, r});
    }
  }
  const std::vector<const Record*> view(records.begin(), records.end());
  auto found = dedupe::FindDuplicates(view, settings_.engine);
  if (!found.ok()) return found.status();
  const DedupeResult& result = *found;
  const auto& clusters = result.clustering.clusters;

  // The matches of each cluster, for its reason.
  std::vector<std::int32_t> cluster_of(records.size(), -1);
  for (std::size_t c = 0; c < clusters.size(); ++c) {
    for (std::uint32_t m : clusters[c].members) cluster_of[m] = static_cast<std::int32_t>(c);
  }
  std::vector<Outcome> outcomes(clusters.size());
  const auto& groups = settings_.engine.decision.groups();
  const auto pass_names = dedupe::BlockingPassNames();
  for (const dedupe::MatchedPair& m : result.matches) {
    const std::int32_t c = cluster_of[m.first];
    if (c < 0) continue;
    ClusterReport::Pair pair;
    pair.a = records[m.first]->label();
    pair.b = records[m.second]->label();
    pair.group = m.group >= 0 && static_cast<std::size_t>(m.group) < groups.size()
                     ? groups[static_cast<std::size_t>(m.group)].label
                     : std::string("crm_record");
    for (std::size_t p = 0; p < pass_names.size(); ++p) {
      if (m.passes & (1u << p)) pair.passes.emplace_back(pass_names[p]);
    }
    outcomes[static_cast<std::size_t>(c)].report.pairs.push_back(std::move(pair));
  }

  const FieldId flag_field =
      settings_.flag_field.empty() ? FieldId{} : InternField(settings_.flag_field);
  tbb::parallel_for(std::size_t{0}, clusters.size(), [&](std::size_t c) {
    const Cluster& cluster = clusters[c];
    Outcome& out = outcomes[c];
    ClusterReport& report = out.report;
    report.id = cluster.id;
    std::vector<const Record*> members;
    for (std::uint32_t m : cluster.members) {
      members.push_back(records[m]);
      report.members.push_back(records[m]->label());
    }
    if (cluster.review) {
      report.action = "review";
      report.review_reason = cluster.members.size() > settings_.engine.max_cluster
                                 ? "larger than max_cluster"
                                 : "joins prospects on one email address synced to different "
                                   "CRM records";
      return;
    }
    auto survived =
        dedupe::Survive(members, settings_.survivorship, PreviousMaster(cluster, records));
    if (!survived.ok()) {
      report.action = "review";
      report.review_reason = survived.status().message();
      return;
    }
    const bool flag_only = settings_.shared_email == SharedEmailPolicy::kFlagOnly &&
                           SharesAddress(cluster, result);
    report.action = flag_only ? "flag_only" : "merge";
    report.survivor = survived->master_id;
    report.decided_by = std::string(survived->decided_by);
    // Fields a rule derived (legal_form, an email key) follow from the survivor's own values;
    // only what the source holds is merged.
    // The loser flag is about the losers: it never survives onto the master.
    auto derived = [&members, flag_field, this](FieldId field) {
      if (!settings_.flag_field.empty() && field == flag_field) return true;
      return std::none_of(members.begin(), members.end(),
                          [field](const Record* r) { return r->WasRead(field); });
    };
    for (const dedupe::SurvivingValue& v : survived->values) {
      if (derived(v.field)) continue;
      const bool differ = std::any_of(members.begin(), members.end(), [&](const Record* r) {
        return !(r->Get(v.field) == v.value);
      });
      if (!differ) continue;
      report.values.push_back({FieldName(v.field), v.value, v.source_id,
                               std::string(dedupe::FieldRuleName(v.rule)),
                               v.changed && !flag_only});
    }
    Record& master = *records[cluster.members[survived->master]];
    if (!flag_only) {
      static const FieldId opted_out = InternField("opted_out");
      static const FieldId do_not_email = InternField("is_do_not_email");
      for (const Field& change : survived->changes) {
        if (derived(change.id)) continue;
        out.survivor_changed |= master.Set(change.id, change.value, rule_);
        if (change.id == opted_out && !opted_out_writable_ && IsTrue(change.value) &&
            !IsTrue(master.Get(do_not_email))) {
          master.Set(do_not_email, Value::Text("true"), rule_);
          std::string from;
          for (const dedupe::SurvivingValue& v : survived->values) {
            if (v.field == opted_out) from = v.source_id;
          }
          report.values.push_back(
              {"is_do_not_email", Value::Text("true"), from, "opted_out_of_a_loser", true});
        }
      }
    }
    const bool remove = settings_.losers == dedupe::LoserAction::kDelete && !flag_only;
    report.loser_action = remove ? "delete" : "flag";
    for (std::size_t i = 0; i < survived->losers.size(); ++i) {
      const std::uint32_t loser = cluster.members[survived->losers[i]];
      report.losers.push_back(survived->loser_ids[i]);
      if (remove) {
        out.deletes.push_back(loser);
      } else if (!settings_.flag_field.empty()) {
        // The configured flag field is a field of the account even where the source left it
        // out for being empty.
        records[loser]->LoadAbsent(flag_field);
        records[loser]->Set(flag_field, Value::Text(survived->master_id), rule_);
      }
    }
  });

  DedupeTotals totals;
  totals.shared_email = std::string(dedupe::SharedEmailPolicyName(settings_.shared_email));
  totals.records = records.size();
  totals.candidate_pairs = result.blocking.pairs.size();
  totals.matched_pairs = result.matches.size();
  totals.vetoed_pairs = result.vetoed;
  totals.largest_cluster = result.clustering.largest;
  for (const dedupe::PassStats& p : result.blocking.passes) {
    totals.passes.push_back({p.name, p.pairs, p.only_pairs, p.largest_block, p.skipped_blocks});
    totals.largest_block = std::max(totals.largest_block, p.largest_block);
  }
  for (const dedupe::SkippedBlock& s : result.blocking.skipped) {
    totals.skipped_blocks.push_back({s.pass_name, s.key, s.secondary,
                                     std::string(dedupe::SkipReasonName(s.reason)), s.size});
  }
  for (Outcome& out : outcomes) {
    if (out.report.action == "review") {
      ++totals.review;
      continue;
    }
    ++totals.clusters;
    totals.records_in_clusters += out.report.members.size();
    totals.survivors_updated += out.survivor_changed ? 1 : 0;
    if (out.report.loser_action == "delete") {
      totals.losers_deleted += out.report.losers.size();
    } else if (!settings_.flag_field.empty()) {
      totals.losers_flagged += out.report.losers.size();
    }
    for (std::uint32_t d : out.deletes) {
      batches[where[d].batch]->deletes.push_back(where[d].record);
    }
  }
  for (const BatchPtr& batch : batches) std::sort(batch->deletes.begin(), batch->deletes.end());
  totals.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  for (ReportWriter* report : reports) {
    for (const Outcome& out : outcomes) report->Cluster(out.report);
    report->Dedupe(totals);
  }
  return totals;
}

}  // namespace pdc
