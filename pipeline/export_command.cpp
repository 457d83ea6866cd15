// `export CONFIG --to FILE`: prospects (optionally through the config's rules) and visitor
// activities from the config's Pardot business unit into a SQLite file or CSV/JSONL files
// (export_target.h), incrementally.
//
// High-water marks live in the journal, per business unit, target and object, and are saved
// after each page is written, so a stopped export (the daily limit: exit 3) goes on from the last
// page with `resume RUN_ID`, and the next export fetches only what is new:
//   prospects           {"updated_after":T,"after_id":N,"seen":S}: the pull in progress asks
//                       for prospects updated after T (one second earlier than T, since Pardot's
//                       bound is strict and a prospect may change again within the second it was
//                       read) with ids above N, in id order; S is the latest updated_at seen.
//                       When the pull completes, the mark becomes {"updated_after":S}. The first
//                       export has no T and takes every prospect.
//   visitor_activities  {"after_id":N}: activities are never updated, so ids above N are all
//                       that is new.
// The requests go through the session and its governor like a run's: five in flight at most,
// and the daily budget counted in the journal.
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>

#include "pipeline/commands.h"
#include "pipeline/export_target.h"
#include "pipeline/journal.h"
#include "pipeline/pardot/activity_puller.h"
#include "pipeline/pardot/puller.h"
#include "pipeline/pardot_connection.h"
#include "pipeline/pardot_source.h"
#include "pipeline/run_common.h"
#include "rules/config.h"

namespace pdc {
namespace json = boost::json;
namespace {

constexpr ExportObject kObjects[] = {ExportObject::kProspects, ExportObject::kVisitorActivities};

std::string Text(const json::object& o, const char* key) {
  const json::value* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : "";
}

long long Number(const json::object& o, const char* key) {
  const json::value* v = o.if_contains(key);
  return v && v->is_int64() ? v->as_int64() : 0;
}

json::object ParseMark(const std::optional<std::string>& text) {
  if (!text) return {};
  json::error_code ec;
  json::value doc = json::parse(*text, ec);
  return !ec && doc.is_object() ? doc.as_object() : json::object();
}

// "2026-11-27 10:00:05" (v3/v4) or "2026-11-27T10:00:05-05:00" (v5) one second earlier, in the
// same form; text in another form is returned as it is.
std::string OneSecondEarlier(const std::string& text) {
  std::tm tm{};
  int year, month, day, hour, minute, second;
  char sep = 0;
  if (text.size() < 19 || std::sscanf(text.c_str(), "%4d-%2d-%2d%c%2d:%2d:%2d", &year, &month, &day,
                                      &sep, &hour, &minute, &second) != 7) {
    return text;
  }
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  tm.tm_hour = hour;
  tm.tm_min = minute;
  tm.tm_sec = second;
  const std::time_t earlier = timegm(&tm) - 1;  // the zone does not matter for one second
  std::tm out{};
  gmtime_r(&earlier, &out);
  char buffer[32];
  const char format[] = {'%', 'Y', '-', '%', 'm', '-', '%', 'd', sep,
                         '%', 'H', ':', '%', 'M', ':', '%', 'S', '\0'};
  std::strftime(buffer, sizeof buffer, format, &out);
  return buffer + text.substr(19);
}

// The options an export was started with, kept as its checkpoint so that `resume` repeats them.
std::string OptionsJson(const ExportOptions& options) {
  json::array objects;
  for (const std::string& o : options.objects) objects.emplace_back(json::string(o));
  return json::serialize(
      json::object{{"to", options.to}, {"clean", options.clean}, {"objects", std::move(objects)}});
}

bool Wanted(const ExportOptions& options, ExportObject object) {
  if (options.objects.empty()) return true;
  return std::find(options.objects.begin(), options.objects.end(),
                   std::string(ExportObjectName(object))) != options.objects.end();
}

struct Export {
  const ExportOptions& options;
  const Config& config;
  Journal& journal;
  pardot::Session& session;
  ExportTarget& target;
  const std::string unit;
  const std::string target_key;  // the target's absolute path
  const int version;
  long long written[2] = {0, 0};
  std::string how[2];  // "full" or "since ...", for people
  int code = kExitOk;
  std::string why;

  bool Stop(const pardot::Classified& outcome, bool auth_failed, const std::string& what) {
    code = ExitCodeOf(outcome, auth_failed);
    why = what + ": ";
    if (outcome.code != 0) why += "Pardot error " + std::to_string(outcome.code) + ": ";
    why += outcome.message;
    return false;
  }
  bool Failed(const Status& st) {
    code = kExitFault;
    why = st.message();
    return false;
  }
  bool SaveMark(ExportObject object, const json::object& mark) {
    const Status st = journal.SaveMark(unit, target_key, std::string(ExportObjectName(object)),
                                       json::serialize(mark));
    return st.ok() || Failed(st);
  }

