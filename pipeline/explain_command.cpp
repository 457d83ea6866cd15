// `explain CONFIG ID_A ID_B`: why two prospects match or not. Reads the two prospects from the
// config's source (a file: the first row with each id; Pardot: each read by id) or from --input,
// cleans both through the config's rules, and shows what the dedupe engine sees: each record's
// match keys, each blocking pass's keys and whether they share a block, every field the decision
// compared (level, basis, score), the veto, the group that held and the decision. Blocking keys
// come from dedupe::PassKeys, the function the engine blocks on, so explain cannot drift from it.
//
// Exit 0 when shown, whatever the decision; 2 for config and usage errors (an id that is not in
// the source, an unreadable input); 5 when a rule or the Pardot read fails otherwise.
#include <tbb/parallel_for.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <iostream>
#include <optional>

#include "pipeline/commands.h"
#include "pipeline/journal.h"
#include "pipeline/json_text.h"
#include "pipeline/pardot/puller.h"
#include "pipeline/pardot/writer.h"
#include "pipeline/pardot_connection.h"
#include "pipeline/record_io.h"
#include "pipeline/run_common.h"
#include "pipeline/verdict_text.h"
#include "rules/config.h"
#include "rules/dedupe/settings.h"
#include "rules/email_domains.h"

namespace pdc {
namespace {

using dedupe::MatchField;
using dedupe::MatchKeys;

constexpr const char* kCommand = "explain";

// What failed, with the exit code it gives.
struct Failure {
  int code;
  std::string message;
};

// The two prospects, A then B.
using Prospects = std::array<std::optional<Record>, 2>;

// The first row whose id is each of `ids`, reading until both are found.
std::optional<Failure> ReadFromFile(const std::string& path, const std::string& format,
                                    char delimiter, const std::array<std::string, 2>& ids,
                                    Prospects& found) {
  auto in_format = FormatOf(path, format);
  if (!in_format.ok()) return Failure{kExitUsage, in_format.status().message()};
  auto reader = OpenReader(path, *in_format, {delimiter});
  if (!reader.ok()) return Failure{kExitUsage, reader.status().message()};
  std::vector<Record> batch;
  std::vector<RejectedRow> rejected;
  std::size_t rows = 0;
  while ((!found[0] || !found[1]) && (*reader)->Next(batch, 1024, rejected)) {
    rows += batch.size();
    for (Record& record : batch) {
      for (std::size_t i = 0; i < 2; ++i) {
        if (!found[i] && record.id() == ids[i]) {
          found[i] = std::move(record);
          break;
        }
      }
    }
    batch.clear();
  }
  for (std::size_t i = 0; i < 2; ++i) {
    if (found[i]) continue;
    return Failure{kExitUsage, std::string(i == 0 ? "ID_A" : "ID_B") + ": no prospect with id " +
                                   ids[i] + " in " + path + " (looked at the `id` column of " +
                                   std::to_string(rows) + " rows)"};
  }
  return std::nullopt;
}

// A run's rare_name groups weigh names by how common they are among all its prospects: the same
// count over the whole file (every row cleaned), given to the two prospects' keys.
std::optional<Failure> CountNamesInFile(const std::string& path, const std::string& format,
                                        char delimiter, const Config& config, FieldId email_key,
                                        const std::array<std::string, 2>& ids,
                                        std::array<MatchKeys, 2>& keys) {
  auto in_format = FormatOf(path, format);
  if (!in_format.ok()) return Failure{kExitUsage, in_format.status().message()};
  auto reader = OpenReader(path, *in_format, {delimiter});
  if (!reader.ok()) return Failure{kExitUsage, reader.status().message()};
  std::vector<MatchKeys> all;
  std::array<std::size_t, 2> at{SIZE_MAX, SIZE_MAX};
  std::vector<Record> batch;
  std::vector<RejectedRow> rejected;
  while ((*reader)->Next(batch, 4096, rejected)) {
    const std::size_t base = all.size();
    all.resize(base + batch.size());
    std::string failed;
    tbb::parallel_for(std::size_t{0}, batch.size(), [&](std::size_t i) {
      try {
        config.rules.Apply(batch[i]);
      } catch (const std::exception&) {
        return;  // counted as it stands; the prospects explained are cleaned on their own
      }
      all[base + i] = dedupe::BuildMatchKeys(batch[i], email_key);
    });
    for (std::size_t i = 0; i < batch.size(); ++i) {
      for (std::size_t k = 0; k < 2; ++k) {
        if (at[k] == SIZE_MAX && batch[i].id() == ids[k]) at[k] = base + i;
      }
    }
    batch.clear();
  }
  dedupe::CountNames(all);
  for (std::size_t k = 0; k < 2; ++k) {
    if (at[k] == SIZE_MAX) continue;
    keys[k].names = all[at[k]].names;
  }
  return std::nullopt;
}

// Each prospect read by id through the client's read (two requests, counted in the journal).
std::optional<Failure> ReadFromPardot(const PardotSourceConfig& p, const std::string& journal_path,
                                      const std::array<std::string, 2>& ids, Prospects& found) {
  auto journal = Journal::Open(journal_path);
  if (!journal.ok()) return Failure{kExitUsage, journal.status().message()};
  auto connected = Connect(p, **journal);
  if (!connected.ok()) return Failure{kExitUsage, connected.status().message()};
  pardot::ProspectWriter client(*connected->session, p.api_version);
  std::optional<Failure> failure;
  for (std::size_t i = 0; i < 2 && !failure; ++i) {
    auto read = client.Read(ids[i], pardot::ProspectPuller::DefaultV5Fields());
    if (read.ok()) {
      found[i] = std::move(*read);
      found[i]->set_id(ids[i]);
    } else if (read.status().code() == Status::Code::kNotFound) {
      failure =
          Failure{kExitUsage, std::string(i == 0 ? "ID_A" : "ID_B") + ": no prospect with id " +
                                  ids[i] + " in Pardot business unit " + p.business_unit_id + " (" +
                                  read.status().message() + ")"};
    } else {
      failure = Failure{kExitFault, read.status().message()};
    }
  }
  RunSummary usage;
  RecordApiUsage(*connected, p.business_unit_id, **journal, usage);
  return failure;
}

// The rows of the match-key table: every field the decision can compare, then the keys the
// vetoes read.
std::vector<std::pair<std::string, std::array<std::string, 2>>> KeyRows(
    const std::array<MatchKeys, 2>& keys) {
  std::vector<std::pair<std::string, std::array<std::string, 2>>> rows;
  for (std::size_t f = 0; f < dedupe::kMatchFields; ++f) {
    const auto field = static_cast<MatchField>(f);
    rows.push_back({std::string(dedupe::MatchFieldName(field)), {keys[0][field], keys[1][field]}});
  }
  rows.push_back({"address", {keys[0].address, keys[1].address}});
  rows.push_back({"crm_lead_id", {keys[0].crm_lead_id, keys[1].crm_lead_id}});
  rows.push_back({"crm_contact_id", {keys[0].crm_contact_id, keys[1].crm_contact_id}});
  return rows;
}

enum class Pairing { kPaired, kKeysDiffer, kNoKey, kNotUsed };

std::string_view PairingName(Pairing p) {
  switch (p) {
    case Pairing::kPaired:
      return "paired";
    case Pairing::kKeysDiffer:
      return "keys_differ";
    case Pairing::kNoKey:
      return "no_key";
    case Pairing::kNotUsed:
      return "not_used";
  }
  return "?";
}

struct PassView {
  std::string_view name;
  std::array<std::string, 2> keys;
  Pairing pairing;
};

std::vector<PassView> Passes(const std::array<MatchKeys, 2>& keys,
                             const dedupe::DedupeOptions& engine) {
  const DomainFactsCache domains(kEmailClasses);
  std::array<dedupe::PassKeySet, 2> sets;
  for (std::size_t i = 0; i < 2; ++i) {
    dedupe::PassKeys(keys[i], domains, engine.decision.rare_name_bounds(), sets[i]);
  }
  const auto names = dedupe::BlockingPassNames();
  std::vector<PassView> passes;
  for (std::size_t p = 0; p < names.size(); ++p) {
    // A record can have several keys in a pass; shown is the one they share, else all of them.
    const auto& a = sets[0][p].keys;
    const auto& b = sets[1][p].keys;
    const auto shared = std::find_if(a.begin(), a.end(), [&](const std::string& key) {
      return std::find(b.begin(), b.end(), key) != b.end();
    });
    auto joined = [](const std::vector<std::string>& list) {
      std::string out;
      for (const std::string& key : list) out += (out.empty() ? "" : " | ") + key;
      return out;
    };
    PassView v{names[p], {joined(a), joined(b)}, Pairing::kPaired};
    if (shared != a.end()) v.keys = {*shared, *shared};
    const bool used = engine.passes.empty() || std::find(engine.passes.begin(), engine.passes.end(),
                                                         names[p]) != engine.passes.end();
    if (!used) {
      v.pairing = Pairing::kNotUsed;
    } else if (a.empty() || b.empty()) {
      v.pairing = Pairing::kNoKey;
    } else if (shared == a.end()) {
      v.pairing = Pairing::kKeysDiffer;
    }
    passes.push_back(std::move(v));
  }
  return passes;
}

std::string Shown(const std::string& key) { return key.empty() ? "-" : "\"" + key + "\""; }

void AppendKeyOrNull(std::string& out, const std::string& key) {
  if (key.empty()) {
    out += "null";
  } else {
    AppendJsonString(out, key);
  }
}

struct Explanation {
  std::array<std::string, 2> ids;
  std::string config;
  std::string source;
  bool default_settings = false;
  std::array<MatchKeys, 2> keys;
  std::vector<PassView> passes;
  bool paired = false;
  dedupe::Verdict verdict;
  std::size_t block_cap = 0, max_shared_phone = 0;
  std::string names_counted;  // where rare_name's counts come from; "" when not counted
};

void PrintText(const Explanation& e, const dedupe::DecisionRule& rule) {
  std::printf("explain %s and %s (config %s; prospects from %s)\n", e.ids[0].c_str(),
              e.ids[1].c_str(), e.config.c_str(), e.source.c_str());
  if (e.default_settings) {
    std::printf("dedupe settings: the defaults (the config has no `dedupe:` section)\n");
  }
  std::printf("\nmatch keys, after the rules\n  %-16s %-32s %s\n", "", e.ids[0].c_str(),
              e.ids[1].c_str());
  for (const auto& [name, values] : KeyRows(e.keys)) {
    std::printf("  %-16s %-32s %s\n", name.c_str(), Shown(values[0]).c_str(),
                Shown(values[1]).c_str());
  }
  std::printf("\nblocking passes\n");
  for (const PassView& p : e.passes) {
    std::string what;
    switch (p.pairing) {
      case Pairing::kPaired:
        what = "paired by " + Shown(p.keys[0]);
        break;
      case Pairing::kKeysDiffer:
        what = "not paired: keys differ (" + Shown(p.keys[0]) + " / " + Shown(p.keys[1]) + ")";
        break;
      case Pairing::kNoKey:
        what = "no key (" + Shown(p.keys[0]) + " / " + Shown(p.keys[1]) + ")";
        break;
      case Pairing::kNotUsed:
        what = "not used: not in dedupe.block";
        break;
    }
    std::printf("  %-28s %s\n", std::string(p.name).c_str(), what.c_str());
  }
  std::printf(
      "  (in a full run a block of more than %zu prospects, or a phone shared by more than %zu, "
      "is skipped; a run's report lists the skipped blocks)\n",
      e.block_cap, e.max_shared_phone);
  if (!e.paired) std::printf("  no pass pairs them: a run never compares these two\n");
  std::printf("\ndecision\n");
  const auto lines = VerdictLines(e.verdict, rule, e.keys[0], e.keys[1]);
  for (std::size_t i = 1; i < lines.size(); ++i) std::printf("  %s\n", lines[i].c_str());
  if (lines.size() == 1) std::printf("  no field compared\n");
  if (rule.uses_rare_names() && e.names_counted.empty()) {
    std::printf(
        "  (names are counted only over a file: rare_name holds for no pair of a Pardot source "
        "here, as a run counts them over every prospect it pulls)\n");
  }
  const std::string veto = VetoText(e.verdict);
  std::printf("  veto: %s\n", veto.empty() ? "none" : veto.c_str());
  if (e.verdict.identity == "crm") {
    std::printf("  identity: one CRM lead or contact id, whatever the spellings\n");
  }
  const std::string group = HeldGroup(e.verdict, rule);
  std::printf("  %s\n", group.empty() ? "no group held" : ("group held: " + group).c_str());
  std::printf("%s\n", e.verdict.match ? "MATCH" : "NO MATCH");
}

std::string Json(const Explanation& e, const dedupe::DecisionRule& rule) {
  std::string out = "{\"ids\":[";
  AppendJsonString(out, e.ids[0]);
  out += ",";
  AppendJsonString(out, e.ids[1]);
  out += "],\"config\":";
  AppendJsonString(out, e.config);
  out += ",\"source\":";
  AppendJsonString(out, e.source);
  out += e.default_settings ? ",\"default_settings\":true" : ",\"default_settings\":false";
  out += ",\"records\":[";
  const auto rows = KeyRows(e.keys);
  for (std::size_t i = 0; i < 2; ++i) {
    out += i ? ",{\"id\":" : "{\"id\":";
    AppendJsonString(out, e.ids[i]);
    out += ",\"match_keys\":{";
    for (std::size_t r = 0; r < rows.size(); ++r) {
      out += r ? "," : "";
      AppendJsonString(out, rows[r].first);
      out += ":";
      AppendKeyOrNull(out, rows[r].second[i]);
    }
    out += "}}";
  }
  out += "],\"passes\":[";
  for (std::size_t p = 0; p < e.passes.size(); ++p) {
    out += p ? ",{\"pass\":" : "{\"pass\":";
    AppendJsonString(out, e.passes[p].name);
    out += ",\"keys\":[";
    AppendKeyOrNull(out, e.passes[p].keys[0]);
    out += ",";
    AppendKeyOrNull(out, e.passes[p].keys[1]);
    out += "],\"pairing\":";
    AppendJsonString(out, PairingName(e.passes[p].pairing));
    out += "}";
  }
  out += e.paired ? "],\"paired\":true," : "],\"paired\":false,";
  AppendVerdictJson(out, e.verdict, rule);
  out += ",\"decision\":";
  AppendJsonString(out, e.verdict.match ? "MATCH" : "NO MATCH");
  out += "}";
  return out;
}

}  // namespace

int ExplainCommand(const ExplainOptions& options, const CommonOptions& common) {
  const RuleRegistry registry = RuleRegistry::WithBuiltins();
  const std::shared_ptr<Config> loaded = LoadCommandConfig(options.config, registry);
  if (!loaded) return kExitUsage;
  const Config& config = *loaded;
  const std::array<std::string, 2> ids{options.id_a, options.id_b};
  if (ids[0] == ids[1]) {
    return Fail(kCommand, kExitUsage, "ID_A and ID_B are both " + ids[0] + ": give two prospects");
  }

  Explanation e;
  e.ids = ids;
  e.config = options.config;
  Prospects found;
  std::optional<Failure> failure;
  if (!options.input.empty()) {
    e.source = "file:" + options.input;
    failure = ReadFromFile(options.input, "", ',', ids, found);
  } else if (config.file_source) {
    e.source = "file:" + config.file_source->path;
    failure = ReadFromFile(config.file_source->path, config.file_source->format,
                           config.file_source->delimiter, ids, found);
  } else if (config.pardot_source) {
    e.source = "pardot:" + config.pardot_source->business_unit_id;
    failure = ReadFromPardot(*config.pardot_source, options.journal, ids, found);
  } else {
    return Fail(kCommand, kExitUsage, "no input: give --input FILE or a `source:` in the config");
  }
  if (failure) return Fail(kCommand, failure->code, failure->message);

  const auto settings = DedupeSettingsOrDefaults(config);
  e.default_settings = !config.dedupe_settings;
  e.block_cap = settings->engine.block_cap;
  e.max_shared_phone = settings->engine.max_shared_phone;
  LoadEmailData(kEmailClasses);  // the data files load here, so a missing one fails here
  dedupe::LoadNicknames();
  const FieldId email_key = InternField(settings->engine.email_key_field);
  for (std::size_t i = 0; i < 2; ++i) {
    try {
      config.rules.Apply(*found[i]);
    } catch (const std::exception& ex) {
      return Fail(kCommand, kExitFault, "a rule failed on prospect " + ids[i] + ": " + ex.what());
    }
    e.keys[i] = dedupe::BuildMatchKeys(*found[i], email_key);
  }
  const dedupe::DecisionRule& rule = settings->engine.decision;
  if (rule.uses_rare_names()) {
    if (!options.input.empty() || config.file_source) {
      const std::string& path = options.input.empty() ? config.file_source->path : options.input;
      failure = options.input.empty()
                    ? CountNamesInFile(path, config.file_source->format,
                                       config.file_source->delimiter, config, email_key, ids,
                                       e.keys)
                    : CountNamesInFile(path, "", ',', config, email_key, ids, e.keys);
      if (failure) return Fail(kCommand, failure->code, failure->message);
      e.names_counted = "over the " + std::string(options.input.empty() ? "source" : "input") +
                        " file";
    }
  }
  e.passes = Passes(e.keys, settings->engine);
  e.paired = std::any_of(e.passes.begin(), e.passes.end(),
                         [](const PassView& p) { return p.pairing == Pairing::kPaired; });
  e.verdict = rule.Decide(e.keys[0], e.keys[1]);
  if (common.json) {
    std::cout << Json(e, rule) << '\n';
  } else {
    PrintText(e, rule);
  }
  return kExitOk;
}

}  // namespace pdc
