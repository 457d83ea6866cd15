// Country subdivisions (ISO 3166-2): codes and names from the Debian iso-codes table, their
// translations into every language iso-codes ships, and curated aliases (postal abbreviations,
// English exonyms). Built once per process on first use and immutable afterwards, so lookups are
// safe from many threads at once.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace pdc {

struct Subdivision {
  std::string code;  // "US-CA"
  std::string name;  // "California" (iso-codes name; a bracketed second name dropped)
  int parent = -1;   // the subdivision this one lies in (ES-M in ES-MD), or -1
};

struct SubdivisionMatch {
  enum class Kind { kFound, kAmbiguous, kUnknown, kNoCountry, kOtherCountry };
  Kind kind = Kind::kUnknown;
  enum class Source { kNone, kCode, kAlias, kName };
  Source source = Source::kNone;  // what matched: an ISO code, a curated alias or a name
  int subdivision = -1;           // index into Subdivisions::all() when found (or kOtherCountry)
  std::string candidates;         // "FR-75, FR-75C" when ambiguous
};

class Subdivisions {
 public:
  // The process-wide index; built on the first call (thread-safe). Throws DataError when the
  // iso-codes table or data/state_aliases.tsv cannot be read.
  static const Subdivisions& Get();

  const std::vector<Subdivision>& all() const { return all_; }
  // True when iso-codes lists subdivisions for the alpha-2 `country` (upper case).
  bool HasCountry(std::string_view country) const;

  // Looks `raw` (well-formed UTF-8) up within `country` (upper-case alpha-2, or "" when the
  // record has none): the full code (US-CA), the code without its prefix (CA, N.S.W.) only
  // with a country, then a name or alias by its case key and its ASCII key, then the same with
  // generic words such as "County", "län" or 県 taken off. Without a country a name must
  // match a single subdivision in the world.
  SubdivisionMatch Lookup(std::string_view raw, std::string_view country) const;

 private:
  // The subdivisions a key names, and how strongly: 0 an alias, 1 a name, 2 a name with a
  // generic word taken off. A stronger rank replaces weaker ones.
  struct Entry {
    static constexpr int kMax = 6;
    std::uint16_t ids[kMax] = {};
    std::uint8_t count = 0;
    std::uint8_t rank = 255;
    void Add(std::uint16_t id, std::uint8_t rank);
  };

  Subdivisions();
  void AddName(std::uint16_t id, std::string_view name, std::uint8_t rank);
  void AddKey(std::uint16_t id, const std::string& key, std::uint8_t rank);
  void LoadAliases();
  const Entry* FindName(std::string_view country, const std::string& key) const;
  SubdivisionMatch FromEntry(const Entry& entry) const;
  bool Contains(int outer, int inner) const;  // `inner` lies within `outer`

  std::vector<Subdivision> all_;
  std::unordered_map<std::string, int> codes_;  // "US-CA"
  std::unordered_set<std::string> countries_;   // alpha-2 codes with subdivisions
  // Name keys by country ("US\x1f" + key) and for the whole world (key alone).
  std::unordered_map<std::string, Entry> names_;
};

}  // namespace pdc
