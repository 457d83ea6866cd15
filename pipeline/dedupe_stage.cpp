#include "pipeline/dedupe_stage.h"

#include <tbb/flow_graph.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>

#include "pipeline/pardot/list_membership.h"

namespace pdc {
namespace {

using dedupe::Cluster;
using dedupe::DedupeResult;
using dedupe::SharedEmailPolicy;

// What one cluster does to its members, decided in parallel on copies of them read back from
// the spill; the edits are made again on the records as they flow on.
struct Outcome {
  ClusterReport report;
  bool survivor_changed = false;
  std::vector<DedupeStage::Edit> edits;
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
                                                   const GraphLimits& limits, DedupeStage& dedupe,
                                                   std::span<ReportWriter* const> reports,
                                                   const RunControl* control) {
  // First half: source → clean and match keys (parallel) → in source order → spill.
  namespace flow = tbb::flow;
  using Prepared = std::pair<BatchPtr, DedupeStage::Prepared>;
  Status kept;
  {
    flow::graph g;
    flow::input_node<BatchPtr> read(g, [&](tbb::flow_control& flow_control) -> BatchPtr {
      BatchPtr batch = stages.source.Next();
      if (!batch) flow_control.stop();
      return batch;
    });
    // Bounds what waits for the spill, as the run's graph bounds what waits for the results.
    flow::limiter_node<BatchPtr> in_flight(g, limits.batches_in_flight);
    flow::function_node<BatchPtr, Prepared> clean(g, flow::unlimited, [&](BatchPtr batch) {
      stages.clean->Process(*batch);
      if (stages.progress != nullptr) stages.progress->Cleaned(batch->records.size());
      DedupeStage::Prepared prepared = dedupe.Prepare(*batch);
      return Prepared{std::move(batch), std::move(prepared)};
    });
    flow::sequencer_node<Prepared> in_order(
        g, [](const Prepared& p) { return static_cast<std::size_t>(p.first->seq); });
    flow::function_node<Prepared, flow::continue_msg> keep(g, flow::serial, [&](Prepared p) {
      const std::size_t records = p.first->records.size();  // Keep moves them to the spill
      if (Status st = dedupe.Keep(*p.first, std::move(p.second)); !st.ok() && kept.ok()) {
        kept = st;
      }
      if (stages.progress != nullptr) stages.progress->DedupeHolds(records);
      return flow::continue_msg{};
    });
    flow::make_edge(read, in_flight);
    flow::make_edge(in_flight, clean);
    flow::make_edge(clean, in_order);
    flow::make_edge(in_order, keep);
    flow::make_edge(keep, in_flight.decrementer());
    read.activate();
    g.wait_for_all();
  }
  if (!kept.ok()) return kept;
  if (control != nullptr && control->stopped()) return std::optional<DedupeTotals>();
  if (stages.progress != nullptr) stages.progress->DedupeDeciding();
  auto totals = dedupe.Decide(reports);
  if (!totals.ok()) return totals.status();
  if (stages.progress != nullptr) {
    stages.progress->DedupeDecided(totals->candidate_pairs, totals->clusters);
  }
  // Second half: the marked records, read back batch by batch → diff → results [→ plan].
  std::optional<DeferredWrites> deferred;
  if (stages.writes != nullptr) deferred.emplace(*stages.writes);
  RunGraph({dedupe, nullptr, stages.diff, stages.results, deferred ? &*deferred : nullptr}, limits);
  if (!dedupe.status().ok()) return dedupe.status();
  if (deferred) SendAll(*stages.writes, deferred->Take(), limits.write_slots);
  return std::optional<DedupeTotals>(std::move(*totals));
}

// The member an earlier run made this cluster's survivor: the one the others' flag field names,
// when they all name the same member.
std::optional<std::size_t> DedupeStage::PreviousMaster(
    std::span<const Record* const> members) const {
  if (settings_.flag_field.empty()) return std::nullopt;
  const FieldId flag = InternField(settings_.flag_field);
  std::optional<std::size_t> named;
  for (const Record* member : members) {
    const std::string_view points_to = member->Get(flag).view();
    if (points_to.empty()) continue;
    std::optional<std::size_t> target;
    for (std::size_t i = 0; i < members.size(); ++i) {
      if (members[i]->id() == points_to) target = i;
    }
    if (!target) continue;  // an earlier survivor no longer in this cluster
    if (named && *named != *target) return std::nullopt;
    named = target;
  }
  return named;
}

DedupeStage::Prepared DedupeStage::Prepare(const Batch& batch) const {
  Prepared prepared;
  const FieldId email_key_field = InternField(settings_.engine.email_key_field);
  prepared.keys.reserve(batch.records.size());
  for (const Record& record : batch.records) {
    prepared.keys.push_back(dedupe::BuildMatchKeys(record, email_key_field));
    const dedupe::MemberKey member = dedupe::MemberKeyOf(record);
    prepared.created.emplace_back(member.created_at);
    prepared.ids.emplace_back(member.prospect_id);
    prepared.lines.push_back(record.line());
  }
  prepared.encoded = RecordSpill::Encode(batch);
  return prepared;
}

Status DedupeStage::Keep(Batch& batch, Prepared prepared) {
  if (prepared.keys.size() != batch.records.size()) {
    return Status::InvalidArgument("dedupe: the batch was prepared with other records");
  }
  for (std::size_t i = 0; i < prepared.keys.size(); ++i) {
    keys_.push_back(std::move(prepared.keys[i]));
    created_.push_back(std::move(prepared.created[i]));
    ids_.push_back(std::move(prepared.ids[i]));
    lines_.push_back(prepared.lines[i]);
  }
  return spill_.Add(batch, prepared.encoded);
}

std::string DedupeStage::Label(std::uint32_t index) const {
  return ids_[index].empty() ? "line " + std::to_string(lines_[index]) : ids_[index];
}

Result<DedupeTotals> DedupeStage::Decide(std::span<ReportWriter* const> reports) {
  const auto started = std::chrono::steady_clock::now();
  std::vector<dedupe::MemberKey> order(ids_.size());
  for (std::size_t i = 0; i < ids_.size(); ++i) order[i] = {created_[i], ids_[i]};
  auto found = dedupe::FindDuplicates(std::move(keys_), order, settings_.engine);
  keys_.clear();
  if (!found.ok()) return found.status();
  const DedupeResult& result = *found;
  const auto& clusters = result.clustering.clusters;

  // The matches of each cluster, for its reason.
  std::vector<std::int32_t> cluster_of(ids_.size(), -1);
  for (std::size_t c = 0; c < clusters.size(); ++c) {
    for (std::uint32_t m : clusters[c].members) cluster_of[m] = static_cast<std::int32_t>(c);
  }
  std::vector<Outcome> outcomes(clusters.size());
  const auto& groups = settings_.engine.decision.groups();
  const auto pass_names = dedupe::BlockingPassNames();
  for (const dedupe::MatchedPair& m : result.matches) {
    const std::int32_t c = cluster_of[m.first];
    if (c < 0 || cluster_of[m.second] != c) continue;  // a match the clustering refused
    ClusterReport::Pair pair;
    pair.a = Label(m.first);
    pair.b = Label(m.second);
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
  const FieldId flag_list =
      settings_.flag_list == 0 ? FieldId{} : InternField(pardot::ListField(settings_.flag_list));
  std::atomic<bool> unreadable{false};
  std::string unreadable_why;
  std::mutex unreadable_mutex;
  tbb::parallel_for(std::size_t{0}, clusters.size(), [&](std::size_t c) {
    const Cluster& cluster = clusters[c];
    Outcome& out = outcomes[c];
    ClusterReport& report = out.report;
    report.id = cluster.id;
    for (std::uint32_t m : cluster.members) report.members.push_back(Label(m));
    if (cluster.review) {
      report.action = "review";
      report.review_reason = "larger than max_cluster";
      return;
    }
    // The members themselves, read back; the edits below are made on these copies to see what
    // they change, and made again on the records when they flow on (Marked).
    std::vector<Record> copies;
    copies.reserve(cluster.members.size());
    for (std::uint32_t m : cluster.members) {
      auto record = spill_.Read(m);
      if (!record.ok()) {
        const std::lock_guard<std::mutex> lock(unreadable_mutex);
        unreadable = true;
        unreadable_why = record.status().message();
        return;
      }
      copies.push_back(std::move(*record));
    }
    std::vector<const Record*> members;
    for (const Record& r : copies) members.push_back(&r);
    auto survived = dedupe::Survive(members, settings_.survivorship, PreviousMaster(members));
    if (!survived.ok()) {
      report.action = "review";
      report.review_reason = survived.status().message();
      return;
    }
    const bool flag_only =
        settings_.shared_email == SharedEmailPolicy::kFlagOnly && SharesAddress(cluster, result);
    report.action = flag_only ? "flag_only" : "merge";
    report.survivor = survived->master_id;
    report.decided_by = std::string(survived->decided_by);
    // Fields a rule derived (legal_form, an email key) follow from the survivor's own values;
    // only what the source holds is merged. The loser flag is about the losers: it never
    // survives onto the master.
    auto derived = [&members, flag_field, flag_list, this](FieldId field) {
      if (!settings_.flag_field.empty() && field == flag_field) return true;
      if (settings_.flag_list != 0 && field == flag_list) return true;
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
    const std::uint32_t master_index = cluster.members[survived->master];
    Record& master = copies[survived->master];
    auto set = [&](std::uint32_t index, Record& record, FieldId field, Value value, bool absent) {
      if (absent) record.LoadAbsent(field);
      if (!record.Set(field, value, rule_)) return false;
      out.edits.push_back({index, field, std::move(value), absent});
      return true;
    };
    if (!flag_only) {
      static const FieldId opted_out = InternField("opted_out");
      static const FieldId do_not_email = InternField("is_do_not_email");
      for (const Field& change : survived->changes) {
        if (derived(change.id)) continue;
        out.survivor_changed |= set(master_index, master, change.id, change.value, false);
        if (change.id == opted_out && !opted_out_writable_ && dedupe::IsTrue(change.value) &&
            !dedupe::IsTrue(master.Get(do_not_email))) {
          set(master_index, master, do_not_email, Value::Text("true"), false);
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
      const std::size_t loser = survived->losers[i];
      report.losers.push_back(survived->loser_ids[i]);
      if (remove) {
        out.deletes.push_back(cluster.members[loser]);
      } else {
        // The configured flag field is a field of the account even where the source left it
        // out for being empty; so is the membership of the flag list.
        if (!settings_.flag_field.empty()) {
          set(cluster.members[loser], copies[loser], flag_field, Value::Text(survived->master_id),
              true);
        }
        if (settings_.flag_list != 0) {
          set(cluster.members[loser], copies[loser], flag_list, Value::Text("1"), true);
        }
      }
    }
  });
  if (unreadable) return Status::Io(unreadable_why);

  DedupeTotals totals;
  totals.shared_email = std::string(dedupe::SharedEmailPolicyName(settings_.shared_email));
  totals.records = ids_.size();
  totals.candidate_pairs = result.blocking.pairs.size();
  totals.matched_pairs = result.matches.size();
  totals.vetoed_pairs = result.vetoed;
  totals.largest_cluster = result.clustering.largest;
  for (const dedupe::PassStats& p : result.blocking.passes) {
    totals.passes.push_back({p.name, p.pairs, p.only_pairs, p.largest_block, p.skipped_blocks});
    totals.largest_block = std::max(totals.largest_block, p.largest_block);
  }
  for (const dedupe::SkippedBlock& s : result.blocking.skipped) {
    totals.skipped_blocks.push_back(
        {s.pass_name, s.key, s.secondary, std::string(dedupe::SkipReasonName(s.reason)), s.size});
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
    } else if (!settings_.flag_field.empty() || settings_.flag_list != 0) {
      totals.losers_flagged += out.report.losers.size();
    }
    for (Edit& e : out.edits) edits_.push_back(std::move(e));
    deletes_.insert(deletes_.end(), out.deletes.begin(), out.deletes.end());
  }
  // By record, in the order they were made (a record's edits come from one cluster).
  std::stable_sort(edits_.begin(), edits_.end(),
                   [](const Edit& a, const Edit& b) { return a.record < b.record; });
  std::sort(deletes_.begin(), deletes_.end());
  totals.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  for (ReportWriter* report : reports) {
    for (const Outcome& out : outcomes) report->Cluster(out.report);
    report->Dedupe(totals);
  }
  return totals;
}

BatchPtr DedupeStage::Next() {
  if (next_batch_ >= spill_.batches()) return nullptr;
  auto batch = spill_.TakeBatch(next_batch_++);
  if (!batch.ok()) {
    status_ = batch.status();
    return nullptr;
  }
  Batch& b = **batch;
  const std::uint32_t first = next_record_;
  next_record_ += static_cast<std::uint32_t>(b.records.size());
  for (; next_edit_ < edits_.size() && edits_[next_edit_].record < next_record_; ++next_edit_) {
    Edit& e = edits_[next_edit_];
    Record& record = b.records[e.record - first];
    if (e.absent) record.LoadAbsent(e.field);
    record.Set(e.field, std::move(e.value), rule_);
  }
  for (; next_delete_ < deletes_.size() && deletes_[next_delete_] < next_record_; ++next_delete_) {
    b.deletes.push_back(deletes_[next_delete_] - first);
  }
  return std::move(*batch);
}

}  // namespace pdc
