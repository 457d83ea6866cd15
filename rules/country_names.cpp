#include "rules/country_names.h"

#include <unicode/locid.h>
#include <unicode/ulocdata.h>
#include <unicode/unistr.h>
#include <unicode/uvernum.h>
#include <unicode/uversion.h>

#include <algorithm>
#include <unordered_set>
#include <utility>

#include "rules/data_files.h"
#include "rules/geo_text.h"
#include "rules/utf8.h"

namespace pdc {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  return out;
}

const std::string& Member(const geo::IsoRecord& record, const std::string& key) {
  static const std::string kNone;
  const auto it = record.find(key);
  return it == record.end() ? kNone : it->second;
}

}  // namespace

bool CountryNames::Entry::Add(std::uint16_t country) {
  for (int i = 0; i < std::min<int>(count, kMax); ++i) {
    if (codes[i] == country) return false;
  }
  if (count < kMax) codes[count] = country;
  if (count < 255) ++count;
  return true;
}

const CountryNames& CountryNames::Get() {
  static const CountryNames names;  // C++ guarantees one thread builds it; the rest wait
  return names;
}

CountryNames::CountryNames() {
  const auto path = geo::IsoCodesDirectory() / "iso_3166-1.json";
  const std::vector<geo::IsoRecord> records = geo::ReadIsoCodesTable(path, "3166-1");
  for (const geo::IsoRecord& record : records) {
    Country c;
    c.alpha2 = Member(record, "alpha_2");
    c.alpha3 = Member(record, "alpha_3");
    c.numeric = Member(record, "numeric");
    c.name = Member(record, "common_name");
    if (c.name.empty()) c.name = Member(record, "name");
    if (c.alpha2.size() != 2 || c.alpha3.size() != 3 || c.name.empty()) {
      throw DataError(path.string() + ": an entry without alpha_2, alpha_3 or name");
    }
    const int index = static_cast<int>(countries_.size());
    codes_[Lower(c.alpha2)] = index;
    codes_[Lower(c.alpha3)] = index;
    if (c.numeric.size() == 3) codes_[c.numeric] = index;
    countries_.push_back(std::move(c));
  }

  // Every display name of every ISO country in every ICU locale, collected first so that each
  // distinct spelling is folded once.
  std::unordered_map<std::string, Entry> spellings;
  std::vector<std::pair<icu::Locale, std::uint16_t>> regions;
  for (const char* const* code = icu::Locale::getISOCountries(); *code != nullptr; ++code) {
    const int index = FindAlpha2(*code);
    if (index >= 0) regions.emplace_back(icu::Locale("", *code), static_cast<std::uint16_t>(index));
  }
  std::int32_t locale_count = 0;
  const icu::Locale* locales = icu::Locale::getAvailableLocales(locale_count);
  icu::UnicodeString display;
  std::string name;
  for (std::int32_t i = 0; i < locale_count; ++i) {
    for (const auto& [region, index] : regions) {
      display.remove();
      region.getDisplayCountry(locales[i], display);
      name.clear();
      display.toUTF8String(name);
      // A locale without a name for the region falls back to the bare code.
      if (name.empty() || name == countries_[index].alpha2) continue;
      spellings[name].Add(index);
    }
  }
  for (std::size_t i = 0; i < records.size(); ++i) {
    for (const char* key : {"name", "common_name", "official_name"}) {
      if (const std::string& n = Member(records[i], key); !n.empty()) {
        spellings[n].Add(static_cast<std::uint16_t>(i));
      }
    }
  }
  for (const auto& [spelling, entry] : spellings) AddName(spelling, entry);
  UVersionInfo cldr;
  UErrorCode status = U_ZERO_ERROR;
  ulocdata_getCLDRVersion(cldr, &status);
  char cldr_text[U_MAX_VERSION_STRING_LENGTH] = "unknown";
  if (U_SUCCESS(status)) u_versionToString(cldr, cldr_text);
  NoteDataSource({"ICU CLDR country names",
                  std::string("CLDR ") + cldr_text + ", ICU " + U_ICU_VERSION,
                  "ICU display names of every locale", "Unicode-DFS-2016",
                  static_cast<std::size_t>(locale_count)});
  LoadAliases();
}

void CountryNames::AddName(std::string_view name, const Entry& entry) {
  const std::string case_key = geo::CaseKey(geo::CleanPlaceName(name));
  if (case_key.empty()) return;
  auto merge = [&](const std::string& key) {
    Entry& into = names_[key];
    for (int i = 0; i < std::min<int>(entry.count, Entry::kMax); ++i) into.Add(entry.codes[i]);
  };
  merge(case_key);
  if (std::string ascii = geo::AsciiKey(case_key); !ascii.empty() && ascii != case_key) {
    merge(ascii);
  }
}

