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
//                       that is new. An export reads the highest id T first and pulls (N, T] in
//                       up to four id ranges at once; until they are all done the mark is
//                       {"ranges":[[after,before],...],"top":T}, each range's place.
// The requests go through the session and its governor like a run's: five in flight at most,
// and the daily budget counted in the journal.
#include <boost/json.hpp>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <ctime>
#include <deque>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <thread>

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
  const std::string format = std::string("%Y-%m-%d") + sep + "%H:%M:%S";
  std::strftime(buffer, sizeof buffer, format.c_str(), &out);
  return buffer + text.substr(19);
}

// The options an export was started with, kept as its checkpoint so that `resume` repeats them.
std::string OptionsJson(const ExportOptions& options) {
  json::array objects, finished;
  for (const std::string& o : options.objects) objects.emplace_back(json::string(o));
  for (const std::string& o : options.finished) finished.emplace_back(json::string(o));
  return json::serialize(json::object{{"to", options.to},
                                      {"clean", options.clean},
                                      {"objects", std::move(objects)},
                                      {"finished", std::move(finished)}});
}

bool Named(const std::vector<std::string>& names, ExportObject object) {
  return std::find(names.begin(), names.end(), std::string(ExportObjectName(object))) !=
         names.end();
}

bool Wanted(const ExportOptions& options, ExportObject object) {
  return options.objects.empty() || Named(options.objects, object);
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
    why = pardot::Describe(what, outcome);
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
    pardot::PullOptions pull = PullOptionsFor(config);
    pull.after_id = Number(mark, "after_id");
    pull.updated_after = updated_after.empty() ? "" : OneSecondEarlier(updated_after);
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

  // Activities in id ranges pulled at once (they share the five request slots), written here as
  // their pages arrive; the mark keeps each range's place until all are done.
  bool Activities() {
    auto stored = journal.Mark(unit, target_key, "visitor_activities");
    if (!stored.ok()) return Failed(stored.status());
    const json::object mark = ParseMark(*stored);
    std::vector<std::pair<long long, long long>> ranges;  // (after, before); before 0: none
    long long top = 0;  // where the next export starts once these ranges are done
    if (const json::value* kept = mark.if_contains("ranges"); kept && kept->is_array()) {
      top = Number(mark, "top");
      for (const json::value& r : kept->as_array()) {
        if (r.is_array() && r.as_array().size() == 2 && r.as_array()[0].is_int64() &&
            r.as_array()[1].is_int64()) {
          ranges.emplace_back(r.as_array()[0].as_int64(), r.as_array()[1].as_int64());
        }
      }
      how[1] = "resumed up to id " + std::to_string(top);
    } else {
      // The first page, in order, shows where the ids start; one more request tells where they
      // end, and what lies between is split.
      const long long after = Number(mark, "after_id");
      how[1] = after == 0 ? "all" : "ids above " + std::to_string(after);
      pardot::ActivityPuller first(session, version, after);
      auto page = first.Next();
      if (page.outcome.outcome != pardot::Outcome::kOk) {
        return Stop(page.outcome, page.auth_failed, "exporting visitor activities");
      }
      if (!WriteActivities(page.activities.records)) return false;
      if (!SaveMark(ExportObject::kVisitorActivities,
                    json::object{{"after_id", first.high_water()}})) {
        return false;
      }
      if (first.done()) return true;
      auto highest = pardot::ActivityPuller::Highest(session, version);
      if (highest.outcome.outcome != pardot::Outcome::kOk) {
        return Stop(highest.outcome, highest.auth_failed, "exporting visitor activities");
      }
      top = std::max(highest.activities.max_id, first.high_water());
      if (first.high_water() == top) {
        return SaveMark(ExportObject::kVisitorActivities, json::object{{"after_id", top}});
      }
      ranges = SplitIds(first.high_water(), top);
    }
    auto save = [&] {
      json::array kept;
      for (const auto& [a, b] : ranges) kept.emplace_back(json::array{a, b});
      return SaveMark(ExportObject::kVisitorActivities,
                      json::object{{"ranges", std::move(kept)}, {"top", top}});
    };
    if (!save()) return false;

    struct Page {
      std::size_t range;
      pardot::ActivityPuller::Page page;
      long long high_water;
    };
    std::mutex mutex;
    std::condition_variable has_page, has_room;
    std::deque<Page> pages;
    std::size_t running = ranges.size();
    bool closing = false;
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < ranges.size(); ++i) {
      threads.emplace_back([&, i] {
        pardot::ActivityPuller puller(session, version, ranges[i].first, ranges[i].second);
        while (!puller.done()) {
          Page page{i, puller.Next(), 0};
          page.high_water = puller.high_water();
          const bool failed = page.page.outcome.outcome != pardot::Outcome::kOk;
          std::unique_lock lock(mutex);
          has_room.wait(lock, [&] { return closing || pages.size() < 2 * ranges.size(); });
          if (closing) break;
          pages.push_back(std::move(page));
          has_page.notify_one();
          if (failed) break;
        }
        std::lock_guard lock(mutex);
        --running;
        has_page.notify_all();
      });
    }
    bool ok = true;
    for (;;) {
      std::unique_lock lock(mutex);
      has_page.wait(lock, [&] { return !pages.empty() || running == 0; });
      if (pages.empty()) break;
      Page page = std::move(pages.front());
      pages.pop_front();
      has_room.notify_one();
      lock.unlock();
      if (page.page.outcome.outcome != pardot::Outcome::kOk) {
        ok = Stop(page.page.outcome, page.page.auth_failed, "exporting visitor activities");
      } else if (!page.page.activities.records.empty()) {
        ok = WriteActivities(page.page.activities.records);
        if (ok) {
          ranges[page.range].first = std::max(ranges[page.range].first, page.high_water);
          ok = save();
        }
      }
      if (!ok) {
        lock.lock();
        closing = true;
        has_room.notify_all();
        break;
      }
    }
    for (std::thread& t : threads) t.join();
    if (!ok) return false;
    return SaveMark(ExportObject::kVisitorActivities, json::object{{"after_id", top}});
  }

  bool WriteActivities(const std::vector<Record>& records) {
    if (records.empty()) return true;
    if (Status st = target.Write(ExportObject::kVisitorActivities, records); !st.ok()) {
      return Failed(st);
    }
    written[1] += static_cast<long long>(records.size());
    return true;
  }

  // (after, top] in up to four ranges of equal width, each worth a few pages at least.
  static std::vector<std::pair<long long, long long>> SplitIds(long long after, long long top) {
    constexpr long long kMostRanges = 4, kLeastIdsARange = 4000;
    const long long span = top - after;
    const long long count = std::clamp(span / kLeastIdsARange, 1LL, kMostRanges);
    const long long width = (span + count - 1) / count;
    std::vector<std::pair<long long, long long>> ranges;
    for (long long i = 0; i < count; ++i) {
      const long long low = after + i * width;
      ranges.emplace_back(low, i + 1 == count ? top + 1 : std::min(low + width + 1, top + 1));
    }
    return ranges;
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
  // Each object in turn; one this export already finished before it was stopped is not
  // fetched again when it is resumed.
  ExportOptions kept = options;
  for (const ExportObject object : kObjects) {
    if (!Wanted(options, object) || Named(kept.finished, object)) continue;
    const bool done = object == ExportObject::kProspects ? job.Prospects() : job.Activities();
    if (!done) break;
    kept.finished.emplace_back(ExportObjectName(object));
    if (Status st = journal.SaveCheckpoint(row.run_id, OptionsJson(kept), 0); !st.ok()) {
      job.Failed(st);
      break;
    }
  }

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
                  job.written[i],
                  Named(options.finished, kObjects[i]) ? "done before this resume"
                  : job.how[i].empty()                 ? "not reached"
                                                       : job.how[i].c_str());
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
  auto names = [&](const char* key, std::vector<std::string>& out) {
    if (const json::value* list = o.if_contains(key); list && list->is_array()) {
      for (const json::value& v : list->as_array()) {
        if (v.is_string()) out.emplace_back(v.as_string());
      }
    }
  };
  names("objects", options.objects);
  names("finished", options.finished);
  return options;
}

}  // namespace pdc
