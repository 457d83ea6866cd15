#include "rules/dedupe/settings.h"

#include <algorithm>
#include <map>

#include "rules/yaml_reader.h"

namespace pdc::dedupe {
namespace {

// Engine messages start with the item they were given ("match group 1: ", "master_rules[0]: ",
// "field_rules.score: "); the config names the item by its place instead.
std::string AfterPrefix(const std::string& message) {
  const auto colon = message.find(": ");
  return colon == std::string::npos ? message : message.substr(colon + 2);
}

}  // namespace

std::string_view SharedEmailPolicyName(SharedEmailPolicy policy) {
  switch (policy) {
    case SharedEmailPolicy::kKeepDistinctCrm:
      return "keep_distinct_crm";
    case SharedEmailPolicy::kMerge:
      return "merge";
    case SharedEmailPolicy::kFlagOnly:
      return "flag_only";
  }
  return "?";
}

std::optional<DedupeSettings> BuildDedupeSettings(const DedupeSpec& spec,
                                                  std::vector<Diagnostic>& errors) {
  const std::size_t errors_before = errors.size();
  auto error = [&errors](const SourceLocation& where, std::string message) {
    errors.push_back({where, std::move(message)});
  };
  DedupeSettings s;
  s.shared_email = spec.shared_email == "merge"       ? SharedEmailPolicy::kMerge
                   : spec.shared_email == "flag_only" ? SharedEmailPolicy::kFlagOnly
                                                      : SharedEmailPolicy::kKeepDistinctCrm;
  const bool keep_distinct_crm = s.shared_email == SharedEmailPolicy::kKeepDistinctCrm;
  s.losers = spec.losers == "delete" ? LoserAction::kDelete : LoserAction::kFlag;
  s.flag_field = spec.flag_field;
  s.flag_list = spec.flag_list;
  if (s.losers == LoserAction::kFlag && s.flag_field.empty() && s.flag_list == 0) {
    error(spec.where,
          "dedupe.losers: `flag` needs a field to set or a list (e.g. field: duplicate_of)");
  }
  s.engine.block_cap = spec.block_cap;
  if (spec.max_shared_phone != 0) s.engine.max_shared_phone = spec.max_shared_phone;
  s.engine.max_cluster = spec.max_cluster;
  s.engine.email_key_field = spec.email_key_field;

  const auto passes = BlockingPassNames();
  for (const auto& [name, where] : spec.block) {
    auto known = std::find(passes.begin(), passes.end(), name) != passes.end();
    std::string canonical = name;
    // DESIGN-style names with a "_key" suffix ("domain_first_initial_last_key").
    if (!known && name.ends_with("_key")) {
      canonical = name.substr(0, name.size() - 4);
      known = std::find(passes.begin(), passes.end(), canonical) != passes.end();
    }
    if (!known) {
      error(where, "dedupe.block: unknown blocking pass \"" + name + "\"" + Suggestion(name, passes));
      continue;
    }
    if (std::find(s.engine.passes.begin(), s.engine.passes.end(), canonical) !=
        s.engine.passes.end()) {
      error(where, "dedupe.block: \"" + name + "\" is listed twice");
      continue;
    }
    s.engine.passes.push_back(canonical);
  }

  if (spec.match.empty()) {
    s.engine.decision = DecisionRule::StandardContact(keep_distinct_crm);
  } else {
    std::vector<DecisionRule::GroupSpec> groups;
    bool bad = false;
    for (const auto& group : spec.match) {
      DecisionRule::GroupSpec g;
      for (const auto& field : group) {
        // One field at a time, so that a mistake is reported where it is.
        DecisionRule::GroupSpec alone;
        alone.fields.emplace_back(field.name, field.threshold);
        if (field.name == "rare_name") {
          // Checked beside the names it needs; the group's own check names a missing one.
          alone.fields.emplace_back("first_name", std::nullopt);
          alone.fields.emplace_back("last_name", std::nullopt);
        }
        if (auto one = DecisionRule::Parse({alone}, false); !one.ok()) {
          error(field.where, "dedupe.match: " + AfterPrefix(one.status().message()));
          bad = true;
          continue;
        }
        g.fields.emplace_back(field.name, field.threshold);
      }
      groups.push_back(std::move(g));
    }
    if (!bad) {
      auto rule = DecisionRule::Parse(groups, keep_distinct_crm);
      if (rule.ok()) {
        s.engine.decision = std::move(*rule);
      } else {
        error(spec.where, "dedupe.match: " + rule.status().message());
      }
    }
  }

  std::vector<std::string> order;
  for (const auto& item : spec.survivor_order) {
    if (auto one = SurvivorshipConfig::Parse(std::span(&item.name, 1), {}); !one.ok()) {
      error(item.where, "dedupe.survivor.order: " + AfterPrefix(one.status().message()));
    } else if (std::find(order.begin(), order.end(), item.name) != order.end()) {
      error(item.where, "dedupe.survivor.order: \"" + item.name + "\" is listed twice");
    } else {
      order.push_back(item.name);
    }
  }
  if (order.empty()) {
    const SurvivorshipConfig defaults;
    for (MasterRule rule : defaults.master_rules()) {
      order.emplace_back(MasterRuleName(rule));
    }
  }
  std::map<std::string, std::string> field_rules;
  for (const auto& f : spec.fields) {
    if (auto one = SurvivorshipConfig::Parse(order, {{f.field, f.rule}}); !one.ok()) {
      error(f.where, "dedupe.fields." + f.field + ": " + AfterPrefix(one.status().message()));
    } else if (!field_rules.emplace(f.field, f.rule).second) {
      error(f.where, "dedupe.fields: " + f.field + " is given twice");
    }
  }
  if (errors.size() != errors_before) return std::nullopt;
  auto survivorship = SurvivorshipConfig::Parse(order, field_rules);
  if (!survivorship.ok()) {
    error(spec.where, "dedupe: " + survivorship.status().message());
    return std::nullopt;
  }
  s.survivorship = std::move(*survivorship);
  return s;
}

}  // namespace pdc::dedupe