void CountryNames::LoadAliases() {
  const auto file = DataFile::Load("country_aliases.tsv");
  std::unordered_set<std::string> listed;  // case keys of the aliases read so far
  for (const DataLine& line : file->lines()) {
    const std::vector<std::string> columns = DataFile::Columns(line.text, '\t');
    if (columns.size() < 2 || columns.size() > 3 || columns[0].empty() ||
        !utf8::IsValid(columns[0])) {
      throw DataError(file->Where(line.number) +
                      ": expected alias<TAB>codes[<TAB>subdivision], codes as XX or XX|YY");
    }
    Alias alias;
    std::string_view codes = columns[1];
    while (!codes.empty()) {
      const std::string_view code = codes.substr(0, codes.find('|'));
      const int index = FindAlpha2(code);
      if (index < 0 || code.size() != 2) {
        throw DataError(file->Where(line.number) + ": \"" + std::string(code) +
                        "\" is not an ISO 3166-1 alpha-2 code");
      }
      alias.entry.Add(static_cast<std::uint16_t>(index));
      codes.remove_prefix(std::min(codes.size(), code.size() + 1));
    }
    if (columns.size() == 3) {
      alias.subdivision = columns[2];
      if (alias.entry.count != 1 ||
          !alias.subdivision.starts_with(countries_[alias.entry.codes[0]].alpha2 + "-")) {
        throw DataError(file->Where(line.number) + ": subdivision \"" + alias.subdivision +
                        "\" is not in the alias's country");
      }
    }
    const std::string case_key = geo::CaseKey(geo::CleanPlaceName(columns[0]));
    if (case_key.empty()) throw DataError(file->Where(line.number) + ": an empty alias");
    if (!listed.insert(case_key).second) {
      throw DataError(file->Where(line.number) + ": alias \"" + columns[0] + "\" is listed twice");
    }
    aliases_[case_key] = alias;  // over another alias's ASCII spelling
    // The ASCII spelling is a second way in, unless another alias claims it itself.
    if (std::string ascii = geo::AsciiKey(case_key); !ascii.empty() && ascii != case_key) {
      aliases_.emplace(std::move(ascii), alias);
    }
  }
}

int CountryNames::FindAlpha2(std::string_view code) const {
  if (code.size() != 2) return -1;
  const auto it = codes_.find(Lower(code));
  return it == codes_.end() ? -1 : it->second;
}

std::size_t CountryNames::ambiguous_keys() const {
  return static_cast<std::size_t>(std::count_if(
      names_.begin(), names_.end(), [](const auto& kv) { return kv.second.count > 1; }));
}

CountryMatch CountryNames::FromEntry(const Entry& entry, CountryMatch::Source source) const {
  CountryMatch match;
  match.source = source;
  if (entry.count == 1) {
    match.kind = CountryMatch::Kind::kFound;
    match.country = entry.codes[0];
    return match;
  }
  match.kind = CountryMatch::Kind::kAmbiguous;
  std::vector<std::string> codes;
  for (int i = 0; i < std::min<int>(entry.count, Entry::kMax); ++i) {
    codes.push_back(countries_[entry.codes[i]].alpha2);
  }
  match.candidates = geo::JoinCandidates(std::move(codes), entry.count > Entry::kMax);
  return match;
}

CountryMatch CountryNames::Lookup(std::string_view raw) const {
  const std::string case_key = geo::CaseKey(geo::CleanPlaceName(raw));
  if (case_key.empty()) return {};
  if (case_key.size() <= 3 && utf8::IsAscii(case_key)) {
    if (const auto it = codes_.find(case_key); it != codes_.end()) {
      CountryMatch match;
      match.kind = CountryMatch::Kind::kFound;
      match.country = it->second;
      match.source = CountryMatch::Source::kCode;
      return match;
    }
  }
  if (const auto it = aliases_.find(case_key); it != aliases_.end()) {
    CountryMatch match = FromEntry(it->second.entry, CountryMatch::Source::kAlias);
    match.subdivision = it->second.subdivision;
    return match;
  }
  const std::string ascii = geo::AsciiKey(case_key);
  const bool has_ascii = !ascii.empty() && ascii != case_key;
  if (has_ascii) {
    if (const auto it = aliases_.find(ascii); it != aliases_.end()) {
      CountryMatch match = FromEntry(it->second.entry, CountryMatch::Source::kAlias);
      match.subdivision = it->second.subdivision;
      return match;
    }
  }
  if (const auto it = names_.find(case_key); it != names_.end()) {
    return FromEntry(it->second, CountryMatch::Source::kName);
  }
  if (has_ascii) {
    if (const auto it = names_.find(ascii); it != names_.end()) {
      return FromEntry(it->second, CountryMatch::Source::kName);
    }
  }
  return {};
}

}  // namespace pdc
