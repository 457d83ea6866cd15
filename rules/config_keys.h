// The keys and fixed choices of each part of a config, as the loader accepts them. The loader
// (config.cpp, config_rules.cpp) rejects any other key; `pardot-clean schema` builds its JSON
// Schema from the same tables, so that the two cannot drift apart.
#pragma once

#include <string_view>

namespace pdc::config_keys {

inline constexpr std::string_view kTop[] = {"version", "plugins", "source", "rules",
                                            "dedupe",  "sink",    "tests"};
// A `plugins:` item: one kind (native or command) and, for a command, its limits.
inline constexpr std::string_view kPluginKinds[] = {"native", "command"};
inline constexpr std::string_view kPluginItem[] = {"native", "command", "timeout_ms", "processes"};
inline constexpr long long kPluginTimeoutMs[] = {100, 3600000};  // least and most
inline constexpr long long kPluginProcesses[] = {1, 64};
inline constexpr std::string_view kSource[] = {"pardot", "file"};
inline constexpr std::string_view kFile[] = {"path", "format", "delimiter"};
inline constexpr std::string_view kPardot[] = {"api_version",      "environment", "base_url",
                                               "business_unit_id", "auth",        "edition",
                                               "reserve",          "filter",      "parallel_pulls",
                                               "lists"};
inline constexpr std::string_view kAuth[] = {"access_token", "refresh"};
inline constexpr std::string_view kRefresh[] = {"token_url", "client_id", "client_secret",
                                                "refresh_token"};
inline constexpr std::string_view kFilter[] = {"updated_after"};
inline constexpr std::string_view kSink[] = {"pardot", "file"};
inline constexpr std::string_view kPardotSink[] = {"batch"};
inline constexpr std::string_view kDedupe[] = {
    "shared_email", "block",    "block_cap", "max_shared_phone", "max_cluster",
    "match",        "survivor", "fields",    "losers",           "email_key_field"};
inline constexpr std::string_view kSurvivor[] = {"order"};
inline constexpr std::string_view kLosers[] = {"action", "field", "list"};
inline constexpr std::string_view kTest[] = {"name", "given",   "expect",         "expect_flags",
                                             "pair", "cluster", "expect_survivor"};
inline constexpr std::string_view kWhen[] = {"when", "then", "else"};
inline constexpr std::string_view kCondition[] = {
    "field", "is", "equals", "matches", "in", "case_insensitive", "all", "any", "not"};

// Choices, "a|b|c" as YamlReader::Choice takes them.
inline constexpr std::string_view kFileFormats = "csv|jsonl";
inline constexpr std::string_view kApiVersions = "3|4|5";
inline constexpr std::string_view kEnvironments = "production|demo";
inline constexpr std::string_view kEditions = "growth|plus|advanced|premium";
inline constexpr std::string_view kSharedEmail = "keep_distinct_crm|merge|flag_only";
inline constexpr std::string_view kLoserActions = "flag|delete";
inline constexpr std::string_view kEmptiness = "empty|not_empty";  // when: { is: ... }
inline constexpr std::string_view kPairExpect = "match|no_match";

// Bounds the loader enforces on numbers.
inline constexpr long long kMaxParallelPulls = 5;  // they share the five request slots
inline constexpr long long kMaxPardotBatch = 50;   // Pardot's limit per batch request
inline constexpr long long kLeastDedupeCount = 2;  // block_cap, max_shared_phone, max_cluster

}  // namespace pdc::config_keys
