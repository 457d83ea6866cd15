// PardotConnection: what every command that talks to a business unit sets up from the config's
// `source.pardot` section: the transport, the governor with today's remaining budget (from the
// journal), and the authenticated session. Also fills a summary's API section at the end.
#pragma once

#include <memory>
#include <string>

#include "pipeline/journal.h"
#include "pipeline/pardot/session.h"
#include "pipeline/report.h"
#include "rules/config.h"

namespace pdc {

struct PardotConnection {
  std::shared_ptr<pardot::Governor> governor;
  std::unique_ptr<pardot::Session> session;
  std::string day;  // the day API usage is counted on (UTC)
};

// Checks the business unit id and the credentials (a usage error names what is missing).
Result<PardotConnection> Connect(const PardotSourceConfig& source, Journal& journal);

// The daily request limit of a Pardot edition.
long long EditionLimit(const std::string& edition);

// Copies the connection's request counts into the summary and adds them to the journal's usage.
void RecordApiUsage(const PardotConnection& connection, const std::string& business_unit_id,
                    Journal& journal, RunSummary& summary);

}  // namespace pdc
