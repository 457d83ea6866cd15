// End-to-end: `pardot-clean schema` checked by a real JSON Schema validator (python3-jsonschema)
// against the sample configs, and against broken configs the loader rejects too. A missing
// python3, jsonschema or yaml module fails these tests rather than skipping them.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/e2e/process.h"

namespace pdc::e2e {
namespace {

namespace json = boost::json;

// Prints "PATH: ok" or "PATH: invalid: WHY" for each config, after checking the schema itself.
// The YAML goes through JSON as an editor would see it (dates and the like as strings).
const char* kValidate = R"(import json, sys
import jsonschema, yaml
schema = json.load(open(sys.argv[1]))
jsonschema.Draft7Validator.check_schema(schema)
validator = jsonschema.Draft7Validator(schema)
for path in sys.argv[2:]:
    config = json.loads(json.dumps(yaml.safe_load(open(path)), default=str))
    errors = sorted(validator.iter_errors(config), key=lambda e: list(e.absolute_path))
    print(path + (": ok" if not errors else ": invalid: " + errors[0].message))
)";

class SchemaTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const Output r = Shell(CleanBinary() + " schema > schema.json", dir_);
    ASSERT_EQ(r.code, 0) << r.err;
    WriteFile(dir_ / "validate.py", kValidate);
  }

  // The validator's verdict on each config, one line each.
  std::string Validate(const std::vector<std::string>& configs) {
    std::string command = "python3 validate.py schema.json";
    for (const auto& c : configs) command += " '" + c + "'";
    const Output r = Shell(command, dir_);
    EXPECT_EQ(r.code, 0) << "python3 with jsonschema and yaml is needed: " << r.err;
    return r.out;
  }

  TempDir dir_;
};

TEST_F(SchemaTest, PrintsAJsonSchema) {
  const json::value schema = json::parse(ReadFile(dir_ / "schema.json"));
  EXPECT_EQ(schema.at("$schema"), "http://json-schema.org/draft-07/schema#");
  EXPECT_TRUE(schema.at("definitions").as_object().contains("rule"));
}

TEST_F(SchemaTest, TheSampleAndBenchmarkConfigsAreValid) {
  std::vector<std::string> configs = {PDC_SOURCE_DIR "/samples/clean.yaml",
                                      PDC_SOURCE_DIR "/samples/pardot.yaml"};
  for (const auto& entry : std::filesystem::directory_iterator(PDC_SOURCE_DIR "/bench")) {
    if (entry.path().extension() == ".yaml") configs.push_back(entry.path().string());
  }
  const std::string out = Validate(configs);
  for (const auto& config : configs) {
    EXPECT_NE(out.find(config + ": ok\n"), std::string::npos) << out;
  }
}

// Each broken config is refused by the schema and by `pardot-clean validate` alike.
TEST_F(SchemaTest, RefusesWhatTheLoaderRefuses) {
  const std::vector<std::pair<std::string, std::string>> broken = {
      {"misspelt_option", "version: 1\nrules:\n  - email: { lowercase_locale: true }\n"},
      {"unknown_rule", "version: 1\nrules:\n  - emial: {}\n"},
      {"bad_choice", "version: 1\nrules:\n  - fold: { field: company, to: k, key: soundex }\n"},
      {"missing_required", "version: 1\nrules:\n  - set: { field: company }\n"},
      {"two_rules_in_one_item", "version: 1\nrules:\n  - email: {}\n    website: {}\n"},
      {"misspelt_top_key", "version: 1\nrule:\n  - email: {}\n"},
      {"two_tests_in_a_condition",
       "version: 1\nrules:\n  - when: { field: a, is: empty, equals: x }\n"
       "    then: [ { email: {} } ]\n"},
      {"bad_dedupe_name", "version: 1\ndedupe:\n  survivor: { order: [newest] }\n"},
      {"pair_with_given",
       "version: 1\ntests:\n  - pair: [ { a: 1 }, { a: 2 } ]\n    expect: match\n"
       "    given: { a: 1 }\n"},
      {"batch_too_large", "version: 1\nsink:\n  pardot: { batch: 51 }\n"},
      {"no_version", "rules:\n  - email: {}\n"},
  };
  std::vector<std::string> paths;
  for (const auto& [name, yaml] : broken) {
    WriteFile(dir_ / (name + ".yaml"), yaml);
    paths.push_back(name + ".yaml");
    const Output loader = Shell(CleanBinary() + " validate " + name + ".yaml", dir_);
    EXPECT_EQ(loader.code, 2) << name << " is accepted by the loader: " << loader.out;
  }
  const std::string out = Validate(paths);
  for (const auto& path : paths) {
    EXPECT_NE(out.find(path + ": invalid: "), std::string::npos) << out;
  }
  WriteFile(dir_ / "good.yaml", "version: 1\nrules:\n  - email: { lowercase_local: true }\n");
  EXPECT_NE(Validate({"good.yaml"}).find("good.yaml: ok"), std::string::npos);
}

}  // namespace
}  // namespace pdc::e2e
