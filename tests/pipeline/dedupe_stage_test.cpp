// The dedupe stage: what it does to the records of a run under each shared-email policy and
// loser action, and what it tells the reports.
#include "pipeline/dedupe_stage.h"

#include <gtest/gtest.h>

#include <map>

namespace pdc {
namespace {

using Fields = std::map<std::string, std::string>;

Record Prospect(const std::string& id, const Fields& fields) {
  Record r;
  r.set_id(id);
  r.Load(IdField(), Value::Text(id));
  for (const auto& [name, value] : fields) r.Load(InternField(name), Value::Text(value));
  return r;
}

// Batches of the given records, `per_batch` a batch, numbered in order.
std::vector<BatchPtr> Batches(std::vector<Record> records, std::size_t per_batch) {
  std::vector<BatchPtr> batches;
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (i % per_batch == 0) {
      batches.push_back(std::make_shared<Batch>());
      batches.back()->seq = batches.size() - 1;
    }
    batches.back()->records.push_back(std::move(records[i]));
  }
  return batches;
}

class Collect final : public ReportWriter {
 public:
  void Change(const Record&, FieldId, std::span<const RuleIndex>) override {}
  void Flagged(const Record&, const Flag&) override {}
  void Rejected(const RejectedRow&) override {}
  void Failed(const Record&) override {}
  void RejectedByPardot(const std::string&, const std::string&) override {}
  Status Finish(const RunSummary&) override { return Status::Ok(); }
  void Cluster(const ClusterReport& c) override { clusters.push_back(c); }
  void Dedupe(const DedupeTotals& d) override { totals = d; }
  std::vector<ClusterReport> clusters;
  DedupeTotals totals;
};

dedupe::DedupeSettings Settings(dedupe::SharedEmailPolicy policy,
                                dedupe::LoserAction losers = dedupe::LoserAction::kFlag) {
  dedupe::DedupeSettings s;
  s.shared_email = policy;
  s.losers = losers;
  s.engine.decision = dedupe::DecisionRule::StandardContact(
      policy == dedupe::SharedEmailPolicy::kKeepDistinctCrm);
  auto survivorship = dedupe::SurvivorshipConfig::Parse(
      std::vector<std::string>{"crm_synced", "oldest_created"}, {{"score", "max"}});
  s.survivorship = std::move(survivorship.value());
  return s;
}

struct Ran {
  std::vector<BatchPtr> batches;
  Collect report;
  DedupeTotals totals;
};

Ran Dedupe(const dedupe::DedupeSettings& settings, std::vector<Record> records,
           std::size_t per_batch = 2, bool opted_out_writable = true) {
  Ran ran;
  DedupeStage stage(settings, 7, opted_out_writable);
  for (const BatchPtr& batch : Batches(std::move(records), per_batch)) {
    DedupeStage::Prepared prepared = stage.Prepare(*batch);
    const Status kept = stage.Keep(*batch, std::move(prepared));
    EXPECT_TRUE(kept.ok()) << kept.message();
    EXPECT_TRUE(batch->records.empty()) << "the records wait in the spill file";
  }
  ReportWriter* reports[] = {&ran.report};
  auto totals = stage.Decide(reports);
  EXPECT_TRUE(totals.ok()) << totals.status().message();
  if (totals.ok()) ran.totals = *totals;
  while (BatchPtr batch = stage.Next()) ran.batches.push_back(batch);
  EXPECT_TRUE(stage.status().ok()) << stage.status().message();
  for (std::size_t i = 0; i < ran.batches.size(); ++i) EXPECT_EQ(ran.batches[i]->seq, i);
  return ran;
}

const Record& Find(const Ran& ran, const std::string& id) {
  for (const BatchPtr& b : ran.batches) {
    for (const Record& r : b->records) {
      if (r.id() == id) return r;
    }
  }
  throw std::out_of_range(id);
}

std::string Text(const Record& r, const char* field) {
  return r.Get(InternField(field)).text();
}

const Fields kAnn = {{"first_name", "Ann"},
                     {"last_name", "Lee"},
                     {"email", "ann.lee@acme.com"},
                     {"company", "Acme"},
                     {"created_at", "2020-01-01 00:00:00"},
                     {"score", "10"}};

Fields With(Fields f, const Fields& more) {
  for (const auto& [k, v] : more) f[k] = v;
  return f;
}

TEST(DedupeStageTest, MergesSurvivorFlagsLosersAndReportsWhy) {
  std::vector<Record> records;
  records.push_back(Prospect("11", kAnn));
  records.push_back(Prospect("12", {{"first_name", "Zed"}, {"last_name", "Other"},
                                    {"email", "zed@else.org"}}));
  records.push_back(Prospect(
      "13", With(kAnn, {{"email", "ANN.LEE@acme.com "}, {"score", "40"},
                        {"created_at", "2021-05-01 00:00:00"}, {"city", "Boston"}})));
  Ran ran = Dedupe(Settings(dedupe::SharedEmailPolicy::kMerge), std::move(records));

  const Record& survivor = Find(ran, "11");  // oldest created
  EXPECT_EQ(Text(survivor, "score"), "40");  // max
  EXPECT_EQ(Text(survivor, "city"), "Boston");
  ASSERT_TRUE(survivor.has_log());
  EXPECT_EQ(survivor.log()->touches.front().rule, 7);
  EXPECT_EQ(Text(Find(ran, "13"), "duplicate_of"), "11");
  EXPECT_FALSE(Find(ran, "12").has_log());

  ASSERT_EQ(ran.report.clusters.size(), 1u);
  const ClusterReport& c = ran.report.clusters[0];
  EXPECT_EQ(c.id, "11");
  EXPECT_EQ(c.action, "merge");
  EXPECT_EQ(c.survivor, "11");
  EXPECT_EQ(c.members, (std::vector<std::string>{"11", "13"}));
  EXPECT_EQ(c.losers, std::vector<std::string>{"13"});
  ASSERT_EQ(c.pairs.size(), 1u);
  EXPECT_EQ(c.pairs[0].group, "first_name+last_name+email");
  EXPECT_NE(std::find(c.pairs[0].passes.begin(), c.pairs[0].passes.end(), "email_key"),
            c.pairs[0].passes.end());
  bool score_reported = false;
  for (const auto& v : c.values) {
    if (v.field == "score") {
      score_reported = true;
      EXPECT_EQ(v.from, "13");
      EXPECT_EQ(v.rule, "max");
      EXPECT_TRUE(v.changed);
    }
  }
  EXPECT_TRUE(score_reported);
  EXPECT_EQ(ran.totals.clusters, 1u);
  EXPECT_EQ(ran.totals.losers_flagged, 1u);
  EXPECT_EQ(ran.totals.survivors_updated, 1u);
  EXPECT_EQ(ran.report.totals.shared_email, "merge");
}

TEST(DedupeStageTest, ALaterRunKeepsTheSurvivorItsLosersPointAt) {
  // After a first run, 72 (a loser) carries duplicate_of 71; its own write made it the most
  // recently updated, which would make it the master by most_recent_activity.
  auto settings = Settings(dedupe::SharedEmailPolicy::kMerge);
  settings.survivorship = std::move(
      dedupe::SurvivorshipConfig::Parse(std::vector<std::string>{"most_recent_activity"}, {})
          .value());
  std::vector<Record> records;
  records.push_back(Prospect("71", With(kAnn, {{"updated_at", "2026-01-01 00:00:00"}})));
  records.push_back(Prospect(
      "72", With(kAnn, {{"updated_at", "2026-01-02 00:00:00"}, {"duplicate_of", "71"}})));
  Ran ran = Dedupe(settings, std::move(records));
  ASSERT_EQ(ran.report.clusters.size(), 1u);
  EXPECT_EQ(ran.report.clusters[0].survivor, "71");
  EXPECT_EQ(ran.report.clusters[0].decided_by, "previous_run");
  EXPECT_FALSE(Find(ran, "72").has_log()) << "nothing left to write";
  EXPECT_FALSE(Find(ran, "71").has_log()) << "the losers' flag never survives onto the master";
}

TEST(DedupeStageTest, FieldsRulesDerivedAreNotMerged) {
  std::vector<Record> records;
  records.push_back(Prospect("81", kAnn));
  Record loser = Prospect("82", With(kAnn, {{"created_at", "2024-01-01 00:00:00"},
                                            {"city", "Lyon"}}));
  loser.Set(InternField("legal_form"), Value::Text("SA"), 2);  // what a rule derived
  records.push_back(std::move(loser));
  Ran ran = Dedupe(Settings(dedupe::SharedEmailPolicy::kMerge), std::move(records));
  const Record& survivor = Find(ran, "81");
  EXPECT_EQ(Text(survivor, "city"), "Lyon");
  EXPECT_EQ(survivor.Find(InternField("legal_form")), nullptr);
  for (const auto& v : ran.report.clusters.at(0).values) EXPECT_NE(v.field, "legal_form");
}

TEST(DedupeStageTest, KeepDistinctCrmLeavesSharedAddressesOnDifferentCrmRecordsApart) {
  std::vector<Record> records;
  records.push_back(Prospect("21", With(kAnn, {{"crm_contact_fid", "0035e000001AAAAAA1"}})));
  records.push_back(Prospect("22", With(kAnn, {{"crm_contact_fid", "0035e000001BBBBBB2"}})));
  records.push_back(Prospect("23", With(kAnn, {{"email", "bo@x.org"}, {"first_name", "Bo"}})));
  records.push_back(Prospect("24", With(kAnn, {{"email", "bo@x.org"}, {"first_name", "Bo"}})));
  Ran ran = Dedupe(Settings(dedupe::SharedEmailPolicy::kKeepDistinctCrm), std::move(records));
  ASSERT_EQ(ran.report.clusters.size(), 1u) << "only the pair without CRM ids merges";
  EXPECT_EQ(ran.report.clusters[0].members, (std::vector<std::string>{"23", "24"}));
  EXPECT_FALSE(Find(ran, "21").has_log());
  EXPECT_FALSE(Find(ran, "22").has_log());
  EXPECT_GE(ran.totals.vetoed_pairs, 1u);

  // The same two CRM-synced prospects merge when the policy says so.
  std::vector<Record> again;
  again.push_back(Prospect("21", With(kAnn, {{"crm_contact_fid", "0035e000001AAAAAA1"}})));
  again.push_back(Prospect("22", With(kAnn, {{"crm_contact_fid", "0035e000001BBBBBB2"}})));
  Ran merged = Dedupe(Settings(dedupe::SharedEmailPolicy::kMerge), std::move(again));
  EXPECT_EQ(merged.report.clusters.size(), 1u);
}

TEST(DedupeStageTest, AThirdMemberNeverJoinsDistinctCrmRecords) {
  // 31 and 32 share a mailbox but are different CRM contacts; 33 matches each of them by name
  // and phone under another address. It joins the first (the stronger or earlier match) only:
  // one cluster holding 31 and 32 would undo what the CRM keeps apart.
  const Fields shared = With(kAnn, {{"phone", "+14155550132"}});
  std::vector<Record> records;
  records.push_back(Prospect("31", With(shared, {{"crm_contact_fid", "0035e000001AAAAAA1"}})));
  records.push_back(Prospect("32", With(shared, {{"crm_contact_fid", "0035e000001BBBBBB2"}})));
  records.push_back(Prospect("33", With(shared, {{"email", "ann@gmail.com"}})));
  Ran ran = Dedupe(Settings(dedupe::SharedEmailPolicy::kKeepDistinctCrm), std::move(records));
  ASSERT_EQ(ran.report.clusters.size(), 1u);
  EXPECT_EQ(ran.report.clusters[0].members, (std::vector<std::string>{"31", "33"}));
  EXPECT_EQ(ran.report.clusters[0].action, "merge");
  for (const auto& pair : ran.report.clusters[0].pairs) {
    EXPECT_NE(pair.b, "32") << "the refused match is no reason of the cluster";
  }
  EXPECT_FALSE(Find(ran, "32").has_log());
  EXPECT_EQ(ran.totals.clusters, 1u);
}

TEST(DedupeStageTest, AnOptOutOnALoserStaysOnTheSurvivor) {
  std::vector<Record> records;
  records.push_back(Prospect("41", With(kAnn, {{"opted_out", "false"}})));
  records.push_back(Prospect(
      "42", With(kAnn, {{"opted_out", "true"}, {"created_at", "2022-01-01 00:00:00"}})));
  Ran ran = Dedupe(Settings(dedupe::SharedEmailPolicy::kMerge), std::move(records));
  EXPECT_EQ(Text(Find(ran, "41"), "opted_out"), "true");

  // Where opted_out cannot be written (Pardot v3/v4), the survivor gets is_do_not_email.
  std::vector<Record> v4;
  v4.push_back(Prospect("41", With(kAnn, {{"opted_out", "false"}, {"is_do_not_email", "false"}})));
  v4.push_back(Prospect(
      "42", With(kAnn, {{"opted_out", "true"}, {"created_at", "2022-01-01 00:00:00"}})));
  Ran readonly = Dedupe(Settings(dedupe::SharedEmailPolicy::kMerge), std::move(v4), 2, false);
  EXPECT_EQ(Text(Find(readonly, "41"), "is_do_not_email"), "true");
  bool noted = false;
  for (const auto& v : readonly.report.clusters.at(0).values) {
    noted |= v.field == "is_do_not_email" && v.rule == "opted_out_of_a_loser" && v.from == "42";
  }
  EXPECT_TRUE(noted);
}

TEST(DedupeStageTest, FlagOnlyFlagsSharedAddressClustersWithoutMerging) {
  std::vector<Record> records;
  records.push_back(Prospect("51", kAnn));
  records.push_back(Prospect("52", With(kAnn, {{"score", "99"}, {"created_at", "2023-01-01"}})));
  Ran ran = Dedupe(Settings(dedupe::SharedEmailPolicy::kFlagOnly, dedupe::LoserAction::kDelete),
                std::move(records));
  ASSERT_EQ(ran.report.clusters.size(), 1u);
  EXPECT_EQ(ran.report.clusters[0].action, "flag_only");
  EXPECT_EQ(ran.report.clusters[0].loser_action, "flag") << "flag_only never deletes";
  EXPECT_EQ(Text(Find(ran, "51"), "score"), "10");
  EXPECT_EQ(Text(Find(ran, "52"), "duplicate_of"), "51");
  for (const BatchPtr& b : ran.batches) EXPECT_TRUE(b->deletes.empty());
}

TEST(DedupeStageTest, DeletesAreListedInTheLosersBatches) {
  std::vector<Record> records;
  records.push_back(Prospect("61", kAnn));
  records.push_back(Prospect("62", {{"first_name", "Zed"}, {"email", "zed@else.org"}}));
  records.push_back(Prospect("63", {{"first_name", "Yan"}, {"email", "yan@else.org"}}));
  records.push_back(Prospect("64", With(kAnn, {{"created_at", "2024-01-01 00:00:00"}})));
  records.push_back(Prospect("65", With(kAnn, {{"created_at", "2025-01-01 00:00:00"}})));
  Ran ran = Dedupe(Settings(dedupe::SharedEmailPolicy::kMerge, dedupe::LoserAction::kDelete),
                std::move(records), 2);
  ASSERT_EQ(ran.batches.size(), 3u);
  EXPECT_TRUE(ran.batches[0]->deletes.empty());
  EXPECT_EQ(ran.batches[1]->deletes, std::vector<std::uint32_t>{1});  // 64
  EXPECT_EQ(ran.batches[2]->deletes, std::vector<std::uint32_t>{0});  // 65
  EXPECT_TRUE(Find(ran, "64").Get(InternField("duplicate_of")).empty());
  EXPECT_EQ(ran.totals.losers_deleted, 2u);
  EXPECT_EQ(ran.report.clusters.at(0).loser_action, "delete");
}

}  // namespace
}  // namespace pdc
