// Rule: one step of the cleaning chain. A rule is built once from its checked Options and then
// applied to many records from many threads at once: Apply must be safe to call concurrently
// (state that is not thread-safe, such as an ICU matcher, lives in
// tbb::enumerable_thread_specific).
#pragma once

#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/options.h"
#include "rules/record.h"

namespace pdc {

class Rule {
 public:
  virtual ~Rule() = default;
  virtual void Apply(Record& record) const = 0;

  // Fields the rule may write that no kField/kFields option names (say, lookup's table
  // columns), so that file outputs get a column for them.
  virtual std::vector<FieldId> extra_output_fields() const { return {}; }
  // Fields the rule reads that no kField/kFields option names (say, the keys of a plugin's map
  // option), so that a source pulling only the fields asked for (Pardot v5) asks for them.
  virtual std::vector<FieldId> extra_input_fields() const { return {}; }

  // Counts the rule keeps beyond the changes it makes (say, lookup hits and misses), reported per
  // rule instance; read after the run, when no Apply is in progress.
  using Counters = std::vector<std::pair<std::string, long long>>;
  virtual Counters counters() const { return {}; }

  // Set by the chain that owns the rule: its position in the chain's table.
  void set_index(RuleIndex index) { index_ = index; }
  RuleIndex index() const { return index_; }

 private:
  RuleIndex index_ = kNoRule;
};

// Sums the per-thread counts of a rule (each thread state has an array `counts`, in the order
// of `names`) into its Counters.
template <std::size_t N, typename ThreadStates>
Rule::Counters SumThreadCounts(const char* const (&names)[N], const ThreadStates& states) {
  Rule::Counters out;
  for (std::size_t i = 0; i < N; ++i) {
    long long total = 0;
    for (const auto& state : states) total += state.counts[i];
    out.emplace_back(names[i], total);
  }
  return out;
}

// What a rule is: the registry's entry. `name@version` identifies the rule's behaviour in reports
// and the journal; a change to what a rule outputs for the same input bumps the version.
struct RuleSpec {
  std::string_view name;
  int version;
  std::string_view summary;  // one line
  std::string_view details;  // the exact behaviour, for `pardot-clean rules NAME`
  std::span<const OptionSpec> options;
  // Builds the rule from checked options; throws OptionError for a value it cannot accept.
  // A function object rather than a pointer so that a plugin's rules can carry their library.
  std::function<std::unique_ptr<Rule>(const Options& options)> make;

  std::string label() const { return std::string(name) + "@" + std::to_string(version); }
};

}  // namespace pdc
