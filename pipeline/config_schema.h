// The JSON Schema (draft-07) of the YAML config, for editors that complete and check configs
// (README "Config"). It is built from the tables the loader checks against: each rule's option
// table, the keys and choices of rules/config_keys.h and the dedupe engine's names, so that what
// the schema accepts is what `pardot-clean validate` accepts, bar what only the loader can know
// (whether a field exists, a regex compiles, the value of a `${VAR}`).
#pragma once

#include <string>

#include "rules/registry.h"

namespace pdc {

// The schema as indented JSON text. Throws std::logic_error when a key the loader accepts has
// no schema, so that a new key cannot be left out unnoticed.
std::string ConfigSchema(const RuleRegistry& registry);

}  // namespace pdc
