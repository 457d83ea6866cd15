#include "rules/config.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "rules/config_keys.h"
#include "rules/config_loader.h"

namespace pdc {
namespace {

namespace keys = config_keys;

std::string Fnv1a(std::string_view bytes) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ULL;
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
  return out;
}

}  // namespace

void ConfigLoader::Document(const YAML::Node& root) {
  if (!root.IsMap()) {
    y_.Error(root, "a config is a mapping with version, source, rules, sink and tests");
    return;
  }
  y_.CheckMap(root, "the config", keys::kTop);
  if (const auto v = root["version"]) {
    if (auto n = y_.Int(v, "version"); n && *n != 1) {
      y_.Error(v, "version: this pardot-clean reads config version 1, found " + std::to_string(*n));
    }
  } else {
    y_.Error(y_.Where(root), "missing key \"version\" (add `version: 1`)");
  }
  // Plugins first: the rules below may name theirs.
  if (const auto n = root["plugins"]) Plugins(n);
  if (const auto n = root["source"]) Source(n);
  if (const auto n = root["rules"]) {
    for (auto& rule : RuleList(n, "rules")) config_.rules.Append(std::move(rule));
  }
  if (const auto n = root["dedupe"]) Dedupe(n);
  if (const auto n = root["sink"]) Sink(n);
  if (const auto n = root["tests"]) Tests(n);
}

void ConfigLoader::Source(const YAML::Node& node) {
  if (!y_.CheckMap(node, "source", keys::kSource)) return;
  if (node["pardot"] && node["file"]) {
    y_.Error(node, "source: give either pardot or file, not both");
  }
  if (const auto f = node["file"]) config_.file_source = FileEndpoint(f, "source.file");
  if (const auto p = node["pardot"]) Pardot(p);
}

std::optional<FileSourceConfig> ConfigLoader::FileEndpoint(const YAML::Node& node,
                                                           std::string_view what) {
  const std::string name(what);
  if (!y_.CheckMap(node, name, keys::kFile)) return std::nullopt;
  FileSourceConfig file;
  file.where = y_.Where(node);
  if (const auto p = node["path"]) {
    if (auto s = y_.Scalar(p, name + ".path")) file.path = *s;
  } else {
    y_.Error(node, name + ": missing key \"path\"");
  }
  if (const auto f = node["format"]) {
    if (auto s = y_.Choice(f, name + ".format", keys::kFileFormats)) file.format = *s;
  }
  if (const auto d = node["delimiter"]) {
    if (auto s = y_.Scalar(d, name + ".delimiter")) {
      if (s->size() == 1 && (*s)[0] != '"' && (*s)[0] != '\n' && (*s)[0] != '\r') {
        file.delimiter = (*s)[0];
      } else {
        y_.Error(d, name + ".delimiter: expected one character other than a quote or newline");
      }
    }
  }
  return file;
}

