// pardot-emulator: a local Pardot API (v3, v4, v5) for tests, the demo and rehearsals.
// Prints exactly one line to stdout once it accepts connections, "listening on HOST:PORT", and
// nothing else there (diagnostics go to stderr), so that scripts can read the port.
#include <yaml-cpp/yaml.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "tests/emulator/activities.h"
#include "tests/emulator/loader.h"
#include "tests/emulator/router.h"
#include "tests/emulator/server.h"
#include "tests/emulator/store.h"

namespace {

using pdc::emulator::BusinessUnit;

struct UnitSpec {
  std::string id = "0Uv000000000001AAA";
  std::string environment = "production";
  bool ampsea = false;
  std::string edition = "advanced";
  long long daily_limit = 0;  // 0: the edition's
  std::string timezone = "America/New_York";
  std::string prospects;                   // a .csv or .jsonl file, or ""
  std::vector<std::string> custom_fields;  // text custom fields the unit has besides the file's
};

void Check(bool ok, const std::string& why) {
  if (!ok) throw std::runtime_error(why);
}

// `where` prefixes the key ("units.yaml: units[0]."); empty for the command line, where the
// keys are named as flags.
void Validate(const UnitSpec& u, const std::string& where) {
  const auto name = [&](const char* key, const char* flag) {
    return where.empty() ? std::string(flag) : where + key;
  };
  bool id_ok = u.id.size() == 18 && u.id.starts_with("0Uv");
  for (const char c : u.id) id_ok = id_ok && std::isalnum(static_cast<unsigned char>(c));
  Check(id_ok, name("id", "--business-unit") +
                   ": a business unit id has 18 letters or digits and starts with 0Uv");
  Check(u.environment == "production" || u.environment == "demo",
        name("environment", "--environment") + ": production or demo");
  static const std::set<std::string> kEditions = {"growth", "plus", "advanced", "premium"};
  Check(kEditions.contains(u.edition),
        name("edition", "--edition") + ": growth, plus, advanced or premium");
  Check(u.daily_limit >= 0, name("daily_limit", "--daily-limit") + ": must not be negative");
}

// A list of units, either at the top level or under "units:". Paths of prospect files are
// relative to the YAML file.
std::vector<UnitSpec> ReadUnits(const std::string& path) {
  YAML::Node root = YAML::LoadFile(path);
  if (root.IsMap() && root["units"]) root = root["units"];
  Check(root.IsSequence(), path + ": expected a list of business units");
  const std::filesystem::path base = std::filesystem::path(path).parent_path();
  std::vector<UnitSpec> units;
  for (std::size_t i = 0; i < root.size(); ++i) {
    const YAML::Node node = root[i];
    const std::string where = path + ": units[" + std::to_string(i) + "].";
    Check(node.IsMap(), where.substr(0, where.size() - 1) + ": expected a map");
    UnitSpec u;
    for (const auto& kv : node) {
      const std::string key = kv.first.as<std::string>();
      const YAML::Node& v = kv.second;
      if (key == "id") {
        u.id = v.as<std::string>();
      } else if (key == "environment") {
        u.environment = v.as<std::string>();
      } else if (key == "ampsea") {
        u.ampsea = v.as<bool>();
      } else if (key == "edition") {
        u.edition = v.as<std::string>();
      } else if (key == "daily_limit") {
        u.daily_limit = v.as<long long>();
      } else if (key == "timezone") {
        u.timezone = v.as<std::string>();
      } else if (key == "custom_fields") {
        for (const auto& field : v) u.custom_fields.push_back(field.as<std::string>());
      } else if (key == "prospects") {
        const std::filesystem::path file = v.as<std::string>();
        u.prospects = file.is_absolute() ? file.string() : (base / file).string();
      } else {
        throw std::runtime_error(where + key + ": unknown key");
      }
    }
    Validate(u, where);
    units.push_back(std::move(u));
  }
  Check(!units.empty(), path + ": no business units");
  return units;
}

void AddUnit(pdc::emulator::Store& store, const UnitSpec& spec) {
  Check(store.Find(spec.id) == nullptr, "business unit " + spec.id + " is given twice");
  auto unit = std::make_unique<BusinessUnit>(spec.id, spec.environment, spec.ampsea, spec.edition,
                                             spec.timezone);
  if (spec.daily_limit > 0) unit->daily_limit = spec.daily_limit;
  for (const std::string& field : spec.custom_fields) {
    unit->custom_fields.push_back({field, field, "text"});
  }
  BusinessUnit& added = store.Add(std::move(unit));
  if (spec.prospects.empty()) return;
  auto loaded = pdc::emulator::LoadProspectFile(added, spec.prospects);
  Check(loaded.ok(), loaded.ok() ? "" : spec.prospects + ": " + loaded.status().message());
  for (const auto& warning : loaded->warnings) std::cerr << "warning: " << warning << "\n";
  std::cerr << "pardot-emulator: " << loaded->added << " prospects loaded into " << spec.id << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "pardot-emulator: a local Pardot (Account Engagement) API, versions 3, 4 and 5, "
      "for tests and demos."};
  pdc::emulator::ServerOptions server;
  pdc::emulator::RouterOptions router;
  UnitSpec unit;
  std::string units_file;
  long long token_lifetime = 7200;
  int activities_per_prospect = 3;

