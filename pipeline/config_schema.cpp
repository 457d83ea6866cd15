#include "pipeline/config_schema.h"

#include <yaml-cpp/yaml.h>

#include <boost/json.hpp>
#include <charconv>
#include <iostream>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/commands.h"
#include "pipeline/run_common.h"
#include "rules/config.h"
#include "rules/config_keys.h"
#include "rules/dedupe/engine.h"
#include "rules/dedupe/survivorship.h"

namespace pdc {
namespace {

namespace json = boost::json;
namespace keys = config_keys;

// Draft-07 rather than 2020-12: the YAML language server and most editors read it fully.
constexpr std::string_view kDraft = "http://json-schema.org/draft-07/schema#";

json::object Ref(std::string_view definition) {
  return {{"$ref", "#/definitions/" + std::string(definition)}};
}

// `schema` with a description (and room for a default): draft-07 ignores the siblings of a
// "$ref", so a reference is wrapped first.
json::object Described(json::object schema, std::string_view doc) {
  if (schema.contains("$ref")) schema = {{"allOf", json::array{std::move(schema)}}};
  if (!doc.empty()) schema["description"] = doc;
  return schema;
}

json::object Defaulted(json::object schema, std::string_view doc, json::value value) {
  schema = Described(std::move(schema), doc);
  schema["default"] = std::move(value);
  return schema;
}

// Every scalar may be a `${VAR}` (or `${VAR:-default}`) whose value only the loader knows, so
// each typed scalar also accepts one.
json::object OrEnv(json::object schema) {
  return {{"anyOf", json::array{std::move(schema), Ref("env")}}};
}

// Anything YAML writes as a scalar: the loader reads every scalar as text.
json::object Scalar() { return {{"type", json::array{"string", "number", "boolean"}}}; }

json::object Integer(std::optional<long long> least = std::nullopt,
                     std::optional<long long> most = std::nullopt) {
  json::object number{{"type", "integer"}};
  if (least) number["minimum"] = *least;
  if (most) number["maximum"] = *most;
  // A quoted number is read the same.
  json::object text{{"type", "string"}, {"pattern", "^-?[0-9]+$"}};
  return {{"anyOf", json::array{std::move(number), std::move(text), Ref("env")}}};
}

json::object Boolean() {
  // YamlReader::Bool's spellings; YAML 1.1 readers turn the unquoted ones into booleans.
  json::array spelled{"true", "false", "yes", "no", "on", "off"};
  return {{"anyOf", json::array{json::object{{"type", "boolean"}}, json::object{{"enum", spelled}},
                                Ref("env")}}};
}

// One of `names`; a name that reads as an integer (api_version: 4) is also accepted as one.
json::object OneOf(std::span<const std::string_view> names) {
  json::array choices;
  for (const std::string_view name : names) {
    choices.emplace_back(name);
    long long number = 0;
    const char* end = name.data() + name.size();
    if (auto [ptr, ec] = std::from_chars(name.data(), end, number);
        ec == std::errc() && ptr == end && !name.empty()) {
      choices.emplace_back(number);
    }
  }
  return OrEnv({{"enum", std::move(choices)}});
}

// `choices` as YamlReader::Choice takes them: "a|b|c".
json::object Choice(std::string_view choices) { return OneOf(SplitChoices(choices)); }

json::object ListOf(json::object item, std::size_t least = 0) {
  json::object list{{"type", "array"}, {"items", std::move(item)}};
  if (least > 0) list["minItems"] = least;
  return list;
}

// A list of distinct names, at least one.
json::object NameList(std::span<const std::string_view> names) {
  json::object list = ListOf(OneOf(names), 1);
  list["uniqueItems"] = true;
  return list;
}

// A lone item or a list of them, as YamlReader::Strings reads.
json::object ItemOrList(const json::object& item) {
  return {{"anyOf", json::array{item, ListOf(item)}}};
}

json::object Nullable(json::object scalar) {
  return {{"anyOf", json::array{std::move(scalar), json::object{{"type", "null"}}}}};
}

// A mapping whose keys are exactly the loader's table `keys`, each described in `properties`.
json::object Closed(std::span<const std::string_view> keys, json::object properties,
                    std::initializer_list<std::string_view> required = {}) {
  for (const std::string_view key : keys) {
    if (!properties.contains(key)) {
      throw std::logic_error("config schema: no schema for the key \"" + std::string(key) + "\"");
    }
  }
  if (properties.size() != keys.size()) {
    throw std::logic_error("config schema: a property the loader does not accept");
  }
  json::object object{
      {"type", "object"}, {"additionalProperties", false}, {"properties", std::move(properties)}};
  if (required.size() > 0) {
    json::array names;
    for (const std::string_view key : required) names.emplace_back(key);
    object["required"] = std::move(names);
  }
  return object;
}

// An option's default (YAML text in its table) as the JSON the same YAML would convert to.
json::value DefaultOf(OptionType type, const YAML::Node& node) {
  if (node.IsNull()) return nullptr;
  if (node.IsSequence()) {
    json::array items;
    for (const auto& item : node) items.push_back(DefaultOf(OptionType::kString, item));
    return items;
  }
  if (node.IsMap()) {
    json::object map;
    for (const auto& kv : node) map[kv.first.Scalar()] = DefaultOf(OptionType::kValue, kv.second);
    return map;
  }
  const std::string& text = node.Scalar();
  if (type == OptionType::kBool) return text == "true" || text == "yes" || text == "on";
  if (type == OptionType::kInt) return std::stoll(text);
  return json::string(text);
}

json::object OptionSchema(const OptionSpec& option) {
  json::object schema;
  switch (option.type) {
    case OptionType::kString:
      schema = Scalar();
      break;
    case OptionType::kStrings:
      schema = ItemOrList(Scalar());
      break;
    case OptionType::kField:
      schema = Ref("field");
      break;
    case OptionType::kFields:
      schema = ItemOrList(Ref("field"));
      break;
    case OptionType::kBool:
      schema = Boolean();
      break;
    case OptionType::kInt:
      schema = Integer();
      break;
    case OptionType::kChoice:
      schema = Choice(option.choices);
      break;
    case OptionType::kValue:
      schema = Nullable(Scalar());
      break;
    case OptionType::kStringMap:
      schema = {{"type", "object"}, {"additionalProperties", Nullable(Scalar())}};
      break;
  }
  schema = Described(std::move(schema), option.doc);
  if (!option.default_value.empty()) {
    schema["default"] = DefaultOf(option.type, YAML::Load(std::string(option.default_value)));
  }
  return schema;
}

// A rule item: `- name: { options }`, the options checked against the rule's table.
json::object RuleSchemas(const RuleRegistry& registry) {
  json::object rules;
  for (const RuleSpec* spec : registry.all()) {
    json::object options;
    json::array required;
    for (const OptionSpec& option : spec->options) {
      options[option.key] = OptionSchema(option);
      if (option.required) required.emplace_back(option.key);
    }
    json::object rule{{"description", std::string(spec->summary) + " (" + spec->label() + ")"},
                      {"additionalProperties", false},
                      {"properties", std::move(options)}};
    // `- email:` alone takes every default; a rule with a required option needs its mapping.
    if (required.empty()) {
      rule["type"] = json::array{"object", "null"};
    } else {
      rule["type"] = "object";
      rule["required"] = std::move(required);
    }
    rules[spec->name] = std::move(rule);
  }
  return {{"type", "object"},
          {"description", "one rule, `- name: { options }` (`pardot-clean rules` lists them)"},
          {"minProperties", 1},
          {"maxProperties", 1},
          {"additionalProperties", false},
          {"properties", std::move(rules)}};
}

json::object WhenSchema() {
  return Described(Closed(keys::kWhen,
                          {{"when", Ref("condition")},
                           {"then", Described(Ref("rules"), "the rules applied when it holds")},
                           {"else", Described(Ref("rules"), "the rules applied otherwise")}},
                          {"when", "then"}),
                   "rules applied to the records that meet a condition");
}

json::object Requires(std::string_view key) { return {{"required", json::array{key}}}; }

// all/any/not combine conditions (the other keys are then not read); otherwise a field and
// exactly one test of it.
json::object ConditionSchema() {
  json::object schema =
      Closed(keys::kCondition,
             {{"field", Described(Ref("field"), "the field the condition tests")},
              {"is", Described(Choice(keys::kEmptiness), "whether the field is empty")},
              {"equals", Described(Scalar(), "the field equals this value")},
              {"matches", Described(Scalar(), "the field matches this ICU regex")},
              {"in", Described(ItemOrList(Scalar()), "the field equals one of these values")},
              {"case_insensitive", Described(Boolean(), "equals, in and matches ignore case")},
              {"all", Described(ListOf(Ref("condition")), "every condition holds")},
              {"any", Described(ListOf(Ref("condition")), "at least one condition holds")},
              {"not", Described(Ref("condition"), "the condition does not hold")}});
  json::array one_test;
  for (const std::string_view test : {"is", "equals", "matches", "in"}) {
    one_test.push_back(Requires(test));
  }
  json::object field_test = Requires("field");
  field_test["oneOf"] = std::move(one_test);
  schema["anyOf"] = json::array{Requires("all"), Requires("any"), Requires("not"), field_test};
  return schema;
}

json::object FileSchema() {
  json::object delimiter{{"type", "string"}, {"pattern", "^[^\"\\r\\n\\u0080-\\uffff]$"}};
  return Closed(keys::kFile,
                {{"path", Described(Scalar(), "the file to read or write")},
                 {"format", Described(Choice(keys::kFileFormats),
                                      "the file's format (default: by its extension)")},
                 {"delimiter", Described(OrEnv(std::move(delimiter)),
                                         "CSV: the one-character field delimiter (default ,)")}},
                {"path"});
}

json::object PardotSchema() {
  const PardotSourceConfig defaults;
  json::object refresh =
      Closed(keys::kRefresh,
             {{"token_url", Described(Scalar(), "the OAuth token endpoint")},
              {"client_id", Described(Scalar(), "the connected app's consumer key")},
              {"client_secret", Described(Scalar(), "the connected app's consumer secret")},
              {"refresh_token", Described(Scalar(), "a refresh token of the integration user")}});
  json::object auth = Closed(
      keys::kAuth,
      {{"access_token", Described(Scalar(), "a Salesforce OAuth access token")},
       {"refresh", Described(std::move(refresh), "how to get a new token when it expires")}});
  json::object filter =
      Closed(keys::kFilter,
             {{"updated_after", Described(Scalar(), "only prospects updated after this time")}});
  return Closed(
      keys::kPardot,
      {{"api_version",
        Defaulted(Choice(keys::kApiVersions), "the Pardot API version", defaults.api_version)},
       {"environment", Defaulted(Choice(keys::kEnvironments), "production or a demo org",
                                 json::string(defaults.environment))},
       {"base_url", Described(Scalar(), "the API's address (empty: Pardot's own)")},
       {"business_unit_id", Described(Scalar(), "the Pardot business unit (0Uv...)")},
       {"auth", Described(std::move(auth), "credentials; keep secrets in ${VARIABLES}")},
       {"edition", Defaulted(Choice(keys::kEditions), "the edition, for the daily API limit",
                             json::string(defaults.edition))},
       {"reserve",
        Defaulted(Integer(0), "API calls of the daily limit left for others", defaults.reserve)},
       {"filter", Described(std::move(filter), "which prospects to pull")},
       {"parallel_pulls", Defaulted(Integer(1, keys::kMaxParallelPulls),
                                    "id ranges pulled at once (they share the five request slots)",
                                    defaults.parallel_pulls)},
       {"lists", Described(ItemOrList(Integer(1)),
                           "static lists whose membership rules may change (fields list_<id>)")}},
      {"business_unit_id"});
}

json::object SinkSchema() {
  json::object batch = Defaulted(Integer(1, keys::kMaxPardotBatch), "prospects a batch request",
                                 keys::kMaxPardotBatch);
  json::object schema =
      Closed(keys::kSink,
             {{"file", Described(Ref("file"), "write the cleaned prospects to a file")},
              {"pardot", Described(Closed(keys::kPardotSink, {{"batch", std::move(batch)}}),
                                   "write the changes back to Pardot (with `run --apply`)")}});
  schema["maxProperties"] = 1;  // either pardot or file
  return schema;
}

json::object DedupeSchema() {
  const DedupeSpec defaults;
  std::vector<std::string> spelled;  // the blocking passes with the "_key" the loader allows
  for (const std::string_view pass : dedupe::BlockingPassNames()) {
    spelled.emplace_back(pass);
    spelled.push_back(std::string(pass) + "_key");
  }
  std::vector<std::string> fields;  // match fields, with the "?" of a blank that passes
  for (const std::string_view field : dedupe::MatchFieldSpellings()) {
    fields.emplace_back(field);
    fields.push_back(std::string(field) + "?");
  }
  fields.emplace_back(dedupe::kRareNameItem);
  const std::vector<std::string_view> passes(spelled.begin(), spelled.end());
  const std::vector<std::string_view> match_fields(fields.begin(), fields.end());
  json::object threshold{{"type", "number"}, {"exclusiveMinimum", 0}, {"maximum", 1}};
  json::object with_threshold{{"type", "object"},
                              {"minProperties", 1},
                              {"maxProperties", 1},
                              {"propertyNames", OneOf(match_fields)},
                              {"additionalProperties", OrEnv(std::move(threshold))}};
  json::object match_item{{"anyOf", json::array{OneOf(match_fields), std::move(with_threshold)}},
                          {"description", "a field (its default threshold) or `field: threshold`"}};
  json::object losers_map =
      Closed(keys::kLosers,
             {{"action", Described(Choice(keys::kLoserActions), "flag the losers or delete them")},
              {"field",
               Described(Nullable(Scalar()), "the field that gets the survivor's id (null: none)")},
              {"list", Described(Integer(1), "a static list the losers are put on")}});
  json::object losers = Defaulted(
      {{"anyOf", json::array{Choice(keys::kLoserActions), std::move(losers_map)}}},
      "what happens to the prospects merged into a survivor", json::string(defaults.losers));
  json::object schema = Closed(
      keys::kDedupe,
      {{"shared_email",
        Defaulted(Choice(keys::kSharedEmail),
                  "prospects sharing an address: keep those of distinct CRM records apart, "
                  "merge them, or only flag them",
                  json::string(defaults.shared_email))},
       {"block", Described(NameList(passes), "the blocking passes (default: all of them)")},
       {"block_cap", Defaulted(Integer(keys::kLeastDedupeCount),
                               "the largest block compared pair by pair", defaults.block_cap)},
       {"max_shared_phone", Described(Integer(keys::kLeastDedupeCount),
                                      "prospects a phone number may be shared by and still "
                                      "block (default: the engine's)")},
       {"max_cluster", Defaulted(Integer(keys::kLeastDedupeCount), "the largest cluster merged",
                                 defaults.max_cluster)},
       {"match", Described(ListOf(ListOf(std::move(match_item), 1), 1),
                           "groups of fields; a pair matches when every field of one group "
                           "does (default: the standard contact rule)")},
       {"survivor",
        Described(
            Closed(keys::kSurvivor, {{"order", Described(NameList(dedupe::MasterRuleNames()),
                                                         "how the survivor is chosen, in order")}}),
            "which prospect of a cluster survives")},
       {"fields",
        Described({{"type", "object"}, {"additionalProperties", OneOf(dedupe::FieldRuleNames())}},
                  "field: how the survivor's value is chosen")},
       {"losers", std::move(losers)},
       {"email_key_field", Defaulted(Scalar(), "the field holding the email match key",
                                     json::string(defaults.email_key_field))}});
  schema["type"] = json::array{"object", "null"};  // `dedupe:` alone: every default
  return Described(std::move(schema), "deduplication (README \"Deduplication\")");
}

// The keys a kind of test does not take (a `false` schema refuses a key when present).
json::object Without(std::initializer_list<std::string_view> refused) {
  json::object properties;
  for (const std::string_view key : refused) properties[key] = false;
  return properties;
}

json::object TestSchema() {
  json::object records2 = ListOf(Ref("record"), 2);
  records2["maxItems"] = 2;
  json::object schema = Closed(
      keys::kTest,
      {{"name", Described(Scalar(), "the test's name in reports")},
       {"given", Described(Ref("record"), "a record put through the rules")},
       {"expect",
        {{"anyOf", json::array{Ref("record"), Choice(keys::kPairExpect)}},
         {"description",
          "the fields the cleaned record must hold (null: empty), or "
          "match/no_match for a pair"}}},
       {"expect_flags", Described(ItemOrList(Scalar()), "flag codes the record must carry")},
       {"pair", Described(std::move(records2), "two records the dedupe decision compares")},
       {"cluster", Described(ListOf(Ref("record"), 2), "records that must form one cluster")},
       {"expect_survivor", Described(Ref("record"), "the fields the cluster's survivor holds")}});
  json::object given{{"required", json::array{"given", "expect"}},
                     {"properties", Without({"pair", "cluster", "expect_survivor"})}};
  given["properties"].as_object()["expect"] = Ref("record");
  json::object pair{
      {"required", json::array{"pair", "expect"}},
      {"properties", Without({"cluster", "given", "expect_flags", "expect_survivor"})}};
  pair["properties"].as_object()["expect"] = Choice(keys::kPairExpect);
  json::object cluster{{"required", json::array{"cluster", "expect_survivor"}},
                       {"properties", Without({"pair", "given", "expect", "expect_flags"})}};
  schema["anyOf"] = json::array{std::move(given), std::move(pair), std::move(cluster)};
  return schema;
}

json::object Definitions(const RuleRegistry& registry) {
  json::object record{
      {"type", "object"},
      {"description", "field: value (null: empty; a list for a list field)"},
      {"additionalProperties", {{"anyOf", json::array{Nullable(Scalar()), ListOf(Scalar())}}}}};
  return {
      {"env",
       {{"type", "string"},
        {"pattern", "\\$\\{[A-Za-z0-9_]+(:-[^}]*)?\\}"},
        {"description", "a value from the environment: ${VAR} or ${VAR:-default}"}}},
      {"field", {{"type", "string"}, {"minLength", 1}, {"description", "a field name"}}},
      {"record", std::move(record)},
      {"file", FileSchema()},
      {"rules", ListOf(Ref("rule_item"))},
      {"rule_item", {{"anyOf", json::array{Ref("rule"), Ref("when")}}}},
      {"rule", RuleSchemas(registry)},
      {"when", WhenSchema()},
      {"condition", ConditionSchema()},
      {"test", TestSchema()},
  };
}

// A `plugins:` item: `native: PATH`, or `command: [PROGRAM, ARG...]` with its limits.
json::object PluginSchema() {
  json::object item = Closed(
      keys::kPluginItem,
      {{"native", Described(Scalar(),
                            "a rule plugin library (plugins/pdc_plugin.h), from the "
                            "config file's directory when relative")},
       {"command", Described(ItemOrList(Scalar()),
                             "a command plugin: the program and its arguments, run in the "
                             "config file's directory, speaking JSON Lines")},
       {"timeout_ms", Defaulted(Integer(keys::kPluginTimeoutMs[0], keys::kPluginTimeoutMs[1]),
                                "a command plugin: how long it may take over a batch", 10000)},
       {"processes", Described(Integer(keys::kPluginProcesses[0], keys::kPluginProcesses[1]),
                               "a command plugin: processes at most (default: one per core)")}});
  item["oneOf"] = json::array{json::object{{"required", json::array{"native"}}},
                              json::object{{"required", json::array{"command"}}}};
  return item;
}

json::object Schema(const RuleRegistry& registry) {
  json::object source =
      Closed(keys::kSource,
             {{"file", Described(Ref("file"), "read prospects from a CSV or JSON Lines file")},
              {"pardot", Described(PardotSchema(), "pull prospects from Pardot")}});
  source["maxProperties"] = 1;  // either pardot or file
  json::object top =
      Closed(keys::kTop,
             {{"version", Described({{"enum", json::array{1, "1"}}}, "the config format: 1")},
              {"plugins",
               Described(ListOf(PluginSchema()), "rule plugins, loaded before the rules are read")},
              {"source", Described(std::move(source), "where prospects come from")},
              {"rules", Described(Ref("rules"), "the cleaning rules, applied in order")},
              {"dedupe", DedupeSchema()},
              {"sink", Described(SinkSchema(), "where cleaned prospects go")},
              {"tests", Described(ListOf(Ref("test")), "tests `pardot-clean test` runs")}},
             {"version"});
  json::object schema{{"$schema", kDraft},
                      {"title", "pardot-clean config"},
                      {"description", "A pardot-clean YAML config (README \"Config\")."}};
  for (auto& member : top) schema[member.key()] = std::move(member.value());
  schema["definitions"] = Definitions(registry);
  return schema;
}

void Indent(std::string& out, int depth) { out.append(static_cast<std::size_t>(depth) * 2, ' '); }

// Two-space indented JSON, so that the schema reads well in a file.
void Print(std::string& out, const json::value& value, int depth) {
  if (value.is_object() && !value.get_object().empty()) {
    out += "{\n";
    bool first = true;
    for (const auto& member : value.get_object()) {
      if (!first) out += ",\n";
      first = false;
      Indent(out, depth + 1);
      out += json::serialize(json::string(member.key())) + ": ";
      Print(out, member.value(), depth + 1);
    }
    out += '\n';
    Indent(out, depth);
    out += '}';
  } else if (value.is_array() && !value.get_array().empty()) {
    out += "[\n";
    bool first = true;
    for (const auto& item : value.get_array()) {
      if (!first) out += ",\n";
      first = false;
      Indent(out, depth + 1);
      Print(out, item, depth + 1);
    }
    out += '\n';
    Indent(out, depth);
    out += ']';
  } else {
    out += json::serialize(value);
  }
}

}  // namespace

std::string ConfigSchema(const RuleRegistry& registry) {
  std::string out;
  Print(out, Schema(registry), 0);
  out += '\n';
  return out;
}

int SchemaCommand(const std::optional<std::string>& config) {
  std::shared_ptr<Config> loaded;  // holds the plugins whose rules the schema lists
  if (config) {
    loaded = LoadCommandConfig(*config, RuleRegistry::WithBuiltins());
    if (!loaded) return kExitUsage;
  }
  std::cout << ConfigSchema(loaded ? loaded->registry : RuleRegistry::WithBuiltins());
  return kExitOk;
}

}  // namespace pdc