void ConfigLoader::Pardot(const YAML::Node& node) {
  if (!y_.CheckMap(node, "source.pardot", keys::kPardot)) return;
  PardotSourceConfig p;
  p.where = y_.Where(node);
  if (const auto v = node["api_version"]) {
    if (auto s = y_.Choice(v, "source.pardot.api_version", keys::kApiVersions)) {
      p.api_version = std::stoi(*s);
    }
  }
  if (const auto v = node["environment"]) {
    if (auto s = y_.Choice(v, "source.pardot.environment", keys::kEnvironments)) p.environment = *s;
  }
  if (const auto v = node["base_url"]) {
    if (auto s = y_.Scalar(v, "source.pardot.base_url")) p.base_url = *s;
  }
  if (const auto v = node["business_unit_id"]) {
    if (auto s = y_.Scalar(v, "source.pardot.business_unit_id")) p.business_unit_id = *s;
  } else {
    y_.Error(node, "source.pardot: missing key \"business_unit_id\"");
  }
  if (const auto v = node["edition"]) {
    if (auto s = y_.Choice(v, "source.pardot.edition", keys::kEditions)) {
      p.edition = *s;
    }
  }
  if (const auto v = node["reserve"]) {
    if (auto n = y_.Int(v, "source.pardot.reserve")) {
      if (*n < 0) y_.Error(v, "source.pardot.reserve: must not be negative");
      p.reserve = *n;
    }
  }
  if (const auto v = node["parallel_pulls"]) {
    if (auto n = y_.Int(v, "source.pardot.parallel_pulls")) {
      if (*n < 1 || *n > keys::kMaxParallelPulls)
        y_.Error(v, "source.pardot.parallel_pulls: 1 to 5 (they share the five slots)");
      p.parallel_pulls = static_cast<int>(*n);
    }
  }
  if (const auto v = node["lists"]) {
    // The static lists whose membership the run reads and may change, as `list_<id>` fields.
    const bool many = v.IsSequence();
    for (std::size_t i = 0; i < (many ? v.size() : 1); ++i) {
      const YAML::Node item = many ? v[i] : v;
      if (auto n = y_.Int(item, "source.pardot.lists")) {
        if (*n <= 0) {
          y_.Error(item, "source.pardot.lists: a list id is a positive number");
        } else if (std::find(p.lists.begin(), p.lists.end(), *n) == p.lists.end()) {
          p.lists.push_back(*n);
        }
      }
    }
  }
  if (const auto f = node["filter"]; f && y_.CheckMap(f, "source.pardot.filter", keys::kFilter)) {
    if (const auto v = f["updated_after"]) {
      if (auto s = y_.Scalar(v, "source.pardot.filter.updated_after")) p.updated_after = *s;
    }
  }
  if (const auto a = node["auth"]; a && y_.CheckMap(a, "source.pardot.auth", keys::kAuth)) {
    if (const auto v = a["access_token"]) {
      if (auto s = y_.Scalar(v, "source.pardot.auth.access_token")) p.auth.access_token = *s;
    }
    if (const auto r = a["refresh"];
        r && y_.CheckMap(r, "source.pardot.auth.refresh", keys::kRefresh)) {
      auto get = [&](const char* key, std::string& out) {
        if (const auto v = r[key]) {
          if (auto s = y_.Scalar(v, std::string("source.pardot.auth.refresh.") + key)) out = *s;
        }
      };
      get("token_url", p.auth.token_url);
      get("client_id", p.auth.client_id);
      get("client_secret", p.auth.client_secret);
      get("refresh_token", p.auth.refresh_token);
    }
  }
  config_.pardot_source = std::move(p);
}

