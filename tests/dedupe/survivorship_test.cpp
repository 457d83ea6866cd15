#include "rules/dedupe/survivorship.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <initializer_list>
#include <map>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace pdc::dedupe {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

Record Prospect(std::string id, std::initializer_list<std::pair<std::string_view, Value>> fields) {
  Record r;
  r.set_id(id);
  r.Load(IdField(), Value::Json(std::move(id)));
  for (const auto& [name, value] : fields) r.Load(InternField(name), value);
  return r;
}

template <typename... Records>
std::vector<Record> Cluster(Records&&... records) {
  std::vector<Record> out;
  (out.push_back(std::forward<Records>(records)), ...);
  return out;
}

Value T(std::string text) { return Value::Text(std::move(text)); }

SurvivorshipResult Merge(const std::vector<Record>& cluster,
                         const SurvivorshipConfig& config = SurvivorshipConfig()) {
  auto result = Survive(cluster, config);
  EXPECT_TRUE(result.ok()) << result.status().message();
  return std::move(result.value());
}

SurvivorshipConfig Config(std::vector<std::string> master,
                          std::map<std::string, std::string> fields = {}) {
  auto config = SurvivorshipConfig::Parse(master, fields);
  EXPECT_TRUE(config.ok()) << config.status().message();
  return config.value();
}

const SurvivingValue& ValueOf(const SurvivorshipResult& result, std::string_view field) {
  const FieldId id = InternField(field);
  for (const SurvivingValue& v : result.values) {
    if (v.field == id) return v;
  }
  ADD_FAILURE() << "no surviving value for " << field;
  static const SurvivingValue kNone{};
  return kNone;
}

// --- Timestamps ---------------------------------------------------------------------------------

