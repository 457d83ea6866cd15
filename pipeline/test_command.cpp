// `test`: runs the `tests:` of a config through its rule chain and shows a readable diff for
// each expectation that does not hold.
#include <algorithm>
#include <iostream>

#include "pipeline/commands.h"
#include "pipeline/json_text.h"
#include "pipeline/run_common.h"
#include "rules/config.h"

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

// The differences between what a test expects and what the chain produced; empty when it passes.
std::vector<std::string> Check(const RuleTest& test, const RuleChain& chain) {
  Record record;
  for (const auto& [name, value] : test.given) {
    const FieldId id = InternField(name);
    if (id == IdField()) record.set_id(std::string(value.view()));
    record.Load(id, value);
  }
  std::vector<std::string> problems;
  try {
    chain.Apply(record);
  } catch (const std::exception& e) {
    problems.push_back(std::string("a rule failed: ") + e.what());
    return problems;
  }
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

}  // namespace

int TestCommand(const std::string& path, const CommonOptions& common) {
  const RuleRegistry registry = RuleRegistry::WithBuiltins();
  const LoadResult loaded = LoadRunConfig(path, registry);
  if (!loaded.config) {
    for (const auto& error : loaded.errors) std::cerr << error.str() << '\n';
    return kExitUsage;
  }
  const Config& config = *loaded.config;
  std::size_t passed = 0, failed = 0;
  std::string json = "{\"config\":";
  AppendJsonString(json, path);
  json += ",\"tests\":[";
  for (std::size_t i = 0; i < config.tests.size(); ++i) {
    const RuleTest& test = config.tests[i];
    const auto problems = Check(test, config.rules);
    const std::string title = test.where.str() + (test.name.empty() ? "" : " " + test.name);
    problems.empty() ? ++passed : ++failed;
    if (common.json) {
      json += i ? "," : "";
      json += "{\"at\":";
      AppendJsonString(json, test.where.str());
      json += ",\"name\":";
      AppendJsonString(json, test.name);
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