void ConfigLoader::Dedupe(const YAML::Node& node) {
  DedupeSpec d;
  d.where = y_.Where(node);
  if (node.IsNull()) {  // `dedupe:` alone: every default
    config_.dedupe = std::move(d);
    return;
  }
  if (!y_.CheckMap(node, "dedupe", keys::kDedupe)) return;
  if (const auto v = node["shared_email"]) {
    if (auto s = y_.Choice(v, "dedupe.shared_email", keys::kSharedEmail)) {
      d.shared_email = *s;
    }
  }
  auto names = [&](const YAML::Node& list, std::string_view what) {
    std::vector<DedupeSpec::Named> out;
    if (!list.IsSequence() || list.size() == 0) {
      y_.Error(list, std::string(what) + ": expected a non-empty list of names");
      return out;
    }
    for (const auto& item : list) {
      if (auto s = y_.Scalar(item, what)) out.push_back({*s, y_.Where(item)});
    }
    return out;
  };
  if (const auto v = node["block"]) d.block = names(v, "dedupe.block");
  auto count = [&](const char* key, std::size_t& out, long long least) {
    if (const auto v = node[key]) {
      if (auto n = y_.Int(v, std::string("dedupe.") + key)) {
        if (*n < least) {
          y_.Error(v, std::string("dedupe.") + key + ": must be at least " + std::to_string(least));
        } else {
          out = static_cast<std::size_t>(*n);
        }
      }
    }
  };
  count("block_cap", d.block_cap, keys::kLeastDedupeCount);
  count("max_shared_phone", d.max_shared_phone, keys::kLeastDedupeCount);
  count("max_cluster", d.max_cluster, keys::kLeastDedupeCount);
  if (const auto v = node["match"]) d.match = MatchGroups(v);
  if (const auto v = node["survivor"]; v && y_.CheckMap(v, "dedupe.survivor", keys::kSurvivor)) {
    if (const auto order = v["order"]) d.survivor_order = names(order, "dedupe.survivor.order");
  }
  if (const auto v = node["fields"]) {
    if (!v.IsMap()) {
      y_.Error(v,
               "dedupe.fields: expected a mapping of field: rule (master, most_recent, max, "
               "min, longest, union, true_wins)");
    } else {
      for (const auto& kv : v) {
        auto field = y_.Scalar(kv.first, "dedupe.fields");
        auto rule = y_.Scalar(kv.second, "dedupe.fields");
        if (field && rule) d.fields.push_back({*field, *rule, y_.Where(kv.second)});
      }
    }
  }
  if (const auto v = node["losers"]) {
    if (v.IsScalar()) {
      if (auto s = y_.Choice(v, "dedupe.losers", keys::kLoserActions)) d.losers = *s;
    } else if (y_.CheckMap(v, "dedupe.losers", keys::kLosers)) {
      if (const auto a = v["action"]) {
        if (auto s = y_.Choice(a, "dedupe.losers.action", keys::kLoserActions)) d.losers = *s;
      }
      if (const auto f = v["field"]) {
        if (f.IsNull()) {
          d.flag_field.clear();
        } else if (auto s = y_.Scalar(f, "dedupe.losers.field")) {
          d.flag_field = *s;
        }
      }
      if (const auto l = v["list"]) {
        if (auto n = y_.Int(l, "dedupe.losers.list")) {
          if (*n <= 0) y_.Error(l, "dedupe.losers.list: a list id is a positive number");
          d.flag_list = *n;
        }
      }
    }
  }
  if (const auto v = node["email_key_field"]) {
    if (auto s = y_.Scalar(v, "dedupe.email_key_field")) d.email_key_field = *s;
  }
  config_.dedupe = std::move(d);
}

// `match:` is a list of groups; a group is a list of fields, each a name (its default threshold)
// or `name: threshold`.
std::vector<std::vector<DedupeSpec::MatchField>> ConfigLoader::MatchGroups(const YAML::Node& node) {
  std::vector<std::vector<DedupeSpec::MatchField>> groups;
  if (!node.IsSequence() || node.size() == 0) {
    y_.Error(node,
             "dedupe.match: expected a list of groups, e.g. [[email], [first_name: 0.85, "
             "last_name: 0.9, company]]");
    return groups;
  }
  for (const auto& group : node) {
    if (!group.IsSequence() || group.size() == 0) {
      y_.Error(group, "dedupe.match: each group is a non-empty list of fields");
      continue;
    }
    std::vector<DedupeSpec::MatchField> fields;
    for (const auto& item : group) {
      if (item.IsScalar()) {
        if (auto s = y_.Scalar(item, "dedupe.match")) {
          fields.push_back({*s, std::nullopt, y_.Where(item)});
        }
        continue;
      }
      if (!item.IsMap() || item.size() != 1) {
        y_.Error(item, "dedupe.match: a field is `name` or `name: threshold`");
        continue;
      }
      const auto kv = *item.begin();
      auto name = y_.Scalar(kv.first, "dedupe.match");
      auto text = y_.Scalar(kv.second, "dedupe.match");
      if (!name || !text) continue;
      char* end = nullptr;
      const double t = std::strtod(text->c_str(), &end);
      if (text->empty() || end != text->c_str() + text->size() || !(t > 0.0 && t <= 1.0)) {
        y_.Error(kv.second, "dedupe.match: the threshold of " + *name +
                                " must be a number above 0 and at most 1, got \"" + *text + "\"");
        continue;
      }
      fields.push_back({*name, t, y_.Where(kv.first)});
    }
    groups.push_back(std::move(fields));
  }
  return groups;
}

