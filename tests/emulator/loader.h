// Seeding a business unit with prospects: from CSV / JSON Lines files (read with the project's
// own readers, pipeline/record_io.h) and from the JSON bodies of POST /_emulator/prospects.
// One normalisation for both:
//  * `id` is kept when it is an integer, else the unit's next id is assigned; a later record with
//    the same id replaces the earlier one;
//  * standard fields (fields.h; snake_case, or camelCase mapped to it) are stored as values;
//    flags become "true" ("1", "true", "yes", any case) or "false"; timestamps
//    ("YYYY-MM-DD HH:MM:SS" in the unit's zone, ISO 8601, or epoch seconds) become epoch text;
//  * `deleted` / `is_deleted` / `isDeleted` puts the prospect in the recycle bin;
//  * any other column is a custom field (a trailing "__c" is dropped): text, or multi-select
//    when a value is a list (JSON arrays);
//  * campaign_id, score, created_at and updated_at get Pardot's defaults when absent.
// Values that cannot be used (an unparsable timestamp, a rejected CSV row) become warnings; the
// rest of the record and of the file is still loaded. The caller holds `unit.mutex` when the
// server is running.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/status.h"
#include "rules/value.h"
#include "tests/emulator/store.h"

namespace pdc::emulator {

using FieldValues = std::vector<std::pair<std::string, Value>>;

struct LoadResult {
  std::size_t added = 0;
  std::vector<std::string> warnings;
};

// Adds one prospect; returns its id. `where` prefixes warnings (e.g. "prospects.csv:12").
long long AddProspect(BusinessUnit& unit, const FieldValues& fields, long long now,
                      const std::string& where, std::vector<std::string>& warnings);

// A .csv, .jsonl or .ndjson file. Fails only when the file cannot be opened or read.
Result<LoadResult> LoadProspectFile(BusinessUnit& unit, const std::string& path);

// A JSON array of objects, or JSON Lines (one object a line).
Result<LoadResult> LoadProspectJson(BusinessUnit& unit, std::string_view body);

}  // namespace pdc::emulator
