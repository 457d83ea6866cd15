#include "pipeline/pardot_connection.h"

#include "pipeline/run_common.h"

namespace pdc {

long long EditionLimit(const std::string& edition) {
  if (edition == "growth") return 25000;
  if (edition == "plus") return 50000;
  return 100000;  // advanced, premium
}

Result<PardotConnection> Connect(const PardotSourceConfig& p, Journal& journal) {
  if (Status st = pardot::CheckBusinessUnitId(p.business_unit_id); !st.ok()) return st;
  pardot::SessionOptions options;
  options.base_url = p.base_url.empty() ? pardot::BaseUrlOf(p.environment) : p.base_url;
  while (!options.base_url.empty() && options.base_url.back() == '/') options.base_url.pop_back();
  options.business_unit_id = p.business_unit_id;
  options.credentials = {p.auth.access_token, p.auth.token_url, p.auth.client_id,
                         p.auth.client_secret, p.auth.refresh_token};
  if (options.credentials.access_token.empty() && !options.credentials.can_refresh()) {
    return Status::InvalidArgument(
        "no credentials: set source.pardot.auth.access_token or the refresh grant "
        "(auth.refresh: token_url, client_id, client_secret, refresh_token)");
  }
  PardotConnection connection;
  connection.day = UtcNow("%Y-%m-%d");
  auto used = journal.Usage(p.business_unit_id, connection.day);
  if (!used.ok()) return used.status();
  pardot::GovernorOptions governor;
  governor.budget = std::max<long long>(EditionLimit(p.edition) - p.reserve, 0);
  governor.used_before = *used;
  connection.governor = std::make_shared<pardot::Governor>(governor);
  connection.session =
      std::make_unique<pardot::Session>(options, pardot::MakeCurlTransport(5), connection.governor);
  return connection;
}

void RecordApiUsage(const PardotConnection& connection, const std::string& business_unit_id,
                    Journal& journal, RunSummary& summary) {
  const auto stats = connection.governor->stats();
  summary.api.requests = stats.requests;
  summary.api.retries = stats.retries;
  summary.api.max_in_flight = stats.max_in_flight;
  summary.api.errors = stats.errors;
  summary.api.by_endpoint = connection.session->by_endpoint();
  summary.api.budget_remaining = connection.governor->remaining();
  journal.AddUsage(business_unit_id, connection.day, stats.requests);
}

}  // namespace pdc