void ConfigLoader::Sink(const YAML::Node& node) {
  if (!y_.CheckMap(node, "sink", keys::kSink)) return;
  if (node["pardot"] && node["file"]) y_.Error(node, "sink: give either pardot or file, not both");
  if (const auto f = node["file"]) config_.sink.file = FileEndpoint(f, "sink.file");
  if (const auto p = node["pardot"]) {
    if (!y_.CheckMap(p, "sink.pardot", keys::kPardotSink)) return;
    config_.sink.pardot_batch = keys::kMaxPardotBatch;
    if (const auto b = p["batch"]) {
      if (auto n = y_.Int(b, "sink.pardot.batch")) {
        if (*n < 1 || *n > keys::kMaxPardotBatch) {
          y_.Error(b, "sink.pardot.batch: Pardot takes 1 to 50 a batch");
        }
        config_.sink.pardot_batch = static_cast<int>(*n);
      }
    }
  }
}

void ConfigLoader::Tests(const YAML::Node& node) {
  if (!node.IsSequence()) {
    y_.Error(node, "tests: expected a list of tests");
    return;
  }
  for (const auto& item : node) {
    if (!y_.CheckMap(item, "a test", keys::kTest)) continue;
    RuleTest test;
    test.where = y_.Where(item);
    if (const auto n = item["name"]) test.name = y_.Scalar(n, "tests.name").value_or("");
    if (item["pair"] && item["cluster"]) {
      y_.Error(item, "a test has either `pair:` or `cluster:`, not both");
      continue;
    }
    const bool ok = item["pair"]      ? PairTest(item, test)
                    : item["cluster"] ? ClusterTest(item, test)
                                      : GivenTest(item, test);
    if (ok) config_.tests.push_back(std::move(test));
  }
}

// Reports each key of `item` that the test's kind does not take; true when there is none.
bool ConfigLoader::OnlyTestKeys(const YAML::Node& item, std::string_view kind,
                                std::initializer_list<std::string_view> refused) {
  bool ok = true;
  for (const auto& kv : item) {
    const std::string key = kv.first.Scalar();
    if (std::find(refused.begin(), refused.end(), key) == refused.end()) continue;
    y_.Error(kv.first, "`" + key + "` does not go with `" + std::string(kind) + "` in a test");
    ok = false;
  }
  return ok;
}

bool ConfigLoader::GivenTest(const YAML::Node& item, RuleTest& test) {
  if (!OnlyTestKeys(item, "given", {"expect_survivor"})) return false;
  if (!item["given"] || !item["expect"]) {
    y_.Error(item,
             "a test needs `given:` (a record) and `expect:` (the fields it must have), "
             "or `pair:` and `expect: match|no_match`, or `cluster:` and "
             "`expect_survivor:`");
    return false;
  }
  test.kind = RuleTest::Kind::kRule;
  test.given = TestRecord(item["given"], "given");
  test.expect = TestRecord(item["expect"], "expect");
  if (const auto f = item["expect_flags"]) {
    test.expect_flags = y_.Strings(f, "expect_flags").value_or(std::vector<std::string>{});
  }
  return true;
}

bool ConfigLoader::PairTest(const YAML::Node& item, RuleTest& test) {
  bool ok = OnlyTestKeys(item, "pair", {"given", "expect_flags", "expect_survivor"});
  test.kind = RuleTest::Kind::kPair;
  ok = TestRecords(item["pair"], "pair", 2, true, test.records) && ok;
  if (const auto e = item["expect"]) {
    if (!e.IsScalar()) {
      y_.Error(e, "expect: a pair test expects `match` or `no_match`");
      ok = false;
    } else if (auto s = y_.Choice(e, "expect", keys::kPairExpect)) {
      test.expect_match = *s == "match";
    } else {
      ok = false;
    }
  } else {
    y_.Error(item, "a pair test needs `expect: match` or `expect: no_match`");
    ok = false;
  }
  return ok;
}

