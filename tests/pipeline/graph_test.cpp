// The file-mode graph: order, isolation of a failing rule, totals and report attribution.
#include "pipeline/graph.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

#include "pipeline/file_source.h"

namespace pdc {
namespace {

// A reader over records made in memory, handing them out in small batches.
class MemoryReader final : public RecordReader {
 public:
  MemoryReader(std::size_t count, std::size_t reject_every)
      : count_(count), reject_every_(reject_every) {}
  bool Next(std::vector<Record>& out, std::size_t max,
            std::vector<RejectedRow>& rejected) override {
    if (next_ >= count_) return false;
    for (std::size_t n = 0; n < max && next_ < count_; ++n, ++next_) {
      if (reject_every_ && next_ % reject_every_ == reject_every_ - 1) {
        rejected.push_back({next_ + 2, "bad row", ""});
        continue;
      }
      Record r(next_ + 2);
      r.set_id(std::to_string(next_));
      r.Load(IdField(), Value::Text(std::to_string(next_)));
      r.Load(InternField("name"), Value::Text(next_ % 2 ? "lower" : "Kept"));
      out.push_back(std::move(r));
    }
    return true;
  }
  const std::vector<FieldId>& columns() const override { return columns_; }
  std::uint64_t repaired_values() const override { return 0; }
  double fraction_read() const override { return 0; }  // no progress is drawn in these tests

