#include "rules/subdivisions.h"

#include <algorithm>
#include <utility>

#include "rules/data_files.h"
#include "rules/geo_text.h"
#include "rules/utf8.h"

namespace pdc {
namespace {

constexpr char kSeparator = '\x1f';  // between country and key; cleaned names never hold it

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
  return out;
}

bool IsCodeShaped(std::string_view s) {
  if (s.empty() || s.size() > 3) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  });
}

// "US-CA", "GB-CYM", "FR-75C": two letters, a hyphen, one to three letters or digits.
bool IsFullCode(std::string_view s) {
  return s.size() >= 4 && s.size() <= 6 && s[2] == '-' && IsCodeShaped(s.substr(0, 2)) &&
         IsCodeShaped(s.substr(3));
}

// Words that say what kind of subdivision a name is rather than which one: "County Cork",
// "Skåne län", "Guangdong Sheng", 神奈川県. Taken off names and lookups alike as a last resort.
constexpr std::string_view kLeadingWords[] = {
    "county ",       "co. ",        "co ",           "province of ", "state of ", "provincia de ",
    "provincia di ", "provincia ",  "comunidad de ", "comunidad ",   "région ",   "region ",
    "республика ",   "respublika ", "canton of ",    "kanton "};
constexpr std::string_view kTrailingWords[] = {
    " county",   " province",    " prefecture", " region", " state",      " län",
    " lan",      " oblast'",     " oblast",     " kraj",   " krai",       " sheng",
    " shi",      " zizhiqu",     " область",    " край",   " respublika", " voivodeship",
    " district", " governorate", " canton",     "-ken"};
constexpr std::string_view kTrailingCjk[] = {"自治区", "省", "市", "県", "府", "都", "道", "州"};

// The key without a generic word, or "" when it has none.
std::string StripGeneric(std::string_view key) {
  std::string_view s = key;
  for (std::string_view word : kLeadingWords) {
    if (s.size() > word.size() && s.starts_with(word)) {
      s.remove_prefix(word.size());
      break;
    }
  }
  for (std::string_view word : kTrailingWords) {
    if (s.size() > word.size() && s.ends_with(word)) {
      s.remove_suffix(word.size());
      break;
    }
  }
  for (std::string_view word : kTrailingCjk) {
    // A CJK name keeps at least two characters: 北海道 is not 北海 + 道 for a person.
    if (s.size() >= word.size() + 6 && s.ends_with(word)) {
      s.remove_suffix(word.size());
      break;
    }
  }
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (s.size() == key.size() || s.empty()) return {};
  return std::string(s);
}

}  // namespace

void Subdivisions::Entry::Add(std::uint16_t id, std::uint8_t new_rank) {
  if (new_rank > rank) return;
  if (new_rank < rank) {
    count = 0;
    rank = new_rank;
  }
  for (int i = 0; i < std::min<int>(count, kMax); ++i) {
    if (ids[i] == id) return;
  }
  if (count < kMax) ids[count] = id;
  if (count < 255) ++count;
}

const Subdivisions& Subdivisions::Get() {
  static const Subdivisions subdivisions;  // C++ guarantees one thread builds it; the rest wait
  return subdivisions;
}

