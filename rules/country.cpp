// country: any spelling of a country (code, name in any language and script, curated alias) to
// ISO 3166-1. The name index is built once per process when the first country rule is built;
// results are cached per thread by raw value, since prospect data repeats few countries.
#include <tbb/enumerable_thread_specific.h>

#include <functional>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "rules/country_names.h"
#include "rules/geo_text.h"
#include "rules/rule.h"
#include "rules/text_hash.h"
#include "rules/utf8.h"

namespace pdc {
namespace {

constexpr OptionSpec kOptions[] = {
    {"field", OptionType::kField, "country", false, "the field holding the country"},
    {"to", OptionType::kField, "", false, "write the result here instead (default: `field`)"},
    {"format", OptionType::kChoice, "alpha2", false,
     "what to write: alpha2 (DE), alpha3 (DEU), numeric (276) or name (Germany)",
     "alpha2|alpha3|numeric|name"},
    {"name_to", OptionType::kField, "", false, "also write the English short name here"},
    {"code_to", OptionType::kField, "", false, "also write the alpha-2 code here"},
    {"subdivision_to", OptionType::kField, "", false,
     "write the ISO 3166-2 code here when the value names a part of a country (England: GB-ENG)"},
};

constexpr std::size_t kMaxLength = 200;  // no country name is longer; longer values are junk

struct Resolved {
  CountryMatch::Kind kind = CountryMatch::Kind::kUnknown;
  int country = -1;
  CountryMatch::Source source = CountryMatch::Source::kNone;
  std::string subdivision;
  std::string message;  // for the flag
};

using Cache = std::unordered_map<std::string, Resolved, TextHash, std::equal_to<>>;

// Counted per record value: how countries were recognised, and how many distinct values needed
// a lookup (the rest came from the cache).
using PerThread = geo::ThreadState<Cache>;

class CountryRule final : public Rule {
 public:
  explicit CountryRule(const Options& o)
      : names_(CountryNames::Get()),
        field_(o.Field("field")),
        to_(o.Has("to") ? o.Field("to") : o.Field("field")),
        name_to_(OptionalField(o, "name_to")),
        code_to_(OptionalField(o, "code_to")),
        subdivision_to_(OptionalField(o, "subdivision_to")) {
    const std::string& format = o.String("format");
    format_ = format == "alpha3"    ? Format::kAlpha3
              : format == "numeric" ? Format::kNumeric
              : format == "name"    ? Format::kName
                                    : Format::kAlpha2;
  }

  void Apply(Record& record) const override {
    const Value& value = record.Get(field_);
    if (value.kind() != Value::Kind::kText || value.empty()) return;
    const std::string_view raw = value.view();
    if (raw.size() > kMaxLength) {
      record.AddFlag(field_, index(), "country.unknown", "too long for a country name");
      return;
    }
    if (!utf8::IsValid(raw)) {
      record.AddFlag(field_, index(), "country.unknown", "not well-formed UTF-8");
      return;
    }
    const Resolved& r = Resolve(raw);
    if (r.kind == CountryMatch::Kind::kAmbiguous) {
      record.AddFlag(field_, index(), "country.ambiguous", r.message);
      return;
    }
    if (r.kind != CountryMatch::Kind::kFound) {
      record.AddFlag(field_, index(), "country.unknown", r.message);
      return;
    }
    const Country& c = names_.countries()[static_cast<std::size_t>(r.country)];
    const std::string& out = format_ == Format::kAlpha3    ? c.alpha3
                             : format_ == Format::kNumeric ? c.numeric
                             : format_ == Format::kName    ? c.name
                                                           : c.alpha2;
    record.Set(to_, Value::Text(out), index());
    if (name_to_) record.Set(*name_to_, Value::Text(c.name), index());
    if (code_to_) record.Set(*code_to_, Value::Text(c.alpha2), index());
    if (subdivision_to_ && !r.subdivision.empty()) {
      record.Set(*subdivision_to_, Value::Text(r.subdivision), index());
    }
  }

 private:
  enum class Format { kAlpha2, kAlpha3, kNumeric, kName };

  static std::optional<FieldId> OptionalField(const Options& o, std::string_view key) {
    if (!o.Has(key)) return std::nullopt;
    return o.Field(key);
  }

