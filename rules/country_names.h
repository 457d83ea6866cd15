// Country names: every spelling of a country the product knows, mapped to ISO 3166-1. Built
// once per process on first use (about a second: the CLDR display names of every ICU locale)
// and immutable afterwards, so lookups are safe from many threads at once.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pdc {

struct Country {
  std::string alpha2;   // "DE"
  std::string alpha3;   // "DEU"
  std::string numeric;  // "276"
  std::string name;     // English short name: "Germany"
};

struct CountryMatch {
  enum class Kind { kFound, kAmbiguous, kUnknown };
  Kind kind = Kind::kUnknown;
  int country = -1;         // index into CountryNames::countries() when found
  std::string subdivision;  // ISO 3166-2 code when the name is a part of the country ("GB-ENG")
  enum class Source { kNone, kCode, kAlias, kName };
  Source source = Source::kNone;  // what matched: an ISO code, a curated alias or a name
  std::string candidates;         // "KP, KR" when ambiguous
};

class CountryNames {
 public:
  // The process-wide index; built on the first call (thread-safe). Throws DataError when the
  // iso-codes table or data/country_aliases.tsv cannot be read.
  static const CountryNames& Get();

  const std::vector<Country>& countries() const { return countries_; }
  // The index of an alpha-2 code (any case), or -1.
  int FindAlpha2(std::string_view code) const;

  // Looks up a value (well-formed UTF-8) in order: ISO code, curated alias, CLDR or iso-codes
  // name, each by its case key and then its ASCII key.
  CountryMatch Lookup(std::string_view raw) const;

  // Sizes, for `pardot-clean rules country` and tests.
  std::size_t name_keys() const { return names_.size(); }
  std::size_t ambiguous_keys() const;

 private:
  // The countries a key names: one, or several (ambiguous).
  struct Entry {
    static constexpr int kMax = 6;
    std::uint16_t codes[kMax] = {};
    std::uint8_t count = 0;
    bool Add(std::uint16_t country);  // false when `country` was there already
  };
  struct Alias {
    Entry entry;
    std::string subdivision;
  };

  CountryNames();
  void AddName(std::string_view name, const Entry& entry);
  void LoadAliases();
  CountryMatch FromEntry(const Entry& entry, CountryMatch::Source source) const;

  std::vector<Country> countries_;
  std::unordered_map<std::string, int> codes_;  // lower-case alpha-2, alpha-3 and numeric
  std::unordered_map<std::string, Alias> aliases_;
  std::unordered_map<std::string, Entry> names_;
};

}  // namespace pdc