Subdivisions::Subdivisions() {
  const auto path = geo::IsoCodesDirectory() / "iso_3166-2.json";
  const std::vector<geo::IsoRecord> records = geo::ReadIsoCodesTable(path, "3166-2");
  // The iso-codes name of each subdivision, for its translations: name -> ids.
  std::unordered_map<std::string, std::vector<std::uint16_t>> by_name;
  std::vector<std::pair<std::uint16_t, std::string>> names;    // (id, name), indexed below
  std::vector<std::pair<std::uint16_t, std::string>> parents;  // (id, parent's code)
  for (const geo::IsoRecord& record : records) {
    const auto code = record.find("code");
    const auto name = record.find("name");
    if (code == record.end() || name == record.end() || !IsFullCode(code->second)) {
      throw DataError(path.string() + ": an entry without a code like XX-YY or a name");
    }
    const auto id = static_cast<std::uint16_t>(all_.size());
    // "Catalunya [Cataluña]", "Wales [Cymru GB-CYM]", "Skåne län [SE-12]": a second name
    // and former or alternative codes in brackets.
    std::string primary = name->second;
    std::string second;
    if (const auto open = primary.find(" ["); open != std::string::npos && primary.back() == ']') {
      std::string_view inside(primary);
      inside = inside.substr(open + 2, inside.size() - open - 3);
      while (!inside.empty()) {
        const std::string_view word = inside.substr(0, inside.find(' '));
        if (IsFullCode(word)) {
          codes_.emplace(Upper(word), id);
        } else {
          if (!second.empty()) second += ' ';
          second += word;
        }
        inside.remove_prefix(std::min(inside.size(), word.size() + 1));
      }
      primary.resize(open);
    }
    by_name[name->second].push_back(id);
    names.emplace_back(id, primary);
    if (!second.empty()) names.emplace_back(id, second);
    codes_[code->second] = id;
    countries_.insert(code->second.substr(0, 2));
    all_.push_back({code->second, primary, -1});
    if (const auto parent = record.find("parent"); parent != record.end()) {
      parents.emplace_back(id, code->second.substr(0, 3) + parent->second);
    }
  }
  for (const auto& [id, parent] : parents) {
    if (const auto it = codes_.find(parent); it != codes_.end()) all_[id].parent = it->second;
  }
  for (const auto& [id, name] : names) AddName(id, name, 1);
  for (const auto& [original, translation] : geo::ReadTranslations("iso_3166-2")) {
    if (const auto it = by_name.find(original); it != by_name.end()) {
      for (const std::uint16_t id : it->second) AddName(id, translation, 1);
    }
  }
  LoadAliases();
}

void Subdivisions::AddName(std::uint16_t id, std::string_view name, std::uint8_t rank) {
  const std::string case_key = geo::CaseKey(geo::CleanPlaceName(name));
  if (case_key.empty()) return;
  const std::string ascii = geo::AsciiKey(case_key);
  for (const std::string* key : {&case_key, &ascii}) {
    if (key->empty() || (key == &ascii && ascii == case_key)) continue;
    AddKey(id, *key, rank);
    if (rank == 0) continue;  // aliases are exact
    // "Madrid, Comunidad de" is also "Comunidad de Madrid" and, loosely, "Madrid".
    if (const auto comma = key->find(", "); comma != std::string::npos) {
      const std::string head = key->substr(0, comma);
      AddKey(id, key->substr(comma + 2) + " " + head, rank);
      AddKey(id, head, 2);
    }
    if (std::string loose = StripGeneric(*key); !loose.empty()) AddKey(id, loose, 2);
  }
}

void Subdivisions::AddKey(std::uint16_t id, const std::string& key, std::uint8_t rank) {
  std::string scoped = all_[id].code.substr(0, 2);
  scoped += kSeparator;
  scoped += key;
  names_[scoped].Add(id, rank);
  names_[key].Add(id, rank);
}

void Subdivisions::LoadAliases() {
  const auto file = DataFile::Load("state_aliases.tsv");
  for (const DataLine& line : file->lines()) {
    const std::vector<std::string> columns = DataFile::Columns(line.text, '\t');
    if (columns.size() != 3 || columns[1].empty() || !utf8::IsValid(columns[1])) {
      throw DataError(file->Where(line.number) + ": expected country<TAB>alias<TAB>code");
    }
    const auto it = codes_.find(columns[0] + "-" + columns[2]);
    if (it == codes_.end()) {
      throw DataError(file->Where(line.number) + ": " + columns[0] + "-" + columns[2] +
                      " is not an ISO 3166-2 code in iso-codes");
    }
    AddName(static_cast<std::uint16_t>(it->second), columns[1], 0);
  }
}

bool Subdivisions::HasCountry(std::string_view country) const {
  return countries_.count(std::string(country)) > 0;
}

