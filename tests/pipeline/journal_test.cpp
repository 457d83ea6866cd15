#include "pipeline/journal.h"

#include <gtest/gtest.h>

#include "tests/pipeline/file_fixture.h"

namespace pdc {
namespace {

class JournalTest : public FileFixture {
 protected:
  std::unique_ptr<Journal> OpenJournal() {
    auto journal = Journal::Open(Path("journal.db"));
    EXPECT_TRUE(journal.ok()) << journal.status().message();
    return journal.ok() ? std::move(*journal) : nullptr;
  }
  static RunRow Run(const std::string& id) {
    RunRow r;
    r.run_id = id;
    r.mode = "apply";
    r.config_path = "clean.yaml";
    r.config_hash = "abc";
    r.source = "pardot:0Uv000000000001AAA";
    r.business_unit_id = "0Uv000000000001AAA";
    r.api_version = 4;
    r.started_at = "2026-11-26T10:00:00Z";
    return r;
  }
};

TEST_F(JournalTest, RunsAndOperationsSurviveReopening) {
  {
    auto journal = OpenJournal();
    ASSERT_TRUE(journal->BeginRun(Run("r1")).ok());
    std::vector<Operation> ops(3);
    for (int i = 0; i < 3; ++i) {
      ops[i].op_id = i + 1;
      ops[i].prospect_id = std::to_string(100 + i);
      ops[i].fields = {{"first_name", Value::Text("MARY"), Value::Text("Mary")},
                       {"tags", Value::List({"a"}), Value::Null()},
                       {"score", Value::Json("12"), Value::Text("12")}};
    }
    ASSERT_TRUE(journal->Plan("r1", ops).ok());
    ASSERT_TRUE(journal->SetState("r1", {1, 2}, OpState::kSent).ok());
    ASSERT_TRUE(journal->SetState("r1", {1}, OpState::kConfirmed).ok());
    ASSERT_TRUE(journal->SetState("r1", {2}, OpState::kFailed, "4: Invalid prospect email").ok());
    ASSERT_TRUE(journal->SaveCheckpoint("r1", R"({"max_id":102})", 3).ok());
    ASSERT_TRUE(journal->SaveCheckpoint("r1", R"({"max_id":250})", 150).ok());
  }
  auto journal = OpenJournal();
  auto runs = journal->Runs();
  ASSERT_TRUE(runs.ok());
  ASSERT_EQ(runs->size(), 1u);
  EXPECT_EQ((*runs)[0].state, "running");
  auto all = journal->Operations("r1");
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].state, OpState::kConfirmed);
  EXPECT_EQ((*all)[1].state, OpState::kFailed);
  EXPECT_EQ((*all)[1].error, "4: Invalid prospect email");
  EXPECT_EQ((*all)[2].state, OpState::kPlanned);
  ASSERT_EQ((*all)[0].fields.size(), 3u);
  EXPECT_EQ((*all)[0].fields[0].before, Value::Text("MARY"));
  EXPECT_EQ((*all)[0].fields[0].after, Value::Text("Mary"));
  EXPECT_EQ((*all)[0].fields[1].before, Value::List({"a"}));
  EXPECT_TRUE((*all)[0].fields[1].after.is_null());
  EXPECT_EQ((*all)[0].fields[2].before, Value::Json("12"));
  auto planned = journal->Operations("r1", OpState::kPlanned);
  ASSERT_TRUE(planned.ok());
  ASSERT_EQ(planned->size(), 1u);
  EXPECT_EQ((*planned)[0].prospect_id, "102");
  auto checkpoint = journal->Checkpoint("r1");
  ASSERT_TRUE(checkpoint.ok());
  EXPECT_EQ(checkpoint->value_or(""), R"({"max_id":250})");
  EXPECT_FALSE(journal->Checkpoint("nope")->has_value());
}

TEST_F(JournalTest, FinishAndFindRuns) {
  auto journal = OpenJournal();
  ASSERT_TRUE(journal->BeginRun(Run("r1")).ok());
  EXPECT_FALSE(journal->BeginRun(Run("r1")).ok());  // run ids are unique
  ASSERT_TRUE(journal->FinishRun("r1", "stopped_limit", 3, R"({"records_in":10})").ok());
  auto found = journal->FindRun("r1");
  ASSERT_TRUE(found.ok());
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->state, "stopped_limit");
  EXPECT_EQ((*found)->exit_code, 3);
  EXPECT_FALSE((*found)->finished_at.empty());
  EXPECT_FALSE(journal->FindRun("r2")->has_value());
}

TEST_F(JournalTest, DuplicatePlanIsRejectedWhole) {
  auto journal = OpenJournal();
  ASSERT_TRUE(journal->BeginRun(Run("r1")).ok());
  Operation op;
  op.op_id = 1;
  op.prospect_id = "5";
  ASSERT_TRUE(journal->Plan("r1", {op}).ok());
  Operation fresh = op;
  fresh.op_id = 2;
  EXPECT_FALSE(journal->Plan("r1", {fresh, op}).ok());
  EXPECT_EQ(journal->Operations("r1")->size(), 1u);  // nothing of the failed plan remains
}

TEST_F(JournalTest, UsageAddsUpPerUnitAndDay) {
  auto journal = OpenJournal();
  ASSERT_TRUE(journal->AddUsage("bu", "2026-11-26", 40).ok());
  ASSERT_TRUE(journal->AddUsage("bu", "2026-11-26", 2).ok());
  ASSERT_TRUE(journal->AddUsage("bu", "2026-11-27", 1).ok());
  EXPECT_EQ(*journal->Usage("bu", "2026-11-26"), 42);
  EXPECT_EQ(*journal->Usage("bu", "2026-11-27"), 1);
  EXPECT_EQ(*journal->Usage("other", "2026-11-26"), 0);
}

TEST_F(JournalTest, UnwritablePathIsAClearError) {
  auto journal = Journal::Open("/nonexistent/dir/journal.db");
  ASSERT_FALSE(journal.ok());
  EXPECT_NE(journal.status().message().find("/nonexistent/dir/journal.db"), std::string::npos);
}

}  // namespace
}  // namespace pdc
