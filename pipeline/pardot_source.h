// PardotSource: the graph's source for Pardot runs: pages of prospects from a ProspectPuller,
// one batch per page, until the pull is done or the run is told to stop. A page that fails
// stops the run with the matching exit code (3 daily limit, 4 authentication, 5 fault).
#pragma once

#include "pipeline/batch.h"
#include "pipeline/pardot/puller.h"
#include "pipeline/run_control.h"

namespace pdc {

class PardotSource final : public BatchSource {
 public:
  PardotSource(pardot::ProspectPuller& puller, RunControl& control)
      : puller_(puller), control_(control) {}
  BatchPtr Next() override;
  std::uint64_t pulled() const { return pulled_; }

 private:
  pardot::ProspectPuller& puller_;
  RunControl& control_;
  std::uint64_t seq_ = 0;
  std::uint64_t pulled_ = 0;
};

// The exit code for a request that did not succeed.
int ExitCodeOf(const pardot::Classified& outcome, bool auth_failed);

}  // namespace pdc