const Subdivisions::Entry* Subdivisions::FindName(std::string_view country,
                                                  const std::string& key) const {
  if (key.empty()) return nullptr;
  std::string scoped;
  if (!country.empty()) {
    scoped.reserve(country.size() + 1 + key.size());
    scoped += country;
    scoped += kSeparator;
  }
  scoped += key;
  const auto it = names_.find(scoped);
  return it == names_.end() ? nullptr : &it->second;
}

bool Subdivisions::Contains(int outer, int inner) const {
  // iso-codes nests at most three levels; the bound only guards against a malformed table.
  for (int depth = 0; depth < 8 && inner >= 0; ++depth) {
    inner = all_[static_cast<std::size_t>(inner)].parent;
    if (inner == outer) return true;
  }
  return false;
}

SubdivisionMatch Subdivisions::FromEntry(const Entry& entry) const {
  SubdivisionMatch match;
  match.source =
      entry.rank == 0 ? SubdivisionMatch::Source::kAlias : SubdivisionMatch::Source::kName;
  if (entry.count == 1) {
    match.kind = SubdivisionMatch::Kind::kFound;
    match.subdivision = entry.ids[0];
    return match;
  }
  // "Madrid" is both the community ES-MD and its province ES-M: a name shared by a subdivision
  // and the ones inside it means the larger one.
  if (entry.count <= Entry::kMax) {
    for (int i = 0; i < entry.count; ++i) {
      bool contains_all = true;
      for (int j = 0; j < entry.count && contains_all; ++j) {
        contains_all = j == i || Contains(entry.ids[i], entry.ids[j]);
      }
      if (contains_all) {
        match.kind = SubdivisionMatch::Kind::kFound;
        match.subdivision = entry.ids[i];
        return match;
      }
    }
  }
  match.kind = SubdivisionMatch::Kind::kAmbiguous;
  std::vector<std::string> codes;
  for (int i = 0; i < std::min<int>(entry.count, Entry::kMax); ++i) {
    codes.push_back(all_[entry.ids[i]].code);
  }
  match.candidates = geo::JoinCandidates(std::move(codes), entry.count > Entry::kMax);
  return match;
}

SubdivisionMatch Subdivisions::Lookup(std::string_view raw, std::string_view country) const {
  SubdivisionMatch match;
  const std::string case_key = geo::CaseKey(geo::CleanPlaceName(raw));
  if (case_key.empty()) return match;
  const std::string ascii = geo::AsciiKey(case_key);
  if (utf8::IsAscii(case_key) && IsFullCode(case_key)) {
    if (const auto it = codes_.find(Upper(case_key)); it != codes_.end()) {
      match.subdivision = it->second;
      match.source = SubdivisionMatch::Source::kCode;
      match.kind = country.empty() || all_[it->second].code.starts_with(country)
                       ? SubdivisionMatch::Kind::kFound
                       : SubdivisionMatch::Kind::kOtherCountry;
      return match;
    }
  }
  // The code without its country: "CA", "nsw", "N.S.W.", "Qc".
  std::string compact;
  for (const char c : ascii.empty() ? std::string_view() : std::string_view(ascii)) {
    if (c != ' ') compact += c;
  }
  if (IsCodeShaped(compact)) {
    if (country.empty()) {
      match.kind = SubdivisionMatch::Kind::kNoCountry;
      return match;
    }
    std::string code(country);
    code += '-';
    code += Upper(compact);
    if (const auto it = codes_.find(code); it != codes_.end()) {
      match.kind = SubdivisionMatch::Kind::kFound;
      match.source = SubdivisionMatch::Source::kCode;
      match.subdivision = it->second;
      return match;
    }
  }
  const Entry* entry = FindName(country, case_key);
  if (entry == nullptr && ascii != case_key) entry = FindName(country, ascii);
  if (entry == nullptr) entry = FindName(country, StripGeneric(case_key));
  if (entry == nullptr && ascii != case_key) entry = FindName(country, StripGeneric(ascii));
  if (entry == nullptr) return match;
  match = FromEntry(*entry);
  // Without a country only a name that is unique in the world is taken.
  if (country.empty() && match.kind == SubdivisionMatch::Kind::kAmbiguous) {
    match.kind = SubdivisionMatch::Kind::kNoCountry;
  }
  return match;
}

}  // namespace pdc
