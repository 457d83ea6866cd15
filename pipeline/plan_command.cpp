// `plan CONFIG`: what a Pardot run would cost before it runs: the number of prospects (from a
// count query), the share the rules would change (measured on a sample page), the requests and
// the time that makes, against what is left of today's budget. Dedupe's writes are not in the
// estimate (a sample cannot show clusters), and the plan says so.
#include <boost/json.hpp>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>

#include "pipeline/clean.h"
#include "pipeline/commands.h"
#include "pipeline/diff.h"
#include "pipeline/json_text.h"
#include "pipeline/pardot/puller.h"
#include "pipeline/pardot_connection.h"
#include "pipeline/run_common.h"
#include "rules/config.h"
#include "rules/dedupe/settings.h"

namespace pdc {
namespace {

// total_results of a v3/v4 count query; v5 has no count, so a v5 plan asks v4 (AMPSEA units)
// or v3 (the others) for it.
Result<long long> CountProspects(pardot::Session& session, int version, const std::string& after) {
  const int first = version == 3 ? 3 : 4;
  for (int v : {first, 7 - first}) {
    pardot::Request request;
    request.url = "/api/prospect/version/" + std::to_string(v) +
                  "/do/query?format=json&limit=1&output=simple";
    if (!after.empty()) request.url += "&updated_after=" + after;
    const auto sent = session.Send(request);
    if (sent.classified.code == 88 || sent.classified.code == 89) continue;  // the other version
    if (sent.classified.outcome != pardot::Outcome::kOk) {
      return Status::Io("count query failed: " + sent.classified.message);
    }
    boost::json::error_code ec;
    const auto doc = boost::json::parse(sent.response.body, ec);
    const boost::json::value* total = nullptr;
    if (!ec && doc.is_object()) {
      if (const auto* result = doc.as_object().if_contains("result");
          result && result->is_object()) {
        total = result->as_object().if_contains("total_results");
      }
    }
    if (total == nullptr) return Status::Parse("the count query answered without total_results");
    if (total->is_int64()) return total->as_int64();
    if (total->is_string()) return std::stoll(std::string(total->as_string()));
    return Status::Parse("total_results is not a number");
  }
  return Status::Io("neither version 3 nor 4 of the API answered the count query");
}

}  // namespace

int PlanCommand(const std::string& config_path, const RunOptions& options,
                const CommonOptions& common) {
  const RuleRegistry registry = RuleRegistry::WithBuiltins();
  const std::shared_ptr<Config> loaded = LoadCommandConfig(config_path, registry);
  if (!loaded) return kExitUsage;
  const Config& config = *loaded;
  if (!config.pardot_source)
    return Fail("plan", kExitUsage, config_path + " has no Pardot source to plan for");
  const PardotSourceConfig& p = *config.pardot_source;
  auto journal = Journal::Open(options.journal);
  if (!journal.ok()) return Fail("plan", kExitUsage, journal.status().message());
  auto connected = Connect(p, **journal);
  if (!connected.ok()) return Fail("plan", kExitUsage, connected.status().message());
  pardot::Session& session = *connected->session;

  const auto started = std::chrono::steady_clock::now();
  auto total = CountProspects(session, p.api_version, p.updated_after);
  if (!total.ok()) return Fail("plan", kExitFault, total.status().message());
  // One sample page through the rules gives the share of prospects a run would change.
  pardot::PullOptions pull;
  pull.api_version = p.api_version;
  pull.updated_after = p.updated_after;
  pull.page_size = 200;
  pardot::ProspectPuller puller(session, pull);
  auto page = puller.Next();
  if (page.outcome.outcome != pardot::Outcome::kOk) {
    return Fail("plan", page.auth_failed ? kExitAuth : kExitFault,
                "sample page: " + page.outcome.message);
  }
  const double latency =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() /
      static_cast<double>(std::max<long long>(connected->governor->stats().requests, 1));
  Batch sample;
  sample.records = std::move(page.prospects.records);
  CleanStage(config.rules).Process(sample);
  DiffStage().Process(sample);
  std::size_t changed_in_sample = 0;
  std::uint32_t last = UINT32_MAX;
  for (const FieldChange& c : sample.changes) {
    if (c.record != last) ++changed_in_sample;
    last = c.record;
  }
  const double share =
      sample.records.empty() ? 0.0 : static_cast<double>(changed_in_sample) / sample.records.size();

  const long long n = *total;
  const long long page_size = p.api_version == 5 ? 1000 : 200;
  const long long pages = n / page_size + 1;
  const auto changed = static_cast<long long>(std::ceil(share * static_cast<double>(n)));
  const long long writes = p.api_version == 5 ? changed : (changed + 49) / 50;
  const long long requests = pages + writes;
  const long long remaining = connected->governor->remaining();
  const double seconds = latency * (static_cast<double>(pages) + static_cast<double>(writes) / 5.0);
  RunSummary usage;  // the plan's own requests count against today's budget too
  RecordApiUsage(*connected, p.business_unit_id, **journal, usage);

  if (common.json) {
    char text[512];
    std::snprintf(
        text, sizeof text,
        "{\"prospects\":%lld,\"sample\":%zu,\"sample_changed\":%zu,\"estimated_changed\":%lld,"
        "\"requests\":{\"pages\":%lld,\"writes\":%lld,\"total\":%lld},"
        "\"budget_remaining\":%lld,\"fits_today\":%s,\"estimated_seconds\":%.1f,"
        "\"dedupe_estimated\":%s}",
        n, sample.records.size(), changed_in_sample, changed, pages, writes, requests, remaining,
        requests <= remaining ? "true" : "false", seconds, config.dedupe_settings ? "false" : "null");
    std::cout << text << '\n';
    return kExitOk;
  }
  std::printf("plan for %s on %s (API v%d)\n", config_path.c_str(), p.business_unit_id.c_str(),
              p.api_version);
  std::printf("  %lld prospects%s\n", n, p.updated_after.empty() ? "" : " updated in the window");
  std::printf("  the rules change %zu of a sample of %zu: about %lld prospects\n",
              changed_in_sample, sample.records.size(), changed);
  std::printf("  requests: %lld pages + %lld writes = %lld; %lld left today (after this plan)\n",
              pages, writes, requests, remaining);
  std::printf("  time: about %.0f s at %.0f ms a request, five writes at once\n", seconds,
              latency * 1000);
  if (config.dedupe_settings) {
    // A sample page cannot show clusters: they need every record.
    std::printf(
        "  dedupe: not in these numbers (clusters need every record); each survivor and loser "
        "it updates adds to the writes above%s\n",
        config.dedupe_settings->losers == dedupe::LoserAction::kDelete
            ? ", and each loser it deletes takes one request of its own"
            : "");
    if (pages > remaining) {
      std::printf(
          "  dedupe needs the whole pull in one day: %lld pages do not fit in the %lld requests "
          "left today (a pull the limit stops starts over when resumed)\n",
          pages, remaining);
    }
  }
  if (requests > remaining) {
    std::printf(
        "  the run would stop at the daily limit after about %lld requests: "
        "`pardot-clean resume RUN_ID` finishes it another day\n",
        remaining);
  }
  return kExitOk;
}

}  // namespace pdc
