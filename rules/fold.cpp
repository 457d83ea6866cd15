// fold: writes a match key of a field into another field (say, `last_name` -> `last_name_key`),
// for rules and exports that compare values across scripts and spellings. The key itself is
// rules/match_key.h, the same one dedupe blocks and compares on.
#include <atomic>
#include <string>

#include "rules/match_key.h"
#include "rules/rule.h"
#include "rules/utf8.h"

namespace pdc {
namespace {

constexpr OptionSpec kOptions[] = {
    {"field", OptionType::kField, "", true, "the field to fold"},
    {"to", OptionType::kField, "", true, "the field that receives the key"},
    {"key", OptionType::kChoice, "fold", false,
     "fold: the folded text; fingerprint: its tokens sorted without repeats; ngram: sorted "
     "character 2-grams",
     "fold|fingerprint|ngram"},
};

enum class KeyKind { kFold, kFingerprint, kNgram };

class FoldRule final : public Rule {
 public:
  explicit FoldRule(const Options& o)
      : field_(o.Field("field")),
        to_(o.Field("to")),
        kind_(o.String("key") == "fingerprint" ? KeyKind::kFingerprint
              : o.String("key") == "ngram"     ? KeyKind::kNgram
                                               : KeyKind::kFold) {
    if (to_ == field_) o.Fail("to", "the key must go to another field: the value stays as typed");
  }

  void Apply(Record& record) const override {
    const Value* value = record.Find(field_);
    if (value == nullptr || value->kind() == Value::Kind::kNull) {
      if (record.Find(to_) != nullptr) record.Set(to_, Value::Null(), index());
      return;
    }
    if (value->kind() != Value::Kind::kText) return;
    FoldStats stats;
    std::string key = KeyOf(value->view(), stats);
    if (stats.residue != 0) residue_.fetch_add(stats.residue, std::memory_order_relaxed);
    const Value* current = record.Find(to_);
    if (current != nullptr && current->kind() == Value::Kind::kText && current->view() == key) {
      return;
    }
    record.Set(to_, Value::Text(std::move(key)), index());
  }

  Counters counters() const override {
    return {{"residue", static_cast<long long>(residue_.load())}};
  }

 private:
  std::string KeyOf(std::string_view text, FoldStats& stats) const {
    switch (kind_) {
      case KeyKind::kFingerprint:
        return Fingerprint(text, &stats);
      case KeyKind::kNgram:
        return NgramKey(text, &stats);
      case KeyKind::kFold:
        break;
    }
    return Fold(text, &stats);
  }

  FieldId field_;
  FieldId to_;
  KeyKind kind_;
  mutable std::atomic<std::size_t> residue_{0};
};

std::unique_ptr<Rule> MakeFoldRule(const Options& options) {
  return std::make_unique<FoldRule>(options);
}

}  // namespace

const RuleSpec& FoldRuleSpec() {
  static const RuleSpec spec{
      "fold",
      1,
      "write a match key of a field (case, accents and script folded) to another field",
      "The value of `field` stays as typed; `to` receives its key. fold: text that is all ASCII "
      "is lower-cased; other text is NFKC case-folded and transliterated with ICU's "
      "\"Any-Latin; Latin-ASCII\" (Zoë Müller -> zoe muller, Νίκος -> nikos, 王小明 -> wang xiao "
      "ming); then every character outside a-z, 0-9 and white space is dropped (O'Brien -> "
      "obrien), white space runs become one space and the ends are trimmed. Characters left "
      "outside ASCII by the transliteration (محمد علي -> mhmd ly: the ʿ goes) are dropped and "
      "counted in the report as this rule's `residue`. fingerprint: the folded tokens sorted, "
      "without repeats (\"Smith, John\" and \"John Smith\" -> john smith). ngram: the folded "
      "text without spaces as sorted, distinct character 2-grams (loose; for review). A null "
      "value gives a null key; lists and JSON literals are left alone. Each thread creates its "
      "transliterator once and caches the keys of non-ASCII values.",
      kOptions,
      MakeFoldRule};
  return spec;
}

}  // namespace pdc
