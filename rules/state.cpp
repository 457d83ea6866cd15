// state: a state, province or other subdivision to ISO 3166-2 within the record's country
// (resolved first by the country rule): "Calif.", "california" and "US-CA" all become "CA" in the
// US, while "CA" alone is never read without a country. Results are cached per thread by
// (raw value, country).
#include <tbb/enumerable_thread_specific.h>

#include <functional>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "rules/geo_text.h"
#include "rules/rule.h"
#include "rules/subdivisions.h"
#include "rules/text_hash.h"
#include "rules/utf8.h"

namespace pdc {
namespace {

constexpr OptionSpec kOptions[] = {
    {"field", OptionType::kField, "state", false, "the field holding the state or province"},
    {"to", OptionType::kField, "", false, "write the result here instead (default: `field`)"},
    {"country_from", OptionType::kField, "country", false,
     "the field with the record's ISO 3166-1 alpha-2 country (run `country` first)"},
    {"format", OptionType::kChoice, "code", false,
     "what to write: code (CA), full_code (US-CA) or name (California)", "code|full_code|name"},
    {"name_to", OptionType::kField, "", false, "also write the subdivision's name here"},
    {"full_code_to", OptionType::kField, "", false, "also write the full ISO code (US-CA) here"},
};

constexpr std::size_t kMaxLength = 200;  // no subdivision name is longer; longer values are junk

struct Resolved {
  SubdivisionMatch::Kind kind = SubdivisionMatch::Kind::kUnknown;
  int subdivision = -1;
  SubdivisionMatch::Source source = SubdivisionMatch::Source::kNone;
  std::string flag_code;  // "" when found
  std::string message;
};

using Cache = std::unordered_map<std::string, Resolved, TextHash, std::equal_to<>>;

// Counted per record value: how subdivisions were recognised, and how many distinct (value,
// country) pairs needed a lookup (the rest came from the cache).
using PerThread = geo::ThreadState<Cache>;

class StateRule final : public Rule {
 public:
  explicit StateRule(const Options& o)
      : subdivisions_(Subdivisions::Get()),
        field_(o.Field("field")),
        to_(o.Has("to") ? o.Field("to") : o.Field("field")),
        country_from_(o.Field("country_from")),
        name_to_(OptionalField(o, "name_to")),
        full_code_to_(OptionalField(o, "full_code_to")) {
    const std::string& format = o.String("format");
    format_ = format == "full_code" ? Format::kFullCode
              : format == "name"    ? Format::kName
                                    : Format::kCode;
  }

  void Apply(Record& record) const override {
    const Value& value = record.Get(field_);
    if (value.kind() != Value::Kind::kText || value.empty()) return;
    const std::string_view raw = value.view();
    if (raw.size() > kMaxLength) {
      record.AddFlag(field_, index(), "state.unknown", "too long for a subdivision name");
      return;
    }
    if (!utf8::IsValid(raw)) {
      record.AddFlag(field_, index(), "state.unknown", "not well-formed UTF-8");
      return;
    }
    const Resolved& r = Resolve(raw, CountryOf(record));
    if (!r.flag_code.empty()) {
      record.AddFlag(field_, index(), r.flag_code, r.message);
      return;
    }
    const Subdivision& s = subdivisions_.all()[static_cast<std::size_t>(r.subdivision)];
    const std::string out = format_ == Format::kFullCode ? s.code
                            : format_ == Format::kName   ? s.name
                                                         : s.code.substr(3);
    record.Set(to_, Value::Text(out), index());
    if (name_to_) record.Set(*name_to_, Value::Text(s.name), index());
    if (full_code_to_) record.Set(*full_code_to_, Value::Text(s.code), index());
  }

 private:
  enum class Format { kCode, kFullCode, kName };

  static std::optional<FieldId> OptionalField(const Options& o, std::string_view key) {
    if (!o.Has(key)) return std::nullopt;
    return o.Field(key);
  }

