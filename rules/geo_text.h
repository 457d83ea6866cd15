// Place names (countries, subdivisions) as people type them, reduced to lookup keys, and the
// system data they are looked up in: the Debian iso-codes JSON tables and their gettext
// translations. Every function here is safe to call from many threads at once.
#pragma once

#include <filesystem>
#include <iterator>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace pdc::geo {

// `raw` (well-formed UTF-8) as a person meant it: invisible characters dropped, white space
// collapsed to single spaces and trimmed, punctuation and symbols around it stripped (brackets
// only when they wrap the whole value) and a leading "the " removed.
std::string CleanPlaceName(std::string_view raw);

// The case key of a cleaned name: NFKC_Casefold ("ＵＳＡ" and "usa" agree); ASCII is only
// lower-cased.
std::string CaseKey(std::string_view clean);

// The ASCII key of a case key: Latin-ASCII transliteration ("österreich" -> "osterreich"), dots
// and apostrophes dropped ("u.s.a." -> "usa"), any other punctuation made a space, spaces
// collapsed. Empty when something non-ASCII remains (a name in another script has no ASCII key).
std::string AsciiKey(std::string_view case_key);

// "CD, CG" for an ambiguous name's candidates: sorted, comma-separated, with ", ..." when there
// were more than listed.
std::string JoinCandidates(std::vector<std::string> codes, bool more);

// The counter slot of a match's source (0 code, 1 alias, 2 name), or -1 when none.
template <typename Source>
int SourceSlot(Source source) {
  switch (source) {
    case Source::kCode:
      return 0;
    case Source::kAlias:
      return 1;
    case Source::kName:
      return 2;
    case Source::kNone:
      break;
  }
  return -1;
}

// What the country and state rules count per record value: how values were recognised, and how
// many distinct values needed a lookup (the rest came from the cache).
inline constexpr const char* kCounterNames[] = {"by_code", "by_alias", "by_name", "lookups"};
inline constexpr int kLookups = 3;

// One thread's cache of resolved values and its counts, in the order of kCounterNames.
template <typename Cache>
struct ThreadState {
  Cache cache;
  long long counts[std::size(kCounterNames)] = {};
};

// One object of an iso-codes table: its string members by name.
using IsoRecord = std::unordered_map<std::string, std::string>;

// The directory of the iso-codes JSON tables: $PARDOT_CLEAN_ISO_CODES when set, else
// /usr/share/iso-codes/json (Debian package iso-codes).
std::filesystem::path IsoCodesDirectory();

// Reads the array `table` ("3166-1", "3166-2") of an iso-codes JSON file. Throws DataError
// naming the path when the file is missing or is not such a table.
std::vector<IsoRecord> ReadIsoCodesTable(const std::filesystem::path& path, std::string_view table);

// Every (original, translation) pair of the gettext catalogues `domain`.mo of all languages under
// the system locale directory next to the iso-codes tables (/usr/share/locale/*/LC_MESSAGES).
// Translations are extra spellings only: unreadable catalogues are skipped.
std::vector<std::pair<std::string, std::string>> ReadTranslations(std::string_view domain);

}  // namespace pdc::geo