bool ConfigLoader::ClusterTest(const YAML::Node& item, RuleTest& test) {
  bool ok = OnlyTestKeys(item, "cluster", {"given", "expect", "expect_flags"});
  test.kind = RuleTest::Kind::kCluster;
  ok = TestRecords(item["cluster"], "cluster", 2, false, test.records) && ok;
  if (const auto e = item["expect_survivor"]) {
    const std::size_t before = y_.errors();
    test.expect_survivor = TestRecord(e, "expect_survivor");
    ok = ok && y_.errors() == before;
  } else {
    y_.Error(item,
             "a cluster test needs `expect_survivor:` (the fields the survivor must have, "
             "`id` among them if you like)");
    ok = false;
  }
  return ok;
}

// `count` records (exactly when `exact`, else at least), each a mapping of field: value.
bool ConfigLoader::TestRecords(const YAML::Node& node, std::string_view what, std::size_t count,
                               bool exact, std::vector<RuleTest::Fields>& out) {
  const std::string wanted =
      (exact ? "exactly " : "at least ") + std::to_string(count) + " records";
  if (!node.IsSequence()) {
    y_.Error(node, std::string(what) + ": expected a list of " + wanted);
    return false;
  }
  if (exact ? node.size() != count : node.size() < count) {
    y_.Error(node, std::string(what) + ": expected a list of " + wanted + ", got " +
                       std::to_string(node.size()));
    return false;
  }
  const std::size_t before = y_.errors();
  for (const auto& record : node) out.push_back(TestRecord(record, std::string(what) + " record"));
  return y_.errors() == before;
}

std::vector<std::pair<std::string, Value>> ConfigLoader::TestRecord(const YAML::Node& node,
                                                                    std::string_view what) {
  std::vector<std::pair<std::string, Value>> fields;
  if (!node.IsMap()) {
    y_.Error(node, std::string(what) + ": expected a mapping of field: value");
    return fields;
  }
  for (const auto& kv : node) {
    auto name = y_.Scalar(kv.first, what);
    if (!name) continue;
    if (kv.second.IsNull()) {
      fields.emplace_back(*name, Value::Null());
    } else if (kv.second.IsSequence()) {
      auto items = y_.Strings(kv.second, std::string(what) + "." + *name);
      if (items) fields.emplace_back(*name, Value::List(std::move(*items)));
    } else if (auto s = y_.Scalar(kv.second, std::string(what) + "." + *name)) {
      fields.emplace_back(*name, Value::Text(std::move(*s)));
    }
  }
  return fields;
}

EnvLookup ProcessEnvironment() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

LoadResult LoadConfigFromString(std::string_view yaml, const std::string& name,
                                const RuleRegistry& registry, const EnvLookup& env) {
  LoadResult result;
  auto config = std::make_shared<Config>();
  config->path = name;
  config->hash = Fnv1a(yaml);
  YamlReader reader(name, env, result.errors);
  try {
    const YAML::Node root = YAML::Load(std::string(yaml));
    if (!root || root.IsNull()) {
      reader.Error(SourceLocation{name, 1, 1}, "the config is empty (start with `version: 1`)");
    } else {
      ConfigLoader(reader, registry, *config).Document(root);
    }
  } catch (const YAML::Exception& e) {
    reader.Error(reader.Where(e.mark), "YAML syntax error: " + e.msg);
  }
  std::stable_sort(
      result.errors.begin(), result.errors.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.where.line, a.where.column) < std::tie(b.where.line, b.where.column);
      });
  result.dedupe = config->dedupe;
  if (result.errors.empty()) result.config = std::move(config);
  return result;
}

LoadResult LoadConfig(const std::string& path, const RuleRegistry& registry, const EnvLookup& env) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    LoadResult result;
    YamlReader(path, env, result.errors)
        .Error(SourceLocation{path, 0, 0}, "cannot read the config file");
    return result;
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return LoadConfigFromString(bytes.str(), path, registry, env);
}

}  // namespace pdc