  const Resolved& Resolve(std::string_view raw) const {
    PerThread& local = local_.local();
    Cache& cache = local.cache;
    if (const auto it = cache.find(raw); it != cache.end()) {
      Count(local, it->second);
      return it->second;
    }
    if (cache.size() > 50000) cache.clear();  // bounded: a file repeats few spellings
    ++local.counts[geo::kLookups];
    CountryMatch match = names_.Lookup(raw);
    Resolved r;
    r.kind = match.kind;
    r.source = match.source;
    r.country = match.country;
    r.subdivision = std::move(match.subdivision);
    if (match.kind == CountryMatch::Kind::kAmbiguous) {
      r.message = "\"" + std::string(raw) + "\" names more than one country (" + match.candidates +
                  "): not guessed";
    } else if (match.kind == CountryMatch::Kind::kUnknown) {
      r.message = "\"" + std::string(raw) + "\" is no known country name or ISO code";
    }
    const Resolved& stored = cache.emplace(std::string(raw), std::move(r)).first->second;
    Count(local, stored);
    return stored;
  }

  static void Count(PerThread& local, const Resolved& r) {
    if (r.kind != CountryMatch::Kind::kFound) return;
    if (const int slot = geo::SourceSlot(r.source); slot >= 0) ++local.counts[slot];
  }

  Counters counters() const override { return SumThreadCounts(geo::kCounterNames, local_); }

  const CountryNames& names_;
  FieldId field_;
  FieldId to_;
  std::optional<FieldId> name_to_, code_to_, subdivision_to_;
  Format format_ = Format::kAlpha2;
  mutable tbb::enumerable_thread_specific<PerThread> local_;
};

}  // namespace

const RuleSpec& CountryRuleSpec() {
  static const RuleSpec spec{
      "country",
      1,
      "map any spelling of a country to ISO 3166-1",
      "For a text in `field`: invisible characters are dropped, white space collapsed and "
      "trimmed, punctuation around the value and a leading \"the\" removed. It is then looked up, "
      "in order: (a) an ISO 3166-1 alpha-2, alpha-3 or 3-digit numeric code, any case (de, DEU, "
      "276); (b) a curated alias from data/country_aliases.tsv (UK, U.S.A., America, Holland, "
      "England, BRD, UAE, deprecated codes such as ZR; aliases win over names); (c) a name: the "
      "CLDR display name of every ISO country in every ICU locale (Deutschland, Allemagne, "
      "Vereinigtes Königreich, 日本, مصر, ישראל) plus the iso-codes English name, common name and "
      "official name. Names match by their case-folded form (NFKC_Casefold) and then by their "
      "ASCII form (Latin-ASCII, dots and apostrophes dropped: osterreich, etats unis, u.s.a. -> "
      "usa; in a Latin name, Cyrillic or Greek lookalike letters count as the Latin ones). A name "
      "that stands for two or more countries (Korea, Congo, Guinea, Virgin Islands, "
      "Macedonia) is flagged country.ambiguous and left as it is; a value that is none of these "
      "is flagged country.unknown and left as it is. A found country is written to `to` "
      "(default: `field`) as `format`: alpha2 (default), alpha3, numeric or name, the English "
      "short name (iso-codes common_name, else name: Germany, South Korea, United States); "
      "`name_to` and `code_to` receive the name and the alpha-2 code as well, and "
      "`subdivision_to` the ISO 3166-2 code when the value named a part of a country (England "
      "-> GB-ENG). Codes, alpha-3, numeric and English names come from the Debian iso-codes "
      "table /usr/share/iso-codes/json/iso_3166-1.json (PARDOT_CLEAN_ISO_CODES overrides the "
      "directory); the name index (about 30,000 keys) is built once per process when the first "
      "country rule is loaded, in about a second. Results are cached per thread by value. "
      "Counters: by_code, by_alias and by_name count the values recognised each way; lookups "
      "counts the distinct values that were not in the cache.",
      kOptions,
      [](const Options& o) -> std::unique_ptr<Rule> { return std::make_unique<CountryRule>(o); }};
  return spec;
}

}  // namespace pdc