  app.add_option("--port", server.port, "Port; 0 picks a free one")->capture_default_str();
  app.add_option("--bind", server.bind, "Address to listen on")->capture_default_str();
  app.add_option("--threads", server.threads, "Server threads")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();

  auto* single = app.add_option_group("Business unit", "The single unit (without --units)");
  single->add_option("--business-unit", unit.id, "Id (18 characters, 0Uv…)")->capture_default_str();
  single->add_flag("--ampsea", unit.ampsea, "Allow multiple prospects with the same email (v4)");
  single->add_option("--edition", unit.edition, "growth, plus, advanced or premium")
      ->capture_default_str();
  single->add_option("--daily-limit", unit.daily_limit, "Daily requests (default: the edition's)");
  single->add_option("--timezone", unit.timezone, "Time zone of the account")
      ->capture_default_str();
  single->add_option("--environment", unit.environment, "production (pi.pardot.com) or demo")
      ->capture_default_str();
  single->add_option("--prospects", unit.prospects, "Prospects to load (.csv, .jsonl)");
  single->add_option("--custom-field", unit.custom_fields,
                     "A text custom field of the unit, by API name (repeatable)");
  app.add_option("--activities-per-prospect", activities_per_prospect,
                 "Visitor activities generated per prospect at start-up, on average (from --seed)")
      ->check(CLI::Range(0, 1000))
      ->capture_default_str();
  auto* units_opt = app.add_option("--units", units_file,
                                   "YAML list of units: id, environment, ampsea, edition, "
                                   "daily_limit, timezone, prospects, custom_fields");
  single->excludes(units_opt);

  auto& auth = router.auth;
  app.add_option("--token", auth.static_tokens, "An access token that never expires (repeatable)");
  app.add_option("--token-lifetime", token_lifetime, "Lifetime of issued tokens, seconds")
      ->check(CLI::Range(1LL, 365LL * 86400))
      ->capture_default_str();
  app.add_option("--client-id", auth.client_id, "Token endpoint: connected app id")
      ->capture_default_str();
  app.add_option("--client-secret", auth.client_secret, "Token endpoint: connected app secret");
  app.add_option("--refresh-token", auth.refresh_token, "Token endpoint: accepted refresh token");
  app.add_option("--username", auth.username, "Token endpoint and legacy login: user")
      ->capture_default_str();
  app.add_option("--password", auth.password, "Token endpoint and legacy login: password");
  app.add_option("--security-token", auth.security_token,
                 "Token endpoint: may be appended to the password");
  app.add_option("--user-key", auth.user_key, "Legacy login: user_key");
  app.add_option("--v34-auth-status", auth.v34_auth_status, "HTTP status of error 184 in v3/v4")
      ->check(CLI::IsMember({200, 401}))
      ->capture_default_str();
  app.add_flag("--legacy-login", auth.legacy_login, "Accept the retired api_key login");

  auto& faults = router.faults;
  app.add_option("--latency-ms", faults.latency_ms, "Delay before every answer")
      ->check(CLI::Range(0, 600000));
  app.add_option("--jitter-ms", faults.jitter_ms, "Plus a random delay up to this")
      ->check(CLI::Range(0, 600000));
  app.add_option("--p-66", faults.p_66, "Probability of a spurious error 66")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--p-5xx", faults.p_5xx, "Probability of a 5xx answer")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--p-reset", faults.p_reset, "Probability of a connection reset")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--p-malformed", faults.p_malformed, "Probability of a truncated body")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--p-slow", faults.p_slow, "Probability of a slowly sent body")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--slow-body-ms", faults.slow_body_ms, "How long a slow body takes")
      ->check(CLI::Range(0, 600000))
      ->capture_default_str();
  app.add_option("--seed", faults.seed, "Seed of the fault draws")->capture_default_str();
  app.add_option("--v5-sequence-cap", router.handlers.v5_sequence_cap,
                 "Records per v5 nextPageToken sequence (Pardot: 100000; smaller to rehearse it)")
      ->check(CLI::Range(1LL, 100000000LL))
      ->capture_default_str();
  app.add_option("--v5-token-hours", router.handlers.v5_token_hours,
                 "Lifetime of a v5 nextPageToken, hours")
      ->check(CLI::Range(0, 1000))
      ->capture_default_str();

  CLI11_PARSE(app, argc, argv);
  auth.token_lifetime = std::chrono::seconds(token_lifetime);

  try {
    pdc::emulator::Store store;
    if (units_file.empty()) {
      Validate(unit, "");
      AddUnit(store, unit);
    } else {
      for (const auto& spec : ReadUnits(units_file)) AddUnit(store, spec);
    }
    for (const auto& added : store.units()) {
      const std::size_t count = pdc::emulator::GenerateActivityHistory(
          *added, activities_per_prospect, router.faults.seed, pdc::emulator::NowEpoch());
      if (count > 0) {
        std::cerr << "pardot-emulator: " << count << " visitor activities generated for "
                  << added->id << "\n";
      }
    }
    pdc::emulator::Router routes(store, router);
    pdc::emulator::Server http(routes, server);
    const int port = http.Listen();
    std::printf("listening on %s:%d\n", server.bind.c_str(), port);
    std::fflush(stdout);
    http.Run(/*stop_on_signals=*/true);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "pardot-emulator: %s\n", e.what());
    return 2;
  }
}
