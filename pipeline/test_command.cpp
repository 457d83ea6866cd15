// `test`: runs the `tests:` of a config and shows what does not hold: for a rule test a diff
// of each expectation; for a pair test the decision's verdict, field by field; for a cluster test
// the records left apart, or the survivor's fields that differ. Pair and cluster tests use the
// config's dedupe settings, or the defaults when it has no `dedupe:` section.
#include <algorithm>
#include <iostream>

#include "pipeline/commands.h"
#include "pipeline/dedupe_stage.h"
#include "pipeline/json_text.h"
#include "pipeline/run_common.h"
#include "pipeline/verdict_text.h"
#include "rules/config.h"
#include "rules/dedupe/settings.h"
#include "rules/email_domains.h"

namespace pdc {
namespace {

std::string Show(const Value& v) {
  std::string out;
  AppendJsonValue(out, v);
  return out;
}

bool Same(const Value& expected, const Value& actual) {
  if (expected.is_null()) return actual.is_null();
  if (expected.kind() == Value::Kind::kList || actual.kind() == Value::Kind::kList) {
    return expected == actual;
  }
  // YAML writes numbers and booleans as text; a JSON literal compares by its text.
  return !actual.is_null() && expected.view() == actual.view();
}

Record FromFields(const RuleTest::Fields& fields) {
  Record record;
  for (const auto& [name, value] : fields) {
    const FieldId id = InternField(name);
    if (id == IdField()) record.set_id(std::string(value.view()));
    record.Load(id, value);
  }
  return record;
}

// Runs the chain on `record`; a problem when a rule threw.
bool Clean(const RuleChain& chain, Record& record, std::vector<std::string>& problems) {
  try {
    chain.Apply(record);
  } catch (const std::exception& e) {
    problems.push_back("a rule failed on record " + record.label() + ": " + e.what());
    return false;
  }
  return true;
}

// The differences between what a rule test expects and what the chain produced; empty when it
// passes.
std::vector<std::string> CheckRule(const RuleTest& test, const RuleChain& chain) {
  Record record = FromFields(test.given);
  std::vector<std::string> problems;
  if (!Clean(chain, record, problems)) return problems;
  for (const auto& [name, expected] : test.expect) {
    const Value& actual = record.Get(InternField(name));
    if (!Same(expected, actual)) {
      problems.push_back(name + ": expected " + Show(expected) + ", got " + Show(actual));
    }
  }
  std::vector<std::string> raised;
  if (record.has_log()) {
    for (const Flag& f : record.log()->flags) raised.push_back(f.code);
  }
  for (const auto& code : test.expect_flags) {
    if (std::find(raised.begin(), raised.end(), code) == raised.end()) {
      std::string have;
      for (const auto& r : raised) have += (have.empty() ? "" : ", ") + r;
      problems.push_back("expected flag " + code + ", raised: " + (have.empty() ? "none" : have));
    }
  }
  return problems;
}

// The records of a pair or cluster test, cleaned; ids "1", "2", ... where none is given.
bool CleanRecords(const RuleTest& test, const RuleChain& chain, std::vector<Record>& records,
                  std::vector<std::string>& problems) {
  for (std::size_t i = 0; i < test.records.size(); ++i) {
    Record record = FromFields(test.records[i]);
    if (record.id().empty()) {
      record.set_id(std::to_string(i + 1));
      record.Load(IdField(), Value::Text(record.id()));
    }
    if (!Clean(chain, record, problems)) return false;
    records.push_back(std::move(record));
  }
  return true;
}

std::vector<std::string> CheckPair(const RuleTest& test, const RuleChain& chain,
                                   const dedupe::DedupeSettings& settings) {
  std::vector<std::string> problems;
  std::vector<Record> records;
  if (!CleanRecords(test, chain, records, problems)) return problems;
  LoadEmailData(kEmailClasses);  // the data files load here, so a missing one fails here
  dedupe::LoadNicknames();
  const FieldId email_key = InternField(settings.engine.email_key_field);
  const dedupe::MatchKeys a = dedupe::BuildMatchKeys(records[0], email_key);
  const dedupe::MatchKeys b = dedupe::BuildMatchKeys(records[1], email_key);
  const dedupe::DecisionRule& rule = settings.engine.decision;
  const dedupe::Verdict verdict = rule.Decide(a, b);
  if (verdict.match == test.expect_match) return problems;
  problems.push_back(std::string("expected ") + (test.expect_match ? "match" : "no_match") +
                     ", got " + (verdict.match ? "match" : "no_match"));
  for (const std::string& line : VerdictLines(verdict, rule, a, b)) {
    problems.push_back("  " + line);
  }
  return problems;
}

std::string Ids(const std::vector<Record>& records, const std::vector<std::uint32_t>& members) {
  std::string out;
  for (std::uint32_t m : members) out += (out.empty() ? "" : ", ") + records[m].label();
  return out;
}

std::vector<std::string> CheckCluster(const RuleTest& test, const RuleChain& chain,
                                      const dedupe::DedupeSettings& settings) {
  std::vector<std::string> problems;
  std::vector<Record> records;
  if (!CleanRecords(test, chain, records, problems)) return problems;
  auto found = dedupe::FindDuplicates(records, settings.engine);
  if (!found.ok()) {
    problems.push_back("dedupe failed: " + found.status().message());
    return problems;
  }
  const auto& clusters = found->clustering.clusters;
  if (clusters.size() != 1 || clusters[0].members.size() != records.size()) {
    // The largest cluster (or the first record) is the reference; every other record is shown
    // against its first member, with the decision on that pair.
    std::string shape;
    std::vector<bool> in_main(records.size(), false);
    std::uint32_t anchor = 0;
    std::size_t largest = 0;
    for (const dedupe::Cluster& c : clusters) {
      shape += (shape.empty() ? "[" : ", [") + Ids(records, c.members) + "]";
      if (c.members.size() > largest) largest = c.members.size(), anchor = c.members[0];
    }
    for (const dedupe::Cluster& c : clusters) {
      if (c.members[0] != anchor) continue;
      for (std::uint32_t m : c.members) in_main[m] = true;
    }
    in_main[anchor] = true;
    problems.push_back("expected one cluster of all " + std::to_string(records.size()) +
                       " records, got " + (shape.empty() ? "none" : shape));
    const dedupe::DecisionRule& rule = settings.engine.decision;
    for (std::uint32_t r = 0; r < records.size(); ++r) {
      if (in_main[r]) continue;
      const auto [lo, hi] = std::minmax(r, anchor);
      const bool paired = std::any_of(
          found->blocking.pairs.begin(), found->blocking.pairs.end(),
          [&](const dedupe::CandidatePair& p) { return p.first == lo && p.second == hi; });
      const dedupe::Verdict v = rule.Decide(found->keys[anchor], found->keys[r]);
      problems.push_back("  left apart: " + records[r].label() + " (against " +
                         records[anchor].label() + ": " + VerdictSummary(v, rule) +
                         (paired ? ")" : "; no blocking pass pairs them)"));
    }
    return problems;
  }
  const dedupe::Cluster& cluster = clusters[0];
  if (cluster.review) {
    problems.push_back(cluster.members.size() > settings.engine.max_cluster
                           ? "the cluster goes to review: larger than max_cluster"
                           : "the cluster goes to review: it joins prospects on one email "
                             "address synced to different CRM records");
    return problems;
  }
  std::vector<const Record*> members;
  for (std::uint32_t m : cluster.members) members.push_back(&records[m]);
  auto survived = dedupe::Survive(members, settings.survivorship);
  if (!survived.ok()) {
    problems.push_back("survivorship failed: " + survived.status().message());
    return problems;
  }
  Record& survivor = records[cluster.members[survived->master]];
  const bool flag_only = settings.shared_email == dedupe::SharedEmailPolicy::kFlagOnly &&
                         SharesAddress(cluster, *found);
  if (!flag_only) {
    for (const Field& change : survived->changes) survivor.Set(change.id, change.value, 0);
  }
  for (const auto& [name, expected] : test.expect_survivor) {
    if (InternField(name) == IdField()) {
      if (!Same(expected, Value::Text(survived->master_id))) {
        problems.push_back("survivor: expected id " + Show(expected) + ", got \"" +
                           survived->master_id + "\" (decided by " +
                           std::string(survived->decided_by) + ")");
      }
      continue;
    }
    const Value& actual = survivor.Get(InternField(name));
    if (!Same(expected, actual)) {
      problems.push_back("survivor " + survived->master_id + " " + name + ": expected " +
                         Show(expected) + ", got " + Show(actual));
    }
  }
  return problems;
}

std::string_view KindName(RuleTest::Kind kind) {
  switch (kind) {
    case RuleTest::Kind::kRule:
      return "rule";
    case RuleTest::Kind::kPair:
      return "pair";
    case RuleTest::Kind::kCluster:
      return "cluster";
  }
  return "rule";
}

}  // namespace

int TestCommand(const std::string& path, const CommonOptions& common) {
  const RuleRegistry registry = RuleRegistry::WithBuiltins();
  const std::shared_ptr<Config> loaded = LoadCommandConfig(path, registry);
  if (!loaded) return kExitUsage;
  const Config& config = *loaded;
  const auto settings = DedupeSettingsOrDefaults(config);
  std::size_t passed = 0, failed = 0;
  std::string json = "{\"config\":";
  AppendJsonString(json, path);
  json += ",\"tests\":[";
  for (std::size_t i = 0; i < config.tests.size(); ++i) {
    const RuleTest& test = config.tests[i];
    const auto problems =
        test.kind == RuleTest::Kind::kPair      ? CheckPair(test, config.rules, *settings)
        : test.kind == RuleTest::Kind::kCluster ? CheckCluster(test, config.rules, *settings)
                                                : CheckRule(test, config.rules);
    const std::string title = test.where.str() + (test.name.empty() ? "" : " " + test.name);
    problems.empty() ? ++passed : ++failed;
    if (common.json) {
      json += i ? "," : "";
      json += "{\"at\":";
      AppendJsonString(json, test.where.str());
      json += ",\"name\":";
      AppendJsonString(json, test.name);
      json += ",\"kind\":";
      AppendJsonString(json, KindName(test.kind));
      json +=
          problems.empty() ? ",\"passed\":true,\"problems\":[" : ",\"passed\":false,\"problems\":[";
      for (std::size_t p = 0; p < problems.size(); ++p) {
        json += p ? "," : "";
        AppendJsonString(json, problems[p]);
      }
      json += "]}";
    } else if (!problems.empty()) {
      std::cout << "FAIL " << title << '\n';
      for (const auto& p : problems) std::cout << "    " << p << '\n';
    } else if (!common.quiet) {
      std::cout << "ok   " << title << '\n';
    }
  }
  if (common.json) {
    std::cout << json << "],\"passed\":" << passed << ",\"failed\":" << failed << "}\n";
  } else {
    std::cout << path << ": " << passed << " passed, " << failed << " failed\n";
  }
  if (config.tests.empty() && !common.json) std::cout << "(the config declares no tests)\n";
  return failed == 0 ? kExitOk : kExitTestFailure;
}

}  // namespace pdc