TEST(ParseTimestampTest, ReadsPardotAndIso8601Forms) {
  EXPECT_EQ(ParseTimestamp("1970-01-01 00:00:00"), 0);
  EXPECT_EQ(ParseTimestamp("1970-01-02"), 86'400'000'000LL);
  // 2024-02-29 12:34:56 UTC is 1709210096 s after the epoch.
  EXPECT_EQ(ParseTimestamp("2024-02-29 12:34:56"), 1709210096'000000LL);
  EXPECT_EQ(ParseTimestamp("2024-02-29T12:34:56Z"), 1709210096'000000LL);
  EXPECT_EQ(ParseTimestamp("2024-02-29T14:34:56+02:00"), 1709210096'000000LL);
  EXPECT_EQ(ParseTimestamp("2024-02-29T07:34:56-0500"), 1709210096'000000LL);
  EXPECT_EQ(ParseTimestamp("2024-02-29T13:34:56+01"), 1709210096'000000LL);
  EXPECT_EQ(ParseTimestamp("2024-02-29T12:34:56.25Z"), 1709210096'250000LL);
  EXPECT_EQ(ParseTimestamp("2024-02-29T12:34"), 1709210040'000000LL);
  EXPECT_EQ(ParseTimestamp(" 2024-02-29 12:34:56 "), 1709210096'000000LL);
  // RFC 3339 allows lower-case separators.
  EXPECT_EQ(ParseTimestamp("2024-02-29t12:34:56z"), 1709210096'000000LL);
  EXPECT_EQ(ParseTimestamp("1969-12-31 23:59:59"), -1'000000LL);
}

TEST(ParseTimestampTest, RejectsWhatIsNotATimestamp) {
  for (std::string_view bad :
       {"", "yesterday", "2023-02-29", "2024-13-01", "2024-00-10", "2024-01-32", "2024-01-01 24:00",
        "2024-01-01 10:60", "2024-01-01 10:00:00 PM", "24-01-01", "2024/01/01", "2024-01-01T",
        "2024-01-01T10:00:00.", "2024-01-01T10:00:00+2", "1/2/2024", "2024-01-01\xff"}) {
    EXPECT_EQ(ParseTimestamp(bad), std::nullopt) << bad;
  }
}

TEST(ParseTimestampTest, OrdersAcrossFormsAndZones) {
  // Lexicographic comparison gets these wrong: the zone and the separator matter.
  EXPECT_LT(*ParseTimestamp("2024-05-01T23:00:00+05:00"), *ParseTimestamp("2024-05-01 19:00:00"));
  EXPECT_LT(*ParseTimestamp("2024-05-01 09:00:00"), *ParseTimestamp("2024-05-01T10:00:00Z"));
}

// --- Configuration ------------------------------------------------------------------------------

TEST(SurvivorshipConfigTest, DefaultsToTheReferenceOrder) {
  const SurvivorshipConfig config;
  EXPECT_THAT(config.master_rules(),
              ElementsAre(MasterRule::kCrmSynced, MasterRule::kMostRecentActivity,
                          MasterRule::kMostComplete, MasterRule::kOldestCreated));
  EXPECT_EQ(config.RuleFor(InternField("company")), FieldRule::kMaster);
  EXPECT_EQ(config.RuleFor(InternField("opted_out")), FieldRule::kTrueWins);
  EXPECT_EQ(config.RuleFor(InternField("is_do_not_email")), FieldRule::kTrueWins);
  EXPECT_EQ(config.RuleFor(InternField("is_do_not_call")), FieldRule::kTrueWins);
}

TEST(SurvivorshipConfigTest, ParsesNames) {
  const auto config =
      Config({"oldest_created", "crm_synced"},
             {{"score", "max"}, {"interests", "union"}, {"opted_out", "true_wins"}});
  EXPECT_THAT(config.master_rules(),
              ElementsAre(MasterRule::kOldestCreated, MasterRule::kCrmSynced));
  EXPECT_EQ(config.RuleFor(InternField("score")), FieldRule::kMax);
  EXPECT_EQ(config.RuleFor(InternField("interests")), FieldRule::kUnion);
  EXPECT_EQ(config.RuleFor(InternField("opted_out")), FieldRule::kTrueWins);
  EXPECT_EQ(config.RuleFor(InternField("phone")), FieldRule::kMaster);
  for (FieldRule rule :
       {FieldRule::kMaster, FieldRule::kMostRecent, FieldRule::kMax, FieldRule::kMin,
        FieldRule::kLongest, FieldRule::kUnion, FieldRule::kTrueWins}) {
    const auto again = Config({"crm_synced"}, {{"x", std::string(FieldRuleName(rule))}});
    EXPECT_EQ(again.RuleFor(InternField("x")), rule);
  }
}

TEST(SurvivorshipConfigTest, SuggestsTheNearestRuleName) {
  const std::vector<std::string> master = {"crm_sync", "most_complete"};
  const auto config = SurvivorshipConfig::Parse(master, {{"score", "maxx"}});
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.status().code(), Status::Code::kInvalidArgument);
  // Both errors at once, each with its place and a suggestion.
  EXPECT_THAT(config.status().message(),
              HasSubstr("master_rules[0]: unknown master rule \"crm_sync\" (did you mean "
                        "\"crm_synced\"?)"));
  EXPECT_THAT(config.status().message(),
              HasSubstr("field_rules.score: unknown field rule \"maxx\" (did you mean \"max\"?)"));
}

TEST(SurvivorshipConfigTest, ListsTheRulesWhenNothingIsNear) {
  const std::vector<std::string> master = {"newest"};
  const auto config = SurvivorshipConfig::Parse(master, {{"company", "whatever"}});
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(),
              HasSubstr("(expected one of: crm_synced, most_recent_activity, most_complete, "
                        "oldest_created)"));
  EXPECT_THAT(config.status().message(),
              HasSubstr("(expected one of: master, most_recent, max, min, longest, union, "
                        "true_wins)"));
}

TEST(SurvivorshipConfigTest, RejectsAnotherRuleOnComplianceFields) {
  const std::vector<std::string> master = {"crm_synced"};
  for (const char* field : {"opted_out", "is_do_not_email", "is_do_not_call"}) {
    const auto config = SurvivorshipConfig::Parse(master, {{field, "most_recent"}});
    ASSERT_FALSE(config.ok()) << field;
    EXPECT_THAT(config.status().message(), HasSubstr(std::string("field_rules.") + field));
    EXPECT_THAT(config.status().message(), HasSubstr("always uses true_wins"));
  }
}

TEST(SurvivorshipConfigTest, RejectsEmptyRepeatedAndIdEntries) {
  const std::vector<std::string> none;
  auto config = SurvivorshipConfig::Parse(none, {});
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(), HasSubstr("master_rules: the list is empty"));

  const std::vector<std::string> twice = {"most_complete", "crm_synced", "most_complete"};
  config = SurvivorshipConfig::Parse(twice, {{"id", "max"}, {"", "max"}});
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(),
              HasSubstr("master_rules[2]: \"most_complete\" is listed twice"));
  EXPECT_THAT(config.status().message(), HasSubstr("field_rules.id: the survivor always keeps"));
  EXPECT_THAT(config.status().message(), HasSubstr("field_rules: an empty field name"));
}

// --- Master rules -------------------------------------------------------------------------------

TEST(MasterRuleTest, CrmSyncedWinsAndContactBeatsLead) {
  const std::vector<Record> cluster =
      Cluster(Prospect("1", {{"last_activity_at", T("2025-01-01 00:00:00")}}),
              Prospect("2", {{"crm_lead_fid", T("00Q000000000001")}}),
              Prospect("3", {{"crm_contact_fid", T("003000000000001")}}));
  const auto result = Merge(cluster);
  EXPECT_EQ(result.master, 2u);
  EXPECT_EQ(result.master_id, "3");
  EXPECT_EQ(result.decided_by, "crm_synced");
  EXPECT_THAT(result.losers, ElementsAre(1u, 0u));  // the lead ranks ahead of the unsynced one
  EXPECT_THAT(result.loser_ids, ElementsAre("2", "1"));
}

TEST(MasterRuleTest, APreviousRunsMasterStaysAndTheOthersRankAsUsual) {
  const std::vector<Record> cluster =
      Cluster(Prospect("1", {{"crm_lead_fid", T("00Q000000000001")}}),
              Prospect("2", {{"crm_contact_fid", T("003000000000001")}}),
              Prospect("3", {}));
  std::vector<const Record*> members;
  for (const Record& r : cluster) members.push_back(&r);
  auto kept = Survive(members, SurvivorshipConfig(), 2);
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(kept->master_id, "3");
  EXPECT_EQ(kept->decided_by, "previous_run");
  EXPECT_THAT(kept->loser_ids, ElementsAre("2", "1"));
  auto fresh = Survive(members, SurvivorshipConfig(), std::nullopt);
  EXPECT_EQ(fresh->master_id, "2");
  EXPECT_EQ(Survive(members, SurvivorshipConfig(), 7)->master_id, "2") << "not a member: ignored";
}

TEST(MasterRuleTest, MostRecentActivityFallsBackToUpdatedAt) {
  const std::vector<Record> cluster = Cluster(
      Prospect("1", {{"last_activity_at", T("2024-03-01 10:00:00")}}),
      // No activity, but updated later than member 1's activity.
      Prospect("2", {{"updated_at", T("2024-03-02T00:00:00Z")}}),
      // Activity unparsable: its updated_at counts.
      Prospect("3", {{"last_activity_at", T("soon")}, {"updated_at", T("2024-01-01 00:00:00")}}));
  const auto result = Merge(cluster);
  EXPECT_EQ(result.master_id, "2");
  EXPECT_EQ(result.decided_by, "most_recent_activity");
  EXPECT_THAT(result.loser_ids, ElementsAre("1", "3"));
}

TEST(MasterRuleTest, UnparsableTimestampsLoseToParsableOnes) {
  const std::vector<Record> cluster =
      Cluster(Prospect("1", {{"last_activity_at", T("31/12/2099")}, {"created_at", T("never")}}),
              Prospect("2", {{"last_activity_at", T("2001-01-01 00:00:00")},
                             {"created_at", T("2020-01-01 00:00:00")}}));
  EXPECT_EQ(Merge(cluster).master_id, "2");
  EXPECT_EQ(Merge(cluster, Config({"oldest_created"})).master_id, "2");
}

TEST(MasterRuleTest, MostCompleteCountsNonEmptyFields) {
  const std::vector<Record> cluster = Cluster(
      Prospect("1", {{"first_name", T("Ana")}, {"company", T("")}, {"phone", Value::Null()}}),
      Prospect("2", {{"first_name", T("Ana")}, {"company", T("Acme")}}));
  const auto result = Merge(cluster);
  EXPECT_EQ(result.master_id, "2");
  EXPECT_EQ(result.decided_by, "most_complete");
}

TEST(MasterRuleTest, OldestCreatedBreaksTheRemainingTie) {
  const std::vector<Record> cluster =
      Cluster(Prospect("1", {{"created_at", T("2022-06-01 00:00:00")}}),
              Prospect("2", {{"created_at", T("2021-06-01T00:00:00+00:00")}}));
  const auto result = Merge(cluster);
  EXPECT_EQ(result.master_id, "2");
  EXPECT_EQ(result.decided_by, "oldest_created");
}

TEST(MasterRuleTest, RulesApplyInTheConfiguredOrder) {
  // 1 is synced; 2 has the latest activity; 3 is the most complete; 4 is the oldest.
  const std::vector<Record> cluster = Cluster(
      Prospect("1", {{"crm_lead_fid", T("00Q1")}, {"created_at", T("2020-01-01 00:00:00")}}),
      Prospect("2", {{"last_activity_at", T("2025-01-01 00:00:00")},
                     {"created_at", T("2020-01-01 00:00:00")}}),
      Prospect("3", {{"a", T("x")},
                     {"b", T("x")},
                     {"c", T("x")},
                     {"d", T("x")},
                     {"created_at", T("2020-01-01 00:00:00")}}),
      Prospect("4", {{"created_at", T("2010-01-01 00:00:00")}}));
  EXPECT_EQ(Merge(cluster).master_id, "1");
  EXPECT_EQ(Merge(cluster, Config({"most_recent_activity", "crm_synced"})).master_id, "2");
  EXPECT_EQ(Merge(cluster, Config({"most_complete", "crm_synced"})).master_id, "3");
  EXPECT_EQ(Merge(cluster, Config({"oldest_created", "crm_synced"})).master_id, "4");
}

TEST(MasterRuleTest, FullTieGoesToTheSmallestNumericId) {
  // Numeric order, not text order: 9 < 10; a non-numeric id ranks after numeric ones.
  const std::vector<Record> cluster =
      Cluster(Prospect("10", {{"email", T("a@x.com")}}), Prospect("abc", {{"email", T("a@x.com")}}),
              Prospect("9", {{"email", T("a@x.com")}}));
  const auto result = Merge(cluster);
  EXPECT_EQ(result.master_id, "9");
  EXPECT_EQ(result.decided_by, kLowestIdTieBreak);
  EXPECT_THAT(result.loser_ids, ElementsAre("10", "abc"));
}

TEST(MasterRuleTest, ChoiceDoesNotDependOnClusterOrder) {
  std::vector<Record> cluster = Cluster(
      Prospect("5", {{"crm_contact_fid", T("0031")}, {"updated_at", T("2024-01-01 00:00:00")}}),
      Prospect("6", {{"crm_contact_fid", T("0032")}, {"updated_at", T("2024-02-01 00:00:00")}}),
      Prospect("7", {{"updated_at", T("2025-02-01 00:00:00")}}));
  EXPECT_EQ(Merge(cluster).master_id, "6");
  std::swap(cluster[0], cluster[2]);
  const auto result = Merge(cluster);
  EXPECT_EQ(result.master_id, "6");
  EXPECT_EQ(result.master, 1u);
  EXPECT_THAT(result.loser_ids, ElementsAre("5", "7"));
}

TEST(MasterRuleTest, ReadsTheIdFieldWhenTheRecordHasNoId) {
  Record a;
  a.Load(IdField(), Value::Json("42"));
  Record b;
  b.Load(IdField(), Value::Json("41"));
  const std::vector<Record> cluster = Cluster(std::move(a), std::move(b));
  EXPECT_EQ(Merge(cluster).master_id, "41");
}

// --- Rejected clusters --------------------------------------------------------------------------

TEST(SurviveTest, RejectsEmptyAndSingleMemberClusters) {
  const std::vector<Record> none;
  auto result = Survive(none, SurvivorshipConfig());
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), Status::Code::kInvalidArgument);
  EXPECT_THAT(result.status().message(), HasSubstr("at least two prospects, got 0"));

  const std::vector<Record> one = Cluster(Prospect("1", {}));
  result = Survive(one, SurvivorshipConfig());
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(result.status().message(), HasSubstr("at least two prospects, got 1"));
}

TEST(SurviveTest, RejectsARepeatedOrMissingId) {
  const std::vector<Record> twice =
      Cluster(Prospect("7", {}), Prospect("8", {}), Prospect("7", {}));
  auto result = Survive(twice, SurvivorshipConfig());
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(result.status().message(), HasSubstr("prospect 7 appears twice"));

  const std::vector<Record> anonymous = Cluster(Prospect("7", {}), Record());
  result = Survive(anonymous, SurvivorshipConfig());
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(result.status().message(), HasSubstr("cluster member 1 has no prospect id"));
}

TEST(SurviveTest, AcceptsPointersIntoALargerStore) {
  const std::vector<Record> store =
      Cluster(Prospect("1", {}), Prospect("2", {}), Prospect("3", {}));
  const std::vector<const Record*> cluster = {&store[2], &store[0]};
  const auto result = Survive(cluster, SurvivorshipConfig());
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->master_id, "1");
  EXPECT_EQ(result->master, 1u);
}

// --- Field rules --------------------------------------------------------------------------------

TEST(FieldRuleTest, MasterThenMostRecent) {
  const std::vector<Record> cluster = Cluster(
      Prospect("1", {{"crm_contact_fid", T("0031")}, {"company", T("Acme")}, {"phone", T("")}}),
      Prospect("2", {{"company", T("Acme Corp")},
                     {"phone", T("+1 555 0100")},
                     {"updated_at", T("2024-01-01 00:00:00")}}),
      Prospect("3", {{"company", T("ACME Inc")},
                     {"phone", T("+1 555 0199")},
                     {"updated_at", T("2024-06-01 00:00:00")}}));
  const auto result = Merge(cluster);
  ASSERT_EQ(result.master_id, "1");
  EXPECT_EQ(ValueOf(result, "company").value, T("Acme"));
  EXPECT_EQ(ValueOf(result, "company").source_id, "1");
  EXPECT_FALSE(ValueOf(result, "company").changed);
  // The master's phone is empty: the most recently updated member's survives.
  EXPECT_EQ(ValueOf(result, "phone").value, T("+1 555 0199"));
  EXPECT_EQ(ValueOf(result, "phone").source_id, "3");
  EXPECT_EQ(ValueOf(result, "phone").rule, FieldRule::kMaster);
}

TEST(FieldRuleTest, MostRecentIgnoresEmptyValuesAndUnparsableDates) {
  const std::vector<Record> cluster =
      Cluster(Prospect("1", {{"crm_contact_fid", T("0031")},
                             {"job_title", T("CTO")},
                             {"updated_at", T("2023-01-01 00:00:00")}}),
              Prospect("2", {{"job_title", T("")}, {"updated_at", T("2025-01-01 00:00:00")}}),
              Prospect("3", {{"job_title", T("Chief Technology Officer")},
                             {"updated_at", T("2024-01-01 00:00:00")}}),
              Prospect("4", {{"job_title", T("Intern")}, {"updated_at", T("garbage")}}));
  const auto result = Merge(cluster, Config({"crm_synced"}, {{"job_title", "most_recent"}}));
  EXPECT_EQ(ValueOf(result, "job_title").value, T("Chief Technology Officer"));
  EXPECT_EQ(ValueOf(result, "job_title").source_id, "3");
  EXPECT_EQ(ValueOf(result, "job_title").rule, FieldRule::kMostRecent);
}

TEST(FieldRuleTest, MaxIsNumericWhenAllValuesAreNumbers) {
  // As text "9" > "120"; as numbers 120 wins. JSON numbers and text numbers mix.
  const std::vector<Record> cluster =
      Cluster(Prospect("1", {{"crm_contact_fid", T("0031")}, {"score", Value::Json("9")}}),
              Prospect("2", {{"score", T("120")}}), Prospect("3", {{"score", T("-4.5")}}),
              Prospect("4", {{"score", T("")}}));
  auto result = Merge(cluster, Config({"crm_synced"}, {{"score", "max"}}));
  EXPECT_EQ(ValueOf(result, "score").value, T("120"));
  EXPECT_EQ(ValueOf(result, "score").source_id, "2");
  result = Merge(cluster, Config({"crm_synced"}, {{"score", "min"}}));
  EXPECT_EQ(ValueOf(result, "score").value, T("-4.5"));
  EXPECT_EQ(ValueOf(result, "score").rule, FieldRule::kMin);
}

TEST(FieldRuleTest, MaxAndMinFallBackToTextWhenAnyValueIsNotANumber) {
  const std::vector<Record> cluster =
      Cluster(Prospect("1", {{"crm_contact_fid", T("0031")}, {"grade", T("9")}}),
              Prospect("2", {{"grade", T("120")}}), Prospect("3", {{"grade", T("A")}}));
  auto result = Merge(cluster, Config({"crm_synced"}, {{"grade", "max"}}));
  EXPECT_EQ(ValueOf(result, "grade").value, T("A"));
  result = Merge(cluster, Config({"crm_synced"}, {{"grade", "min"}}));
  EXPECT_EQ(ValueOf(result, "grade").value, T("120"));
}

TEST(FieldRuleTest, TiesGoToTheMaster) {
  const std::vector<Record> cluster =
      Cluster(Prospect("2", {{"score", T("50")}, {"nickname", T("Bobby")}}),
              Prospect("1", {{"score", T("50.0")}, {"nickname", T("Rob")}}));
  // Full tie: prospect 1 is the master.
  const auto result =
      Merge(cluster, Config({"crm_synced"}, {{"score", "max"}, {"nickname", "longest"}}));
  ASSERT_EQ(result.master_id, "1");
  EXPECT_EQ(ValueOf(result, "score").source_id, "1");
  EXPECT_FALSE(ValueOf(result, "score").changed);
  EXPECT_EQ(ValueOf(result, "nickname").value, T("Bobby"));
}

TEST(FieldRuleTest, LongestCountsCodePointsNotBytes) {
  // "ÆØÅÆØÅ" is 12 bytes but 6 code points; "abcdefgh" is 8.
  const std::vector<Record> cluster =
      Cluster(Prospect("1", {{"crm_contact_fid", T("0031")}, {"company", T("ÆØÅÆØÅ")}}),
              Prospect("2", {{"company", T("abcdefgh")}}), Prospect("3", {{"company", T("")}}));
  const auto result = Merge(cluster, Config({"crm_synced"}, {{"company", "longest"}}));
  EXPECT_EQ(ValueOf(result, "company").value, T("abcdefgh"));
  EXPECT_EQ(ValueOf(result, "company").rule, FieldRule::kLongest);
}

TEST(FieldRuleTest, UnionOfListsKeepsRankOrderWithoutRepeats) {
  const std::vector<Record> cluster = Cluster(
      Prospect("1", {{"crm_contact_fid", T("0031")}, {"interests", Value::List({"CRM", "Email"})}}),
      Prospect("2", {{"interests", Value::List({"Email", "Events", " "})}}),
      Prospect("3", {{"interests", Value::List({"CRM"})}}),
      Prospect("4", {{"interests", T("Webinars; Events")}}));
  const auto result = Merge(cluster, Config({"crm_synced"}, {{"interests", "union"}}));
  const SurvivingValue& v = ValueOf(result, "interests");
  EXPECT_EQ(v.value, Value::List({"CRM", "Email", "Events", "Webinars"}));
  EXPECT_EQ(v.rule, FieldRule::kUnion);
  EXPECT_EQ(v.source_id, "1");
  // Prospect 3 added nothing new.
  EXPECT_THAT(v.contributors, ElementsAre(0u, 1u, 3u));
  EXPECT_TRUE(v.changed);
}

TEST(FieldRuleTest, UnionOfSemicolonTextStaysText) {
  const std::vector<Record> cluster =
      Cluster(Prospect("1", {{"crm_contact_fid", T("0031")}, {"tags", T("vip;Café")}}),
              Prospect("2", {{"tags", T("café ; vip;;東京")}}));
  const auto result = Merge(cluster, Config({"crm_synced"}, {{"tags", "union"}}));
  // Items compare exactly: "Café" and "café" are both kept.
  EXPECT_EQ(ValueOf(result, "tags").value, T("vip;Café;café;東京"));
}

TEST(FieldRuleTest, UnionWithNothingNewKeepsTheMastersValueVerbatim) {
  const std::vector<Record> cluster =
      Cluster(Prospect("1", {{"crm_contact_fid", T("0031")}, {"tags", T("a ; b")}}),
              Prospect("2", {{"tags", T("b")}}));
  const auto result = Merge(cluster, Config({"crm_synced"}, {{"tags", "union"}}));
  EXPECT_EQ(ValueOf(result, "tags").value, T("a ; b"));
  EXPECT_FALSE(ValueOf(result, "tags").changed);
  EXPECT_THAT(ValueOf(result, "tags").contributors, IsEmpty());
  EXPECT_THAT(result.changes, IsEmpty());
}

TEST(FieldRuleTest, UnionWhenOnlyALoserHasItems) {
  const std::vector<Record> cluster =
      Cluster(Prospect("1", {{"crm_contact_fid", T("0031")}}), Prospect("2", {{"tags", T("b;a")}}));
  const auto result = Merge(cluster, Config({"crm_synced"}, {{"tags", "union"}}));
  EXPECT_EQ(ValueOf(result, "tags").value, T("b;a"));
  EXPECT_EQ(ValueOf(result, "tags").source_id, "2");
  EXPECT_THAT(ValueOf(result, "tags").contributors, ElementsAre(1u));
}

TEST(FieldRuleTest, OptedOutOnALoserSurvives) {
  const std::vector<Record> cluster = Cluster(Prospect("1", {{"crm_contact_fid", T("0031")},
                                                             {"opted_out", Value::Json("false")},
                                                             {"is_do_not_email", T("0")},
                                                             {"is_do_not_call", T("")}}),
                                              Prospect("2", {{"opted_out", Value::Json("true")},
                                                             {"is_do_not_email", T("false")},
                                                             {"is_do_not_call", T("Yes")}}),
                                              Prospect("3", {{"is_do_not_email", T(" TRUE ")}}));
  const auto result = Merge(cluster);
  ASSERT_EQ(result.master_id, "1");
  EXPECT_EQ(ValueOf(result, "opted_out").value, Value::Json("true"));
  EXPECT_EQ(ValueOf(result, "opted_out").source_id, "2");
  EXPECT_EQ(ValueOf(result, "opted_out").rule, FieldRule::kTrueWins);
  EXPECT_EQ(ValueOf(result, "is_do_not_email").value, T(" TRUE "));
  EXPECT_EQ(ValueOf(result, "is_do_not_email").source_id, "3");
  EXPECT_EQ(ValueOf(result, "is_do_not_call").value, T("Yes"));
  EXPECT_EQ(result.changes.size(), 3u);
}

TEST(FieldRuleTest, TrueWinsAcceptsOneAndKeepsFalseWhenNobodyIsTrue) {
  const std::vector<Record> cluster = Cluster(
      Prospect("1", {{"crm_contact_fid", T("0031")}, {"opted_out", T("0")}, {"vip", T("no")}}),
      Prospect("2", {{"opted_out", T("false")}, {"vip", T("1")}}));
  const auto result = Merge(cluster, Config({"crm_synced"}, {{"vip", "true_wins"}}));
  EXPECT_EQ(ValueOf(result, "opted_out").value, T("0"));
  EXPECT_EQ(ValueOf(result, "opted_out").source_id, "1");
  EXPECT_FALSE(ValueOf(result, "opted_out").changed);
  EXPECT_EQ(ValueOf(result, "vip").value, T("1"));
}

TEST(FieldRuleTest, TrueWinsPrefersTheMastersTrue) {
  const std::vector<Record> cluster =
      Cluster(Prospect("1", {{"crm_contact_fid", T("0031")}, {"opted_out", Value::Json("true")}}),
              Prospect("2", {{"opted_out", T("1")}}));
  const auto result = Merge(cluster);
  EXPECT_EQ(ValueOf(result, "opted_out").source_id, "1");
  EXPECT_THAT(result.changes, IsEmpty());
}

// --- Provenance and changes ---------------------------------------------------------------------

TEST(ProvenanceTest, EveryFieldOfEveryMemberHasASourceAndARule) {
  const std::vector<Record> cluster =
      Cluster(Prospect("1", {{"crm_contact_fid", T("0031")}, {"email", T("ana@acme.com")}}),
              Prospect("2", {{"email", T("ana.p@acme.com")},
                             {"first_name", T("Ana")},
                             {"score", T("40")},
                             {"updated_at", T("2024-01-01 00:00:00")}}));
  const auto result = Merge(cluster, Config({"crm_synced"}, {{"score", "max"}}));
  std::vector<std::string> fields;
  for (const SurvivingValue& v : result.values) fields.push_back(FieldName(v.field));
  // The master's fields first, then the loser's; no `id`.
  EXPECT_THAT(fields, ElementsAre("crm_contact_fid", "email", "first_name", "score", "updated_at"));
  const SurvivingValue& email = ValueOf(result, "email");
  EXPECT_EQ(email.source, 0u);
  EXPECT_EQ(email.source_id, "1");
  EXPECT_EQ(email.rule, FieldRule::kMaster);
  EXPECT_THAT(email.contributors, IsEmpty());  // the source alone
  const SurvivingValue& first_name = ValueOf(result, "first_name");
  EXPECT_EQ(first_name.source, 1u);
  EXPECT_EQ(first_name.source_id, "2");
  EXPECT_EQ(FieldRuleName(first_name.rule), "master");
  EXPECT_EQ(FieldRuleName(ValueOf(result, "score").rule), "max");
}

TEST(ProvenanceTest, ChangesListOnlyFieldsThatDifferFromTheMaster) {
  const std::vector<Record> cluster = Cluster(Prospect("1", {{"crm_contact_fid", T("0031")},
                                                             {"first_name", T("Zoë")},
                                                             {"company", T("")},
                                                             {"score", T("10")},
                                                             {"city", T("München")}}),
                                              Prospect("2", {{"first_name", T("Zoe")},
                                                             {"company", T("Société Générale")},
                                                             {"score", T("70")},
                                                             {"city", T("Munich")}}));
  const auto result = Merge(cluster, Config({"crm_synced"}, {{"score", "max"}}));
  ASSERT_EQ(result.changes.size(), 2u);
  EXPECT_EQ(FieldName(result.changes[0].id), "company");
  EXPECT_EQ(result.changes[0].value, T("Société Générale"));
  EXPECT_EQ(FieldName(result.changes[1].id), "score");
  EXPECT_EQ(result.changes[1].value, T("70"));
  EXPECT_EQ(ValueOf(result, "first_name").value, T("Zoë"));
  EXPECT_EQ(ValueOf(result, "city").value, T("München"));
  EXPECT_FALSE(ValueOf(result, "city").changed);
}

TEST(ProvenanceTest, AFieldEmptyEverywhereIsNoChange) {
  const std::vector<Record> cluster =
      Cluster(Prospect("1", {{"crm_contact_fid", T("0031")}, {"fax", Value::Null()}}),
              Prospect("2", {{"fax", T("")}}));
  const auto result = Merge(cluster);
  EXPECT_EQ(ValueOf(result, "fax").source_id, "1");
  EXPECT_THAT(result.changes, IsEmpty());
}

TEST(ProvenanceTest, InvalidUtf8DoesNotCrash) {
  const std::vector<Record> cluster =
      Cluster(Prospect("1", {{"crm_contact_fid", T("\xc3")}, {"company", T("\xff\xfe")}}),
              Prospect("2", {{"company", T("\x80\x80\x80\x80")}, {"tags", T("\xe2\x82;ok")}}));
  const auto result =
      Merge(cluster, Config({"crm_synced"}, {{"company", "longest"}, {"tags", "union"}}));
  EXPECT_EQ(result.master_id, "1");
  EXPECT_EQ(ValueOf(result, "tags").value, T("\xe2\x82;ok"));
}

TEST(ProvenanceTest, ConsecutiveClustersDoNotShareFields) {
  const std::vector<Record> first =
      Cluster(Prospect("1", {{"a", T("x")}, {"b", T("y")}}), Prospect("2", {{"c", T("z")}}));
  const std::vector<Record> second = Cluster(Prospect("3", {{"c", T("w")}}), Prospect("4", {}));
  EXPECT_EQ(Merge(first).values.size(), 3u);
  const auto result = Merge(second);
  ASSERT_EQ(result.values.size(), 1u);
  EXPECT_EQ(ValueOf(result, "c").value, T("w"));
  EXPECT_EQ(ValueOf(result, "c").source_id, "3");
}

TEST(SurviveTest, OneConfigServesManyThreads) {
  const SurvivorshipConfig config = Config({"crm_synced", "oldest_created"}, {{"score", "max"}});
  std::vector<std::thread> threads;
  std::vector<int> right(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&config, &right, t] {
      for (int i = 0; i < 500; ++i) {
        const std::vector<Record> cluster = Cluster(
            Prospect(std::to_string(2 * i + 1), {{"score", T(std::to_string(i + t))}}),
            Prospect(std::to_string(2 * i + 2), {{"score", T("-1")}, {"crm_lead_fid", T("q")}}));
        const auto result = Survive(cluster, config);
        right[t] += result.ok() && result->master == 1 && result->changes.size() == 1 &&
                    result->changes[0].value == T(std::to_string(i + t));
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_THAT(right, ElementsAre(500, 500, 500, 500));
}

}  // namespace
}  // namespace pdc::dedupe