  // The record's country as an upper-case alpha-2 code, or "" when it holds none.
  std::string CountryOf(const Record& record) const {
    const std::string_view c = record.Get(country_from_).view();
    auto letter = [](char ch) { return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z'); };
    if (c.size() != 2 || !letter(c[0]) || !letter(c[1])) return {};
    return {static_cast<char>(c[0] & ~0x20), static_cast<char>(c[1] & ~0x20)};
  }

  const Resolved& Resolve(std::string_view raw, const std::string& country) const {
    PerThread& local = local_.local();
    Cache& cache = local.cache;
    std::string key = country;
    key += '\x1f';
    key += raw;
    if (const auto it = cache.find(key); it != cache.end()) {
      Count(local, it->second);
      return it->second;
    }
    if (cache.size() > 50000) cache.clear();  // bounded: a file repeats few spellings
    ++local.counts[geo::kLookups];
    const SubdivisionMatch match = subdivisions_.Lookup(raw, country);
    Resolved r;
    r.kind = match.kind;
    r.subdivision = match.subdivision;
    r.source = match.source;
    const std::string quoted = "\"" + std::string(raw) + "\"";
    switch (match.kind) {
      case SubdivisionMatch::Kind::kFound:
        break;
      case SubdivisionMatch::Kind::kAmbiguous:
        r.flag_code = "state.ambiguous";
        r.message = quoted + " names more than one subdivision of " + country + " (" +
                    match.candidates + "): not guessed";
        break;
      case SubdivisionMatch::Kind::kNoCountry:
        r.flag_code = "state.no_country";
        r.message = quoted + " needs the record's country to be read: not guessed";
        break;
      case SubdivisionMatch::Kind::kOtherCountry:
        r.flag_code = "state.unknown";
        r.message =
            quoted + " is a subdivision of " +
            subdivisions_.all()[static_cast<std::size_t>(match.subdivision)].code.substr(0, 2) +
            ", not of " + country;
        break;
      case SubdivisionMatch::Kind::kUnknown:
        r.flag_code = "state.unknown";
        r.message = country.empty() ? quoted + " is no known subdivision"
                                    : quoted + " is no known subdivision of " + country;
        break;
    }
    const Resolved& stored = cache.emplace(std::move(key), std::move(r)).first->second;
    Count(local, stored);
    return stored;
  }

  static void Count(PerThread& local, const Resolved& r) {
    if (r.kind != SubdivisionMatch::Kind::kFound) return;
    if (const int slot = geo::SourceSlot(r.source); slot >= 0) ++local.counts[slot];
  }

  Counters counters() const override { return SumThreadCounts(geo::kCounterNames, local_); }

  const Subdivisions& subdivisions_;
  FieldId field_;
  FieldId to_;
  FieldId country_from_;
  std::optional<FieldId> name_to_, full_code_to_;
  Format format_ = Format::kCode;
  mutable tbb::enumerable_thread_specific<PerThread> local_;
};

}  // namespace

const RuleSpec& StateRuleSpec() {
  static const RuleSpec spec{
      "state",
      1,
      "map a state or province to ISO 3166-2 within the record's country",
      "For a text in `field`, within the country in `country_from` (an ISO alpha-2 code: run "
      "`country` first): invisible characters are dropped, white space collapsed and trimmed, "
      "punctuation around the value removed. It is then looked up, in order: (a) the full ISO "
      "3166-2 code (US-CA, any case; one of another country is flagged state.unknown); (b) the "
      "code without its country prefix (CA, ca, N.S.W., NSW, QC) - only when the record has a "
      "country: alone, CA could be California or Canada, so a code-shaped value (up to three "
      "letters or digits) without a country is flagged state.no_country and left as it is; the "
      "ISO codes of the United States, Canada and Australia are their postal abbreviations; (c) "
      "a curated alias from data/state_aliases.tsv (Calif., Que., PQ, NRW, CDMX, Bavaria, "
      "Vienna); (d) a name: the iso-codes name of every subdivision with its bracketed second "
      "name (Catalunya [Cataluña]) and its translations into every language iso-codes ships "
      "(Bavaria, 東京, Москва, 北京市), matched by case-folded and then ASCII form "
      "(baden wurttemberg, ile de france), inverted at a comma (Madrid, Comunidad de = "
      "Comunidad de Madrid), and as a last resort without a generic word on either side "
      "(County Cork, Skåne län, Guangdong Sheng, 神奈川県). Without a country a name is taken "
      "only when it names a single subdivision in the world. A name shared by a subdivision and "
      "one inside it means the larger (Madrid: the community ES-MD, not its province ES-M); "
      "one shared by two unrelated subdivisions of the country is flagged state.ambiguous; "
      "anything else is flagged "
      "state.unknown; both are left as they are. A found subdivision is written to `to` "
      "(default: `field`) as `format`: code (CA, the part after the hyphen), full_code (US-CA) "
      "or name (California, the iso-codes name); `name_to` and `full_code_to` receive the name "
      "and full code as well. Data: the Debian iso-codes table "
      "/usr/share/iso-codes/json/iso_3166-2.json and its gettext catalogues "
      "/usr/share/locale/*/LC_MESSAGES/iso_3166-2.mo (PARDOT_CLEAN_ISO_CODES overrides the "
      "json directory), read once per process when the first state rule is loaded. Results are "
      "cached per thread by (value, country). Counters: by_code, by_alias and by_name count the "
      "values recognised each way; lookups counts the (value, country) pairs not in the cache.",
      kOptions,
      [](const Options& o) -> std::unique_ptr<Rule> { return std::make_unique<StateRule>(o); }};
  return spec;
}

}  // namespace pdc
