#include "pipeline/pardot_source.h"

#include "pipeline/commands.h"

namespace pdc {

int ExitCodeOf(const pardot::Classified& outcome, bool auth_failed) {
  if (auth_failed || outcome.outcome == pardot::Outcome::kRefresh) return kExitAuth;
  if (outcome.outcome == pardot::Outcome::kStopForToday) return kExitDailyLimit;
  return kExitFault;
}

BatchPtr PardotSource::Next() {
  while (!control_.stopped() && !puller_.done()) {
    auto page = puller_.Next();
    if (page.outcome.outcome != pardot::Outcome::kOk) {
      std::string why = "pulling prospects: ";
      if (page.outcome.code != 0) why += "Pardot error " + std::to_string(page.outcome.code) + ": ";
      control_.Stop(ExitCodeOf(page.outcome, page.auth_failed), why + page.outcome.message);
      return nullptr;
    }
    if (page.prospects.records.empty()) continue;  // an empty page (the end of a sequence)
    auto batch = std::make_shared<Batch>();
    batch->seq = seq_++;
    batch->max_id = page.prospects.max_id;
    pulled_ += page.prospects.records.size();
    batch->records = std::move(page.prospects.records);
    return batch;
  }
  return nullptr;
}

}  // namespace pdc
