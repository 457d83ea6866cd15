#include "rules/dedupe/decision.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <utility>

#include "rules/dedupe/metaphone.h"
#include "rules/yaml_reader.h"

namespace pdc::dedupe {
namespace {

constexpr std::string_view kFieldNames[kMatchFields] = {
    "first_name", "last_name", "company", "title", "email",
    "phone",      "street",    "city",    "zip",   "country"};

constexpr double kDefaultThresholds[kMatchFields] = {0.85, 0.90, 0.70, 0.50, 1.0,
                                                     0.80, 1.0,  0.85, 1.0,  1.0};

// "rare_name" without a threshold: at most this many namesakes expected by chance.
constexpr double kDefaultMaxNamesakes = 0.05;
constexpr std::string_view kRareName = kRareNameItem;

// Pardot's names for two of the fields, and the email key's.
constexpr std::pair<std::string_view, MatchField> kFieldAliases[] = {
    {"job_title", MatchField::kTitle},
    {"email_key", MatchField::kEmail},
    {"address_one", MatchField::kStreet}};

std::optional<MatchField> FieldByName(std::string_view name) {
  for (std::size_t i = 0; i < kMatchFields; ++i) {
    if (kFieldNames[i] == name) return static_cast<MatchField>(i);
  }
  for (const auto& [alias, field] : kFieldAliases) {
    if (alias == name) return field;
  }
  return std::nullopt;
}

FieldComparison Leveled(double score, double threshold, Basis basis) {
  FieldComparison c;
  c.score = score;
  c.basis = basis;
  c.level = score >= 1.0 ? Level::kExact : score >= threshold ? Level::kStrong : Level::kDifferent;
  return c;
}

// Last names: Jaro-Winkler, raised to 1 when the whole names sound alike (Double Metaphone codes
// not cut to four letters, which would make "van der berg" sound like "van der heijden") and the
// spelling is close (JW ≥ 0.80), or when one edit separates names of five letters or more.
FieldComparison CompareLastNames(std::string_view a, std::string_view b, double threshold) {
  if (a == b) return Leveled(1.0, threshold, Basis::kEqual);
  const double jw = JaroWinkler(a, b);
  if (jw >= 0.80 && MetaphoneMatch(DoubleMetaphone(a, 0), DoubleMetaphone(b, 0))) {
    return Leveled(1.0, threshold, Basis::kPhonetic);
  }
  if (std::min(a.size(), b.size()) >= 5 && DamerauLevenshtein(a, b) <= 1) {
    return Leveled(std::max(jw, threshold), threshold, Basis::kEditDistance);
  }
  return Leveled(jw, threshold, Basis::kJaroWinkler);
}

// Jaccard similarity of the space-separated tokens of two keys.
double TokenJaccard(std::string_view a, std::string_view b) {
  std::array<std::string_view, 16> ta{}, tb{};
  auto split = [](std::string_view s, std::array<std::string_view, 16>& out) {
    std::size_t n = 0;
    while (!s.empty() && n < out.size()) {
      const auto space = s.find(' ');
      if (space != 0) out[n++] = s.substr(0, space);
      if (space == std::string_view::npos) break;
      s.remove_prefix(space + 1);
    }
    std::sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(n));
    return static_cast<std::size_t>(
        std::unique(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(n)) - out.begin());
  };
  const std::size_t na = split(a, ta), nb = split(b, tb);
  if (na == 0 || nb == 0) return 0.0;
  std::size_t common = 0;
  for (std::size_t i = 0, j = 0; i < na && j < nb;) {
    if (ta[i] == tb[j]) {
      ++common;
      ++i;
      ++j;
    } else if (ta[i] < tb[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return static_cast<double>(common) / static_cast<double>(na + nb - common);
}

// Companies and titles: equal keys or an acronym score 1; keys of several words are compared
// word by word (token Jaccard), since Jaro-Winkler rewards a shared prefix ("saimaa" and
// "saimaa palvelut" are two companies); single words by Jaro-Winkler, counting only a close
// spelling (0.90 or more).
FieldComparison CompareOrganisations(std::string_view a, std::string_view b, double threshold) {
  if (a == b) return Leveled(1.0, threshold, Basis::kEqual);
  if (AcronymMatch(a, b)) return Leveled(1.0, threshold, Basis::kAcronym);
  const bool words = a.find(' ') != std::string_view::npos || b.find(' ') != std::string_view::npos;
  if (words) return Leveled(TokenJaccard(a, b), threshold, Basis::kNone);
  const double jw = JaroWinkler(a, b);
  return Leveled(jw >= 0.90 ? jw : jw / 2, threshold, Basis::kJaroWinkler);
}

// Email keys: equal (1), or the same user name of eight characters or more at another domain
// (0.9: a new employer or a personal mailbox, "benoit.morel@oceane.fr" and
// "benoit.morel@guerin.fr"), a level a group can ask for with an email threshold of 0.9.
FieldComparison CompareEmails(std::string_view a, std::string_view b, double threshold) {
  if (a == b) return Leveled(1.0, threshold, Basis::kEqual);
  const auto at_a = a.rfind('@'), at_b = b.rfind('@');
  if (at_a != std::string_view::npos && at_b != std::string_view::npos && at_a >= 8 &&
      a.substr(0, at_a) == b.substr(0, at_b)) {
    return Leveled(0.9, threshold, Basis::kEqual);
  }
  return Leveled(0.0, threshold, Basis::kNone);
}

}  // namespace

std::string_view MatchFieldName(MatchField field) {
  return kFieldNames[static_cast<std::size_t>(field)];
}

std::vector<std::string_view> MatchFieldSpellings() {
  std::vector<std::string_view> names(std::begin(kFieldNames), std::end(kFieldNames));
  for (const auto& alias : kFieldAliases) names.push_back(alias.first);
  return names;
}

double DecisionRule::DefaultThreshold(MatchField field) {
  return kDefaultThresholds[static_cast<std::size_t>(field)];
}

FieldComparison CompareField(MatchField field, std::string_view a, std::string_view b,
                             double threshold) {
  if (a.empty() || b.empty()) return {};
  const Thresholds t{threshold, threshold};
  switch (field) {
    case MatchField::kFirstName:
      return Compare(ComparatorKind::kName, a, b, t);
    case MatchField::kLastName:
      return CompareLastNames(a, b, threshold);
    case MatchField::kCompany:
    case MatchField::kTitle:
      return CompareOrganisations(a, b, threshold);
    case MatchField::kPhone:
      return Compare(ComparatorKind::kPhone, a, b, t);
    case MatchField::kCity:
      return Compare(ComparatorKind::kJaroWinkler, a, b, t);
    case MatchField::kEmail:
      return CompareEmails(a, b, threshold);
    case MatchField::kStreet:
    case MatchField::kZip:
    case MatchField::kCountry:
    case MatchField::kCount:
      break;
  }
  return Compare(ComparatorKind::kExact, a, b, t);
}

DecisionRule DecisionRule::StandardContact(bool keep_distinct_crm) {
  using F = MatchField;
  const std::vector<std::vector<F>> groups = {
      {F::kFirstName, F::kLastName, F::kTitle, F::kCompany},
      {F::kFirstName, F::kLastName, F::kEmail},
      {F::kFirstName, F::kLastName, F::kPhone, F::kCompany},
      {F::kFirstName, F::kLastName, F::kStreet, F::kCity},
      {F::kFirstName, F::kLastName, F::kStreet, F::kZip},
      {F::kFirstName, F::kLastName, F::kStreet, F::kPhone},
      {F::kFirstName, F::kLastName, F::kStreet, F::kTitle},
      {F::kFirstName, F::kLastName, F::kTitle, F::kEmail},
      {F::kFirstName, F::kLastName, F::kPhone},
  };
  std::vector<GroupSpec> specs;
  for (const auto& fields : groups) {
    GroupSpec spec;
    for (const F f : fields) spec.fields.emplace_back(std::string(MatchFieldName(f)), std::nullopt);
    specs.push_back(std::move(spec));
  }
  // One name left blank (or cleared as junk) on one prospect: the other name and two more
  // fields that tie a person to a desk.
  const std::vector<std::vector<std::string>> one_name = {
      {"first_name?", "last_name", "phone", "company"},
      {"first_name", "last_name?", "phone", "company"},
      {"first_name?", "last_name", "phone", "city"},
      {"first_name", "last_name?", "phone", "city"},
  };
  for (const auto& fields : one_name) {
    GroupSpec spec;
    for (const auto& f : fields) spec.fields.emplace_back(f, std::nullopt);
    specs.push_back(std::move(spec));
  }
  return std::move(Parse(specs, keep_distinct_crm).value());
}

Result<DecisionRule> DecisionRule::Parse(const std::vector<GroupSpec>& groups,
                                         bool keep_distinct_crm) {
  if (groups.empty()) return Status::InvalidArgument("a match rule needs at least one group");
  std::vector<std::string_view> names(std::begin(kFieldNames), std::end(kFieldNames));
  names.push_back(kRareName);
  DecisionRule rule;
  rule.keep_distinct_crm_ = keep_distinct_crm;
  std::string errors;
  auto error = [&errors](const std::string& message) {
    if (!errors.empty()) errors += "; ";
    errors += message;
  };
  for (std::size_t g = 0; g < groups.size(); ++g) {
    MatchGroup group;
    if (groups[g].fields.empty()) error("match group " + std::to_string(g + 1) + " is empty");
    for (const auto& [spelled, threshold] : groups[g].fields) {
      // "first_name?": a blank passes this condition.
      const bool blank_passes = spelled.ends_with('?');
      const std::string name = blank_passes ? spelled.substr(0, spelled.size() - 1) : spelled;
      if (name == kRareName) {
        const double t = threshold.value_or(kDefaultMaxNamesakes);
        if (blank_passes || !(t > 0.0 && t <= 1.0)) {
          error("match group " + std::to_string(g + 1) +
                ": rare_name takes the namesakes expected by chance, above 0 and at most 1, "
                "and has no blank to pass");
          continue;
        }
        group.max_namesakes = t;
        continue;
      }
      const std::optional<MatchField> field = FieldByName(name);
      if (!field) {
        std::string message =
            "match group " + std::to_string(g + 1) + ": unknown field \"" + name + "\"";
        if (const auto near = NearestWord(name, names); !near.empty()) {
          message += " (did you mean \"";
          message += near;
          message += "\"?)";
        }
        error(message);
        continue;
      }
      if (*field == MatchField::kCountry) {
        error("match group " + std::to_string(g + 1) +
              ": country is not matched on, it vetoes pairs from different countries");
        continue;
      }
      const double t = threshold.value_or(DefaultThreshold(*field));
      if (!(t > 0.0 && t <= 1.0)) {
        error("match group " + std::to_string(g + 1) + ": the threshold of " + name +
              " must be above 0 and at most 1");
        continue;
      }
      group.conditions.push_back({*field, t, blank_passes});
      group.has_email = group.has_email || *field == MatchField::kEmail;
      // A city that may be blank ("city?") keeps cities from differing but places no one.
      group.has_city = group.has_city || (*field == MatchField::kCity && !blank_passes);
      group.has_company = group.has_company || (*field == MatchField::kCompany && !blank_passes);
      group.has_title = group.has_title || (*field == MatchField::kTitle && !blank_passes);
      if (!group.label.empty()) group.label += '+';
      group.label += MatchFieldName(*field);
      if (blank_passes) group.label += '?';
    }
    if (group.max_namesakes > 0) {
      // Rarity is a property of the two names together: the group must compare both.
      auto has = [&group](MatchField f) {
        return std::any_of(group.conditions.begin(), group.conditions.end(),
                           [f](const Condition& c) { return c.field == f && !c.blank_passes; });
      };
      if (!has(MatchField::kFirstName) || !has(MatchField::kLastName)) {
        error("match group " + std::to_string(g + 1) +
              ": rare_name needs first_name and last_name in its group");
      }
      if (!group.label.empty()) group.label += '+';
      group.label += kRareName;
    }
    rule.groups_.push_back(std::move(group));
  }
  if (!errors.empty()) return Status::InvalidArgument(errors);
  return rule;
}

bool DecisionRule::uses_rare_names() const {
  return std::any_of(groups_.begin(), groups_.end(),
                     [](const MatchGroup& g) { return g.max_namesakes > 0; });
}

namespace {

std::string_view Ending(std::string_view last) {
  return last.substr(last.size() > 2 ? last.size() - 2 : 0);
}

std::string_view CityPrefix(std::string_view city) { return city.substr(0, 4); }

// The weight, in prospects, of the country's share when the share of a smaller population is
// estimated: a few prospects say little about their names or cities.
constexpr double kCountryWeight = 10.0;
// Last names seen up to this many times get a Good-Turing estimate.
constexpr float kSmoothedCounts = 6;

// A count without the pair: less one for `self`, less two when `other` is in it too.
double WithoutPair(float count, bool both) {
  return std::max(static_cast<double>(count) - (both ? 2 : 1), 0.0);
}

// `part` of `whole`, leaning on `prior` (the share in the country) for a small whole; never below
// `prior`: a population that shows none of a rare name may just be too small to show it.
double Share(double part, double whole, double prior) {
  return std::max((part + kCountryWeight * prior) / (whole + kCountryWeight), prior);
}

// One side's estimate (see PairNamesakes).
double SideNamesakes(const MatchKeys& self, const MatchKeys& other, bool in_city, bool at_company,
                     bool with_title) {
  const NameCounts& c = self.names;
  const bool same_last = self[MatchField::kLastName] == other[MatchField::kLastName];
  const bool same_first = self[MatchField::kFirstName] == other[MatchField::kFirstName];
  const double country = std::max(WithoutPair(c.country, true), 1.0);
  auto country_share = [country](double count) { return std::max(count, 0.5) / country; };
  const double others_last = std::max(WithoutPair(c.last_expected, same_last), 0.5);
  // The first name among the carriers of the other last names it goes with. Each of them is
  // there for a carrier of the first name: that one is not counted, or a first name that goes
  // with rare last names would look common among them.
  const double other_lasts = std::max(c.first_lasts - 1.0, 0.0);
  const double first_share = Share(std::max(c.first - c.full - other_lasts, 0.0),
                                   std::max(c.first_community - c.last - other_lasts, 0.0),
                                   country_share(WithoutPair(c.first, same_first)));
  // Other carriers of both names, seen: the estimate is never below them, less one, who may be
  // the same person a third time.
  double namesakes =
      std::max(others_last * first_share, WithoutPair(c.full, same_first && same_last) - 1);
  double place = 1;
  if (in_city) {
    const bool same_city =
        CityPrefix(self[MatchField::kCity]) == CityPrefix(other[MatchField::kCity]);
    const double city = country_share(WithoutPair(c.city, same_city));
    const double by_last = Share(WithoutPair(c.city_last, same_city && same_last),
                                 WithoutPair(c.last, same_last), city);
    const double by_first = Share(WithoutPair(c.city_first, same_city && same_first),
                                  WithoutPair(c.first, same_first), city);
    place = std::max(by_last, by_first);
  }
  const bool same_names = same_first && same_last;
  // Carriers of both names seen in a narrower population, less one who may be the same person.
  double seen = 0;
  if (at_company) {
    const bool same = self[MatchField::kCompany] == other[MatchField::kCompany];
    place = std::min(place, country_share(WithoutPair(c.company, same)));
    seen = std::max(WithoutPair(c.full_company, same && same_names) - 1, 0.0);
  }
  namesakes *= place;
  if (with_title) {
    const bool same = self[MatchField::kTitle] == other[MatchField::kTitle];
    namesakes *= country_share(WithoutPair(c.title, same));
    seen = std::max(seen, WithoutPair(c.full_title, same && same_names) - 1);
  }
  return (at_company || with_title) ? std::max(namesakes, seen) : namesakes;
}

}  // namespace

DecisionRule::RareNameBounds DecisionRule::rare_name_bounds() const {
  RareNameBounds bounds;
  for (const MatchGroup& g : groups_) {
    if (g.has_city || g.has_company) continue;
    double& bound = g.has_title ? bounds.titled : bounds.names;
    bound = std::max(bound, g.max_namesakes);
  }
  return bounds;
}

double PairNamesakes(const MatchKeys& a, const MatchKeys& b, bool in_city, bool at_company,
                     bool with_title) {
  if (a.names.last < 0 || b.names.last < 0) return -1;
  // A blank city ("city?" in the group) places neither prospect; so for a company or a title.
  auto both = [&](MatchField f) { return !a[f].empty() && !b[f].empty(); };
  in_city = in_city && both(MatchField::kCity);
  at_company = at_company && both(MatchField::kCompany);
  with_title = with_title && both(MatchField::kTitle);
  return std::max(SideNamesakes(a, b, in_city, at_company, with_title),
                  SideNamesakes(b, a, in_city, at_company, with_title));
}

namespace {

// Counts by 64-bit key in one open-addressed table (linear probing): a million prospects make
// some ten million counts, which node-based maps spend most of their time allocating. Keys are
// hashes, so a collision only makes a name look commoner than it is.
class Counter {
 public:
  explicit Counter(std::size_t expected) {
    std::size_t capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    keys_.assign(capacity, 0);
    counts_.assign(capacity, 0);
  }
  // Adds `n` to the key's count and returns the new count.
  float Add(std::uint64_t key, float n = 1) {
    const std::size_t i = Slot(key);
    keys_[i] = key;
    return counts_[i] += n;
  }
  float Get(std::uint64_t key) const { return counts_[Slot(key)]; }

 private:
  std::size_t Slot(std::uint64_t key) const {
    const std::size_t mask = keys_.size() - 1;
    std::size_t i = static_cast<std::size_t>(key) & mask;
    while (keys_[i] != 0 && keys_[i] != key) i = (i + 1) & mask;
    return i;
  }
  std::vector<std::uint64_t> keys_;
  std::vector<float> counts_;
};

// splitmix64's finaliser: spreads the combined hashes over the table.
std::uint64_t Mix(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

enum Kind : std::uint64_t {
  kAll,
  kLast,
  kFirst,
  kFull,
  kFirstCommunity,
  kFirstLasts,
  kCity,
  kCityLast,
  kCityFirst,
  kCompany,
  kFullCompany,
  kTitle,
  kFullTitle,
  kSeen,       // a first and last name seen before, in the second pass
  kNamesSeen,  // + c: the last names ending alike seen c times
};

// The key kind of the last names seen `times` times.
Kind SeenKind(float times) {
  return static_cast<Kind>(kNamesSeen + static_cast<std::uint64_t>(times));
}

std::uint64_t Key(Kind kind, std::uint64_t scope, std::uint64_t a = 0, std::uint64_t b = 0) {
  return Mix(Mix(Mix(scope + kind) ^ a) ^ b) | 1;  // never 0, the empty slot
}

}  // namespace

void CountNames(std::span<MatchKeys> keys) {
  const std::hash<std::string_view> hash;
  // Each prospect with both names is counted in its country and, when any prospect has no
  // country, among all prospects (the scope of those without one).
  const bool any_blank = std::any_of(
      keys.begin(), keys.end(), [](const MatchKeys& k) { return k[MatchField::kCountry].empty(); });
  const std::uint64_t everywhere = hash("*");
  struct Hashes {
    std::uint64_t scopes[2];
    int n = 0;
    std::uint64_t first, last, city, ending, company, title;
  };
  auto hashes_of = [&](const MatchKeys& k, Hashes& h) {
    h.n = 0;
    if (k[MatchField::kFirstName].empty() || k[MatchField::kLastName].empty()) return;
    if (!k[MatchField::kCountry].empty()) h.scopes[h.n++] = hash(k[MatchField::kCountry]);
    if (any_blank) h.scopes[h.n++] = everywhere;
    h.first = hash(k[MatchField::kFirstName]);
    h.last = hash(k[MatchField::kLastName]);
    const std::string_view city = CityPrefix(k[MatchField::kCity]);
    h.city = city.empty() ? 0 : hash(city);
    h.ending = hash(Ending(k[MatchField::kLastName]));
    h.company = k[MatchField::kCompany].empty() ? 0 : hash(k[MatchField::kCompany]);
    h.title = k[MatchField::kTitle].empty() ? 0 : hash(k[MatchField::kTitle]);
  };
  const auto full = [](const Hashes& h, std::uint64_t with) { return Mix(h.last) ^ with; };
  Counter counts(keys.size() * (any_blank ? 24 : 12));
  Hashes h;
  for (const MatchKeys& k : keys) {
    hashes_of(k, h);
    for (int s = 0; s < h.n; ++s) {
      const std::uint64_t scope = h.scopes[s];
      counts.Add(Key(kAll, scope));
      counts.Add(Key(kLast, scope, h.last));
      counts.Add(Key(kFirst, scope, h.first));
      counts.Add(Key(kFull, scope, h.first, h.last));
      if (h.company != 0) {
        counts.Add(Key(kCompany, scope, h.company));
        counts.Add(Key(kFullCompany, scope, h.first, full(h, h.company)));
      }
      if (h.title != 0) {
        counts.Add(Key(kTitle, scope, h.title));
        counts.Add(Key(kFullTitle, scope, h.first, full(h, h.title)));
      }
      if (h.city == 0) continue;
      counts.Add(Key(kCity, scope, h.city));
      counts.Add(Key(kCityLast, scope, h.city, h.last));
      counts.Add(Key(kCityFirst, scope, h.city, h.first));
    }
  }
  // Once per distinct name: its last name's carriers join its first name's community, and the
  // rarely seen last names are tallied by how often they were seen.
  for (const MatchKeys& k : keys) {
    hashes_of(k, h);
    for (int s = 0; s < h.n; ++s) {
      const std::uint64_t scope = h.scopes[s];
      const float carriers = counts.Get(Key(kLast, scope, h.last));
      if (counts.Add(Key(kSeen, scope, h.first, h.last)) == 1) {
        counts.Add(Key(kFirstCommunity, scope, h.first), carriers);
        counts.Add(Key(kFirstLasts, scope, h.first));
      }
      if (carriers <= kSmoothedCounts + 1 && counts.Add(Key(kSeen, scope, h.last)) == 1) {
        counts.Add(Key(SeenKind(carriers), scope, h.ending));
      }
    }
  }
  for (MatchKeys& k : keys) {
    k.names = NameCounts{};
    hashes_of(k, h);
    if (h.n == 0) continue;
    const std::uint64_t scope = h.scopes[0];  // the country, else all prospects
    NameCounts& c = k.names;
    c.last = counts.Get(Key(kLast, scope, h.last));
    c.last_expected = c.last;
    if (c.last <= kSmoothedCounts) {
      auto seen = [&](float times) { return counts.Get(Key(SeenKind(times), scope, h.ending)); };
      c.last_expected =
          std::max(c.last, (c.last + 1) * seen(c.last + 1) / std::max(seen(c.last), 1.0f));
    }
    c.first = counts.Get(Key(kFirst, scope, h.first));
    c.full = counts.Get(Key(kFull, scope, h.first, h.last));
    c.first_community = counts.Get(Key(kFirstCommunity, scope, h.first));
    c.first_lasts = counts.Get(Key(kFirstLasts, scope, h.first));
    c.country = counts.Get(Key(kAll, scope));
    if (h.company != 0) {
      c.company = counts.Get(Key(kCompany, scope, h.company));
      c.full_company = counts.Get(Key(kFullCompany, scope, h.first, full(h, h.company)));
    }
    if (h.title != 0) {
      c.title = counts.Get(Key(kTitle, scope, h.title));
      c.full_title = counts.Get(Key(kFullTitle, scope, h.first, full(h, h.title)));
    }
    if (h.city != 0) {
      c.city = counts.Get(Key(kCity, scope, h.city));
      c.city_last = counts.Get(Key(kCityLast, scope, h.city, h.last));
      c.city_first = counts.Get(Key(kCityFirst, scope, h.city, h.first));
    }
  }
}

bool DistinctCrmRecords(const MatchKeys& a, const MatchKeys& b) {
  if (a.address.empty() || a.address != b.address) return false;
  const bool lead =
      !a.crm_lead_id.empty() && !b.crm_lead_id.empty() && a.crm_lead_id != b.crm_lead_id;
  const bool contact = !a.crm_contact_id.empty() && !b.crm_contact_id.empty() &&
                       a.crm_contact_id != b.crm_contact_id;
  return lead || contact;
}

Verdict DecisionRule::Decide(const MatchKeys& a, const MatchKeys& b) const {
  Verdict v;
  std::array<double, kMatchFields> scored_at{};  // the threshold each compared field was scored at
  auto compare = [&](MatchField f, double threshold) -> const FieldComparison& {
    const auto i = static_cast<std::size_t>(f);
    const std::uint32_t bit = 1u << i;
    if (!(v.compared & bit) ||
        (v.fields[i].level == Level::kDifferent && scored_at[i] != threshold)) {
      // A field that failed at another threshold is scored again for this one. With swapped
      // names, a's first name meets b's last name and the other way round.
      scored_at[i] = threshold;
      MatchField other = f;
      if (v.swapped_names && f == MatchField::kFirstName) other = MatchField::kLastName;
      if (v.swapped_names && f == MatchField::kLastName) other = MatchField::kFirstName;
      v.fields[i] = CompareField(f, a[f], b[other], threshold);
      v.compared |= bit;
      // A name typed in another script than the other prospect's is compared through a
      // transliteration (Han readings, unvowelled Arabic) that need not meet the romanised
      // spelling: when they differ, the name counts as blank rather than as a different name.
      const bool name = f == MatchField::kFirstName || f == MatchField::kLastName;
      if (name && a.other_script != b.other_script && v.fields[i].level == Level::kDifferent) {
        v.fields[i] = FieldComparison{};
      }
    }
    return v.fields[i];
  };
  if (keep_distinct_crm_ && DistinctCrmRecords(a, b)) {
    v.veto = "crm";
    return v;
  }
  // One CRM lead or contact is one person, whatever the prospects' spellings (Pardot links
  // several prospects to one CRM record in shared-email accounts).
  if ((!a.crm_contact_id.empty() && a.crm_contact_id == b.crm_contact_id) ||
      (!a.crm_lead_id.empty() && a.crm_lead_id == b.crm_lead_id)) {
    v.match = true;
    v.identity = "crm";
    return v;
  }
  const std::string& ca = a[MatchField::kCountry];
  const std::string& cb = b[MatchField::kCountry];
  if (!ca.empty() && !cb.empty() && ca != cb) {
    const bool email_equal =
        !a[MatchField::kEmail].empty() && a[MatchField::kEmail] == b[MatchField::kEmail];
    const bool phone_equal =
        !a[MatchField::kPhone].empty() && a[MatchField::kPhone] == b[MatchField::kPhone];
    if (!email_equal && !phone_equal) {
      v.veto = "country";
      return v;
    }
  }
  auto holds = [&](const MatchGroup& group) {
    if (group.max_namesakes > 0) {
      v.namesakes = PairNamesakes(a, b, group.has_city, group.has_company, group.has_title);
      v.namesakes_group = static_cast<int>(&group - groups_.data());
      if (*v.namesakes < 0 || *v.namesakes > group.max_namesakes) return false;
    }
    for (const Condition& c : group.conditions) {
      const FieldComparison& r = compare(c.field, c.threshold);
      if (r.level == Level::kMissing) {
        // A blank fails its group, unless the condition allows it or the group rests on the
        // email (which must be there).
        if (c.blank_passes) continue;
        if (!group.has_email || c.field == MatchField::kEmail) return false;
      } else if (r.score < c.threshold) {
        return false;
      }
    }
    if (group.max_namesakes > 0) {
      // Rarity is counted per name: names that are merely alike (Kelly, Kelley; Brookbury,
      // Brookbridge) are other names with other carriers. The names must be the same, or a
      // nickname of the first name.
      const FieldComparison& first = v.fields[static_cast<std::size_t>(MatchField::kFirstName)];
      const FieldComparison& last = v.fields[static_cast<std::size_t>(MatchField::kLastName)];
      // A last name carried by one of the two alone, one edit from the other's, is taken for a
      // typo of it (the other's carriers then count, the commoner side).
      const std::string& la = a[MatchField::kLastName];
      const std::string& lb = b[MatchField::kLastName];
      const bool one_edit =
          last.basis == Basis::kEditDistance ||
          (last.basis == Basis::kPhonetic && std::min(la.size(), lb.size()) >= 5 &&
           DamerauLevenshtein(la, lb) <= 1);
      const bool typo = one_edit && std::min(a.names.last, b.names.last) == 1;
      if ((first.basis != Basis::kEqual && first.basis != Basis::kNickname) ||
          (last.basis != Basis::kEqual && !typo)) {
        return false;
      }
    }
    return true;
  };
  for (int pass = 0; pass < 2; ++pass) {
    if (pass == 1) {
      // Names typed into each other's fields: both names of both prospects are needed, the
      // straight comparison must have failed on one of them, and the initials must meet
      // crosswise (a cheap test that spares most pairs a second round of comparisons).
      const std::uint32_t names = (1u << static_cast<std::size_t>(MatchField::kFirstName)) |
                                  (1u << static_cast<std::size_t>(MatchField::kLastName));
      const auto first = static_cast<std::size_t>(MatchField::kFirstName);
      const auto last = static_cast<std::size_t>(MatchField::kLastName);
      const bool straight_failed =
          ((v.compared & names) != 0) &&
          (v.fields[first].level == Level::kDifferent || v.fields[last].level == Level::kDifferent);
      if (!straight_failed || a[MatchField::kFirstName].empty() ||
          a[MatchField::kLastName].empty() || b[MatchField::kFirstName].empty() ||
          b[MatchField::kLastName].empty() ||
          a[MatchField::kFirstName][0] != b[MatchField::kLastName][0] ||
          a[MatchField::kLastName][0] != b[MatchField::kFirstName][0]) {
        break;
      }
      v.swapped_names = true;
      v.compared &= ~names;
    }
    for (std::size_t g = 0; g < groups_.size(); ++g) {
      if (holds(groups_[g])) {
        v.match = true;
        v.group = static_cast<int>(g);
        return v;
      }
    }
  }
  v.swapped_names = false;
  return v;
}

}  // namespace pdc::dedupe