  bool Prospects() {
    auto stored = journal.Mark(unit, target_key, "prospects");
    if (!stored.ok()) return Failed(stored.status());
    json::object mark = ParseMark(*stored);
    const std::string updated_after = Text(mark, "updated_after");
    std::string seen = Text(mark, "seen");
    how[0] = updated_after.empty() ? "all" : "updated since " + updated_after;
    pardot::PullOptions pull;
    pull.api_version = version;
    pull.after_id = Number(mark, "after_id");
    if (!updated_after.empty()) pull.updated_after = OneSecondEarlier(updated_after);
    pull.v5_fields = pardot::ProspectPuller::DefaultV5Fields();
    for (FieldId id : config.rules.pull_fields()) {
      const std::string& name = FieldName(id);
      if (std::find(pull.v5_fields.begin(), pull.v5_fields.end(), name) == pull.v5_fields.end()) {
        pull.v5_fields.push_back(name);
        pull.v5_optional_fields.push_back(name);
      }
    }
    static const FieldId updated_at = InternField("updated_at");
    pardot::ProspectPuller puller(session, pull);
    while (!puller.done()) {
      auto page = puller.Next();
      if (page.outcome.outcome != pardot::Outcome::kOk) {
        return Stop(page.outcome, page.auth_failed, "exporting prospects");
      }
      std::vector<Record>& records = page.prospects.records;
      if (records.empty()) continue;
      for (const Record& r : records) seen = std::max(seen, r.Get(updated_at).text());
      if (options.clean) config.rules.ApplyBatch(records);
      if (Status st = target.Write(ExportObject::kProspects, records); !st.ok()) return Failed(st);
      written[0] += static_cast<long long>(records.size());
      json::object progress{{"after_id", puller.high_water()}, {"seen", seen}};
      if (!updated_after.empty()) progress["updated_after"] = updated_after;
      if (!SaveMark(ExportObject::kProspects, progress)) return false;
    }
    // Complete: the next export asks for what changed after the latest change seen.
    json::object done;
    if (!seen.empty() || !updated_after.empty()) {
      done["updated_after"] = seen.empty() ? updated_after : seen;
    }
    return SaveMark(ExportObject::kProspects, done);
  }

