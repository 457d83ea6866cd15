// Config: a parsed and checked pardot-clean YAML file (grammar: DESIGN.md §4, README "Config").
// LoadConfig reports every error at once, each with file:line:col; a config with errors is not
// returned. `${VAR}` and `${VAR:-default}` in scalars are expanded from the environment.
#pragma once

#include <functional>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/chain.h"
#include "rules/registry.h"

namespace pdc {

namespace dedupe {
struct DedupeSettings;
}
class NativePlugin;
class CommandPlugin;

struct Diagnostic {
  SourceLocation where;
  std::string message;
  std::string str() const { return where.str() + ": " + message; }
};

struct FileSourceConfig {
  std::string path;
  std::string format;  // "csv", "jsonl", or "" for "by extension"
  char delimiter = ',';
  SourceLocation where;
};

struct PardotAuthConfig {
  std::string access_token;
  std::string token_url, client_id, client_secret, refresh_token;
};

struct PardotSourceConfig {
  int api_version = 4;
  std::string environment = "production";
  std::string base_url;
  std::string business_unit_id;
  PardotAuthConfig auth;
  std::string edition = "growth";
  long long reserve = 500;
  std::string updated_after;
  int parallel_pulls = 1;  // id ranges pulled at once (they share the five request slots)
  // Static lists whose membership the run reads before it pulls and may change: prospects carry
  // `list_<id>` fields, "1" for members (pipeline/pardot/list_membership.h).
  std::vector<long long> lists;
  SourceLocation where;
};

struct SinkConfig {
  std::optional<FileSourceConfig> file;
  std::optional<int> pardot_batch;
};

// The `dedupe:` section as written (README "Deduplication"). The loader checks its shape and
// every name, with locations; rules/dedupe/settings.h turns it into the engine's settings.
struct DedupeSpec {
  SourceLocation where;
  std::string shared_email = "keep_distinct_crm";  // keep_distinct_crm | merge | flag_only
  struct Named {
    std::string name;
    SourceLocation where;
  };
  std::vector<Named> block;  // blocking passes; empty: all of them
  std::size_t block_cap = 1000;
  std::size_t max_shared_phone = 0;  // 0: the engine's default
  std::size_t max_cluster = 25;
  struct MatchField {
    std::string name;
    std::optional<double> threshold;  // nullopt: the field's default
    SourceLocation where;
  };
  std::vector<std::vector<MatchField>> match;  // empty: the standard contact rule
  std::vector<Named> survivor_order;            // empty: the default order
  struct FieldRuleSpec {
    std::string field, rule;
    SourceLocation where;
  };
  std::vector<FieldRuleSpec> fields;
  std::string losers = "flag";  // flag | delete
  std::string flag_field = "duplicate_of";  // "" with `field: null`: no field is set
  long long flag_list = 0;                  // a list losers are added to (0: none)
  std::string email_key_field = "email_key";
};

// A config test, one of three kinds (README "Config"):
//   kRule     `given` goes through the chain; each `expect` field must then hold that value (null
//             means null or absent); `expect_flags` lists flag codes the record must carry.
//   kPair     `pair`: two records, cleaned, then decided by the dedupe settings' decision;
//             `expect: match | no_match`.
//   kCluster  `cluster`: two or more records, cleaned and deduplicated; they must form one
//             cluster, whose survivor must hold each `expect_survivor` field (`id`: the
//             survivor's prospect id).
// Records of pair and cluster tests without an `id` get "1", "2", ... in order.
struct RuleTest {
  using Fields = std::vector<std::pair<std::string, Value>>;
  enum class Kind { kRule, kPair, kCluster };
  Kind kind = Kind::kRule;
  SourceLocation where;
  std::string name;
  Fields given;
  Fields expect;
  std::vector<std::string> expect_flags;
  std::vector<Fields> records;  // kPair: two; kCluster: two or more
  bool expect_match = false;    // kPair
  Fields expect_survivor;       // kCluster
};

struct Config {
  std::string path;
  std::string hash;  // of the file's bytes, for reports
  int version = 1;
  // The libraries the `plugins:` list loaded, and the registry the rules were checked against:
  // the one LoadConfig was given plus every plugin's rules (for `pardot-clean rules --config`).
  std::vector<std::shared_ptr<const NativePlugin>> plugins;
  std::vector<std::shared_ptr<CommandPlugin>> command_plugins;  // their processes, running
  RuleRegistry registry;
  std::optional<FileSourceConfig> file_source;
  std::optional<PardotSourceConfig> pardot_source;
  RuleChain rules;
  SinkConfig sink;
  std::vector<RuleTest> tests;
  std::optional<DedupeSpec> dedupe;
  // Built from `dedupe` by the run commands (pipeline/run_common.h LoadRunConfig).
  std::shared_ptr<const dedupe::DedupeSettings> dedupe_settings;
};

struct LoadResult {
  std::shared_ptr<Config> config;  // null when there were errors
  std::vector<Diagnostic> errors;
  // The `dedupe:` section as far as it could be read, errors or not (so that its names are
  // checked, and reported, together with every other mistake).
  std::optional<DedupeSpec> dedupe;
};

// Looks up an environment variable; nullopt when unset.
using EnvLookup = std::function<std::optional<std::string>(const std::string&)>;
EnvLookup ProcessEnvironment();

LoadResult LoadConfig(const std::string& path, const RuleRegistry& registry,
                      const EnvLookup& env = ProcessEnvironment());
// The same from text; `name` stands for the file in locations.
LoadResult LoadConfigFromString(std::string_view yaml, const std::string& name,
                                const RuleRegistry& registry,
                                const EnvLookup& env = ProcessEnvironment());

}  // namespace pdc