 private:
  std::size_t count_, reject_every_, next_ = 0;
  std::vector<FieldId> columns_;
};

// Upper-cases `name` when it is all lower case; throws on ids divisible by 97.
class TestRule final : public Rule {
 public:
  void Apply(Record& record) const override {
    const FieldId name = InternField("name");
    if (record.Get(name).view() == "lower") record.Set(name, Value::Text("LOWER"), index());
    if (std::stoull(record.id()) % 97 == 0) throw std::runtime_error("boom");
  }
};

class CollectingWriter final : public RecordWriter {
 public:
  Status Write(const Record& record) override {
    ids.push_back(record.id());
    names.push_back(std::string(record.Get(InternField("name")).view()));
    return Status::Ok();
  }
  Status Close() override { return Status::Ok(); }
  std::vector<std::string> ids, names;
};

class CountingReport final : public ReportWriter {
 public:
  void Change(const Record& r, FieldId, std::span<const RuleIndex> rules) override {
    change_ids.push_back(r.id());
    ASSERT_EQ(rules.size(), 1u);
    EXPECT_EQ(rules[0], 0);
  }
  void Flagged(const Record&, const Flag&) override {}
  void Rejected(const RejectedRow& row) override { rejected_lines.push_back(row.line); }
  void Failed(const Record& r) override { failed_ids.push_back(r.id()); }
  void RejectedByPardot(const std::string&, const std::string&) override {}
  Status Finish(const RunSummary&) override { return Status::Ok(); }
  std::vector<std::string> change_ids, failed_ids;
  std::vector<std::uint64_t> rejected_lines;
};

TEST(GraphTest, KeepsOrderIsolatesFailuresAndCountsEverything) {
  constexpr std::size_t kCount = 10000;
  RuleChain chain;
  auto rule = std::make_unique<TestRule>();
  chain.Register(*rule, {"test@1", {}});
  chain.Append(std::move(rule));

  FileSource source(std::make_unique<MemoryReader>(kCount, 1000), 64);
  CollectingWriter writer;
  CountingReport report;
  ResultSink results(1, &writer, {&report}, nullptr);
  const CleanStage clean(chain);
  const DiffStage diff;
  RunGraph({source, &clean, diff, results}, GraphLimits{4});

  const RunSummary& s = results.summary();
  EXPECT_EQ(s.rejected, 10u);
  EXPECT_EQ(s.records_in, kCount - 10);
  ASSERT_EQ(writer.ids.size(), kCount - 10);
  for (std::size_t i = 1; i < writer.ids.size(); ++i) {
    ASSERT_LT(std::stoull(writer.ids[i - 1]), std::stoull(writer.ids[i]));
  }
  // Every failing record passes unchanged; odd ids that did not fail are upper-cased.
  std::size_t failed = 0;
  for (std::size_t i = 0; i < writer.ids.size(); ++i) {
    const auto id = std::stoull(writer.ids[i]);
    if (id % 97 == 0) {
      ++failed;
      EXPECT_EQ(writer.names[i], id % 2 ? "lower" : "Kept") << id;
    } else {
      EXPECT_EQ(writer.names[i], id % 2 ? "LOWER" : "Kept") << id;
    }
  }
  EXPECT_EQ(s.failed, failed);
  EXPECT_EQ(report.failed_ids.size(), failed);
  EXPECT_EQ(s.records_changed, report.change_ids.size());
  EXPECT_EQ(s.rule_changes[0], s.field_changes);
  EXPECT_EQ(report.rejected_lines.front(), 1001u);
  for (std::size_t i = 1; i < report.change_ids.size(); ++i) {
    ASSERT_LT(std::stoull(report.change_ids[i - 1]), std::stoull(report.change_ids[i]));
  }
}

// Records what the graph asks of a write stage: plans in source order, sends at most five at
// once, settles every batch it sent.
class RecordingWrites final : public WriteStage {
 public:
  std::vector<WriteBatch> Plan(const Batch& batch) override {
    planned_seqs.push_back(batch.seq);
    std::vector<WriteBatch> out;
    std::vector<Operation> ops;
    for (const FieldChange& c : batch.changes) {
      Operation op;
      op.op_id = static_cast<std::int64_t>(batch.records[c.record].line());
      op.prospect_id = batch.records[c.record].id();
      ops.push_back(op);
      if (ops.size() == 50) {
        out.push_back({std::move(ops)});
        ops.clear();
      }
    }
    if (!ops.empty()) out.push_back({std::move(ops)});
    return out;
  }
  std::vector<WriteBatch> Flush() override {
    flushed = true;
    return {};
  }
  WriteResult Send(WriteBatch batch) override {
    const int n = ++sending;
    int seen = peak.load();
    while (n > seen && !peak.compare_exchange_weak(seen, n)) {
    }
    // Until five have been in flight together, hold each send a while for the others to come, so
    // a loaded machine cannot keep the fifth from starting; once seen, sends take 2 ms.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (peak.load() < 5 && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    --sending;
    WriteResult result{std::move(batch), {}};
    for (const auto& op : result.batch.operations) {
      result.result.outcomes.push_back({op.op_id, OpState::kConfirmed, ""});
    }
    return result;
  }
  void Settle(const WriteResult& result) override { settled += result.result.outcomes.size(); }

  std::vector<std::uint64_t> planned_seqs;
  bool flushed = false;
  std::atomic<int> sending{0}, peak{0};
  std::size_t settled = 0;
};

TEST(GraphTest, WritesArePlannedInOrderSentFiveAtOnceAndAllSettled) {
  RuleChain chain;
  auto rule = std::make_unique<TestRule>();
  chain.Register(*rule, {"test@1", {}});
  chain.Append(std::move(rule));
  FileSource source(std::make_unique<MemoryReader>(20000, 0), 256);
  ResultSink results(1, nullptr, {}, nullptr);
  RecordingWrites writes;
  const CleanStage clean(chain);
  const DiffStage diff;
  RunGraph({source, &clean, diff, results, &writes}, GraphLimits{3, 5});
  ASSERT_FALSE(writes.planned_seqs.empty());
  for (std::size_t i = 0; i < writes.planned_seqs.size(); ++i) EXPECT_EQ(writes.planned_seqs[i], i);
  EXPECT_EQ(writes.settled, results.summary().records_changed);
  EXPECT_GT(writes.settled, 9000u);
  EXPECT_EQ(writes.peak.load(), 5);  // I/O threads of their own: five at once even on two cores
  EXPECT_TRUE(writes.flushed);
}

}  // namespace
}  // namespace pdc