  bool Activities() {
    auto stored = journal.Mark(unit, target_key, "visitor_activities");
    if (!stored.ok()) return Failed(stored.status());
    const long long after = Number(ParseMark(*stored), "after_id");
    how[1] = after == 0 ? "all" : "ids above " + std::to_string(after);
    pardot::ActivityPuller puller(session, version, after);
    while (!puller.done()) {
      auto page = puller.Next();
      if (page.outcome.outcome != pardot::Outcome::kOk) {
        return Stop(page.outcome, page.auth_failed, "exporting visitor activities");
      }
      const std::vector<Record>& records = page.activities.records;
      if (records.empty()) continue;
      if (Status st = target.Write(ExportObject::kVisitorActivities, records); !st.ok()) {
        return Failed(st);
      }
      written[1] += static_cast<long long>(records.size());
      if (!SaveMark(ExportObject::kVisitorActivities,
                    json::object{{"after_id", puller.high_water()}})) {
        return false;
      }
    }
    return true;
  }
};

std::string StateOf(int code) {
  return code == kExitOk ? "done" : code == kExitDailyLimit ? "stopped_limit" : "failed";
}

}  // namespace

int ExportCommand(const ExportOptions& options, const CommonOptions& common,
                  const std::optional<RunRow>& resumed) {
  const auto started = std::chrono::steady_clock::now();
  for (const std::string& o : options.objects) {
    if (o != ExportObjectName(ExportObject::kProspects) &&
        o != ExportObjectName(ExportObject::kVisitorActivities)) {
      return Fail("export", kExitUsage,
                  "--objects: unknown object \"" + o + "\" (prospects, visitor_activities)");
    }
  }
  const RuleRegistry registry = RuleRegistry::WithBuiltins();
  const std::shared_ptr<Config> loaded = LoadCommandConfig(options.config, registry);
  if (!loaded) return kExitUsage;
  if (!loaded->pardot_source) {
    return Fail("export", kExitUsage, options.config + " has no Pardot source to export from");
  }
  const PardotSourceConfig& p = *loaded->pardot_source;
  auto target = ExportTarget::Open(options.to);
  if (!target.ok()) return Fail("export", kExitUsage, target.status().message());
  auto opened = Journal::Open(options.journal);
  if (!opened.ok()) return Fail("export", kExitUsage, opened.status().message());
  Journal& journal = **opened;
  auto connected = Connect(p, journal);
  if (!connected.ok()) return Fail("export", kExitUsage, connected.status().message());
  PardotConnection& connection = *connected;

  RunRow row;
  if (resumed) {
    row = *resumed;
  } else {
    row.run_id = NewRunId();
    row.kind = "export";
    row.mode = "apply";
    row.config_path = options.config;
    row.config_hash = loaded->hash;
    row.source = "export to " + options.to;
    row.business_unit_id = p.business_unit_id;
    row.api_version = p.api_version;
    row.started_at = UtcNow("%Y-%m-%dT%H:%M:%SZ");
    if (Status st = journal.BeginRun(row); !st.ok())
      return Fail("export", kExitFault, st.message());
    if (Status st = journal.SaveCheckpoint(row.run_id, OptionsJson(options), 0); !st.ok()) {
      return Fail("export", kExitFault, st.message());
    }
  }
  ExportRunRow run;
  run.run_id = row.run_id;
  run.started_at = row.started_at;
  run.business_unit_id = p.business_unit_id;
  run.api_version = p.api_version;
  run.state = "running";
  if (Status st = (*target)->RecordRun(run); !st.ok())
    return Fail("export", kExitFault, st.message());

  Export job{options,
             *loaded,
             journal,
             *connection.session,
             **target,
             p.business_unit_id,
             std::filesystem::absolute(options.to).lexically_normal().string(),
             p.api_version};
  bool going = true;
  if (Wanted(options, ExportObject::kProspects)) going = job.Prospects();
  if (going && Wanted(options, ExportObject::kVisitorActivities)) job.Activities();

  RunSummary summary;
  RecordApiUsage(connection, p.business_unit_id, journal, summary);
  run.finished_at = UtcNow("%Y-%m-%dT%H:%M:%SZ");
  run.state = StateOf(job.code);
  run.prospects = job.written[0];
  run.visitor_activities = job.written[1];
  run.requests = summary.api.requests;
  int code = job.code;
  if (Status st = (*target)->RecordRun(run); !st.ok() && code == kExitOk) {
    code = Fail("export", kExitFault, st.message());
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  json::array files;
  for (const std::string& f : (*target)->Files()) files.emplace_back(json::string(f));
  const json::object totals{{"run_id", row.run_id},
                            {"exit_code", code},
                            {"prospects", job.written[0]},
                            {"visitor_activities", job.written[1]},
                            {"api_requests", summary.api.requests},
                            {"budget_remaining", summary.api.budget_remaining},
                            {"files", files},
                            {"stopped", job.why},
                            {"duration_s", seconds}};
  journal.FinishRun(row.run_id, StateOf(code), code, json::serialize(totals));
  if (code != kExitOk && !job.why.empty()) {
    Fail("export", code,
         job.why + (code == kExitDailyLimit || code == kExitFault
                        ? " (continue with `pardot-clean resume " + row.run_id + "`)"
                        : ""));
  }
  if (common.json) {
    std::cout << json::serialize(totals) << '\n';
  } else if (!common.quiet) {
    std::printf("export %s to %s (v%d):\n", row.run_id.c_str(), options.to.c_str(), p.api_version);
    for (int i = 0; i < 2; ++i) {
      if (!Wanted(options, kObjects[i])) continue;
      std::printf("  %s: %lld (%s)\n", std::string(ExportObjectName(kObjects[i])).c_str(),
                  job.written[i], job.how[i].empty() ? "not reached" : job.how[i].c_str());
    }
    std::printf("  %lld requests, %lld left in today's budget, %.2f s\n", summary.api.requests,
                summary.api.budget_remaining, seconds);
  }
  return code;
}

Result<ExportOptions> ExportOptionsOf(const RunRow& row, const std::string& checkpoint) {
  json::error_code ec;
  const json::value doc = json::parse(checkpoint, ec);
  if (ec || !doc.is_object()) return Status::Parse("export " + row.run_id + ": no options kept");
  const json::object& o = doc.as_object();
  ExportOptions options;
  options.config = row.config_path;
  options.to = Text(o, "to");
  if (const json::value* clean = o.if_contains("clean"); clean && clean->is_bool()) {
    options.clean = clean->as_bool();
  }
  if (const json::value* objects = o.if_contains("objects"); objects && objects->is_array()) {
    for (const json::value& v : objects->as_array()) {
      if (v.is_string()) options.objects.emplace_back(v.as_string());
    }
  }
  return options;
}

}  // namespace pdc
