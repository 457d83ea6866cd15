// Runs against a Pardot business unit: `run` with a Pardot source, and `resume`.
#pragma once

#include <optional>

#include "pipeline/commands.h"
#include "pipeline/journal.h"
#include "rules/config.h"

namespace pdc {

// A new run (`resumed` empty) or the continuation of a journaled one.
int RunPardot(const RunOptions& options, const Config& config, const CommonOptions& common,
              const std::optional<RunRow>& resumed);

}  // namespace pdc
