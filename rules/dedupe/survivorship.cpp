#include "rules/dedupe/survivorship.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <initializer_list>
#include <limits>

#include "rules/yaml_reader.h"

namespace pdc::dedupe {
namespace {

constexpr std::array<std::string_view, 4> kMasterRuleNames = {"crm_synced", "most_recent_activity",
                                                              "most_complete", "oldest_created"};
constexpr std::array<std::string_view, 7> kFieldRuleNames = {
    "master", "most_recent", "max", "min", "longest", "union", "true_wins"};

constexpr std::int64_t kNoTime = std::numeric_limits<std::int64_t>::min();

struct FieldIds {
  FieldId crm_lead_fid = InternField("crm_lead_fid");
  FieldId crm_contact_fid = InternField("crm_contact_fid");
  FieldId created_at = InternField("created_at");
  FieldId updated_at = InternField("updated_at");
  FieldId last_activity_at = InternField("last_activity_at");
  std::array<FieldId, 3> compliance = {InternField("opted_out"), InternField("is_do_not_email"),
                                       InternField("is_do_not_call")};
};

const FieldIds& Ids() {
  static const FieldIds ids;
  return ids;
}

// Joins pieces; avoids `"literal" + std::string` chains, which GCC 12 warns about (-Wrestrict).
std::string Cat(std::initializer_list<std::string_view> pieces) {
  std::string out;
  for (std::string_view p : pieces) out += p;
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Reads exactly `n` digits at `pos`.
bool Digits(std::string_view s, std::size_t pos, std::size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

// Howard Hinnant's days_from_civil: days since 1970-01-01 of a proleptic Gregorian date.
std::int64_t DaysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool ParseNumber(std::string_view text, double* out) {
  text = Trim(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty()) return false;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return ec == std::errc() && end == text.data() + text.size() && std::isfinite(*out);
}

std::size_t CodePoints(std::string_view s) {
  // Counts bytes that do not continue a sequence, so invalid UTF-8 still gives a length.
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// What the ranking and the field rules need of one member, computed once.
struct Member {
  const Record* record;
  std::size_t index;  // in the cluster
  std::string id;
  bool numeric_id;
  std::uint64_t id_number;
  int crm;                   // 2 contact, 1 lead, 0 neither
  std::int64_t activity;     // kNoTime when unknown
  std::int64_t updated;      // recency for most_recent; kNoTime when unknown
  std::int64_t created;      // kNoTime when unknown
  std::size_t completeness;  // non-empty fields
};

std::int64_t TimeOf(const Value& v) { return ParseTimestamp(v.view()).value_or(kNoTime); }

Member Describe(const Record* r, std::size_t index) {
  const FieldIds& ids = Ids();
  Member m{r, index, r->id(), false, 0, 0, kNoTime, kNoTime, kNoTime, 0};
  bool contact = false, lead = false;
  std::int64_t last_activity = kNoTime, updated = kNoTime;
  // One pass over the fields instead of a look-up per field of interest.
  for (const Field& f : r->fields()) {
    if (f.value.empty()) continue;
    ++m.completeness;
    if (f.id == IdField()) {
      if (m.id.empty()) m.id = f.value.text();
    } else if (f.id == ids.crm_contact_fid) {
      contact = true;
    } else if (f.id == ids.crm_lead_fid) {
      lead = true;
    } else if (f.id == ids.last_activity_at) {
      last_activity = TimeOf(f.value);
    } else if (f.id == ids.updated_at) {
      updated = TimeOf(f.value);
    } else if (f.id == ids.created_at) {
      m.created = TimeOf(f.value);
    }
  }
  const std::string_view id = Trim(m.id);
  const auto [end, ec] = std::from_chars(id.data(), id.data() + id.size(), m.id_number);
  m.numeric_id = !id.empty() && ec == std::errc() && end == id.data() + id.size();
  m.crm = contact ? 2 : (lead ? 1 : 0);
  m.activity = last_activity != kNoTime ? last_activity : updated;
  m.updated = updated != kNoTime ? updated : last_activity;
  return m;
}

// <0 when `a` ranks ahead of `b` by `rule`, >0 when behind, 0 when the rule does not separate.
int CompareBy(MasterRule rule, const Member& a, const Member& b) {
  auto desc = [](auto x, auto y) { return x > y ? -1 : (x < y ? 1 : 0); };
  switch (rule) {
    case MasterRule::kCrmSynced:
      return desc(a.crm, b.crm);
    case MasterRule::kMostRecentActivity:
      return desc(a.activity, b.activity);  // kNoTime is the smallest, so it loses
    case MasterRule::kMostComplete:
      return desc(a.completeness, b.completeness);
    case MasterRule::kOldestCreated:
      if (a.created == b.created) return 0;
      if (a.created == kNoTime) return 1;
      if (b.created == kNoTime) return -1;
      return a.created < b.created ? -1 : 1;
  }
  return 0;
}

bool LowerId(const Member& a, const Member& b) {
  if (a.numeric_id != b.numeric_id) return a.numeric_id;
  if (a.numeric_id && a.id_number != b.id_number) return a.id_number < b.id_number;
  return a.id < b.id;
}

void SplitItems(const Value& v, std::vector<std::string_view>* out) {
  if (v.kind() == Value::Kind::kList) {
    for (const std::string& item : v.items()) {
      if (const auto t = Trim(item); !t.empty()) out->push_back(t);
    }
    return;
  }
  std::string_view text = v.view();
  while (true) {
    const std::size_t semi = text.find(';');
    if (const auto t = Trim(text.substr(0, semi)); !t.empty()) out->push_back(t);
    if (semi == std::string_view::npos) break;
    text.remove_prefix(semi + 1);
  }
}

const Value& NullValue() {
  static const Value null;
  return null;
}

// Decides one field. `ranked` is best first (ranked[0] is the master) and column[i] is the value
// ranked[i] holds for the field, or null when it has no such field.
class FieldDecider {
 public:
  FieldDecider(std::span<const Member> ranked, std::span<const std::size_t> by_recency,
               FieldId field, std::span<const Value* const> column)
      : ranked_(ranked), by_recency_(by_recency), field_(field), column_(column) {}

  SurvivingValue Decide(FieldRule rule) const {
    switch (rule) {
      case FieldRule::kMaster:
        return MasterThenMostRecent(rule);
      case FieldRule::kMostRecent:
        if (const std::size_t i = MostRecent(); i != kNone) return From(i, rule);
        return From(0, rule);
      case FieldRule::kMax:
      case FieldRule::kMin:
        return Extreme(rule);
      case FieldRule::kLongest:
        return Longest();
      case FieldRule::kUnion:
        return Union();
      case FieldRule::kTrueWins:
        for (std::size_t i = 0; i < ranked_.size(); ++i) {
          if (IsTrue(At(i))) return From(i, rule);
        }
        return MasterThenMostRecent(rule);
    }
    return From(0, rule);
  }

 private:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  const Value& At(std::size_t i) const { return column_[i] ? *column_[i] : NullValue(); }

  SurvivingValue From(std::size_t i, FieldRule rule) const {
    const Member& m = ranked_[i];
    return {field_, At(i), m.index, m.id, rule, {}, false};
  }

  // The rank of the most recently updated member with a non-empty value, or kNone.
  std::size_t MostRecent() const {
    for (std::size_t i : by_recency_) {
      if (!At(i).empty()) return i;
    }
    return kNone;
  }

  SurvivingValue MasterThenMostRecent(FieldRule rule) const {
    const std::size_t i = At(0).empty() ? MostRecent() : 0;
    return From(i == kNone ? 0 : i, rule);
  }

  SurvivingValue Extreme(FieldRule rule) const {
    bool numeric = true;
    for (std::size_t i = 0; i < ranked_.size() && numeric; ++i) {
      const Value& v = At(i);
      double unused = 0;
      numeric = v.empty() || (v.kind() != Value::Kind::kList && ParseNumber(v.view(), &unused));
    }
    std::size_t best = kNone;
    double best_number = 0;
    std::string best_text;  // lists compare by their joined text
    for (std::size_t i = 0; i < ranked_.size(); ++i) {
      const Value& v = At(i);
      if (v.empty()) continue;
      // Strictly better only, so ties stay with the better-ranked member.
      bool better = best == kNone;
      if (numeric) {
        double x = 0;
        ParseNumber(v.view(), &x);
        if (!better) better = rule == FieldRule::kMax ? x > best_number : x < best_number;
        if (better) best_number = x;
      } else {
        const std::string list_text = v.kind() == Value::Kind::kList ? v.text() : std::string();
        const std::string_view text = v.kind() == Value::Kind::kList ? list_text : v.view();
        if (!better) better = rule == FieldRule::kMax ? text > best_text : text < best_text;
        if (better) best_text.assign(text);
      }
      if (better) best = i;
    }
    return From(best == kNone ? 0 : best, rule);
  }

  SurvivingValue Longest() const {
    std::size_t best = kNone;
    std::size_t best_length = 0;
    for (std::size_t i = 0; i < ranked_.size(); ++i) {
      const Value& v = At(i);
      if (v.empty()) continue;
      const std::size_t length = CodePoints(v.kind() == Value::Kind::kList ? v.text() : v.view());
      if (best == kNone || length > best_length) {
        best = i;
        best_length = length;
      }
    }
    return From(best == kNone ? 0 : best, FieldRule::kLongest);
  }

  SurvivingValue Union() const {
    std::vector<std::string_view> items;
    std::vector<std::string_view> member_items;
    std::vector<std::size_t> contributors;  // ranks
    bool any_list = false;
    for (std::size_t i = 0; i < ranked_.size(); ++i) {
      const Value& v = At(i);
      any_list = any_list || v.kind() == Value::Kind::kList;
      member_items.clear();
      SplitItems(v, &member_items);
      bool added = false;
      for (std::string_view item : member_items) {
        if (std::find(items.begin(), items.end(), item) != items.end()) continue;
        items.push_back(item);
        added = true;
      }
      if (added) contributors.push_back(i);
    }
    // With nothing from the losers the master keeps its value as it is, spacing and all.
    if (contributors.empty() || (contributors.size() == 1 && contributors[0] == 0)) {
      return From(0, FieldRule::kUnion);
    }
    SurvivingValue out = From(contributors[0], FieldRule::kUnion);
    for (std::size_t i : contributors) out.contributors.push_back(ranked_[i].index);
    if (any_list) {
      out.value = Value::List(std::vector<std::string>(items.begin(), items.end()));
    } else {
      std::string joined;
      for (std::string_view item : items) {
        if (!joined.empty()) joined += ';';
        joined += item;
      }
      out.value = Value::Text(std::move(joined));
    }
    return out;
  }

  std::span<const Member> ranked_;
  std::span<const std::size_t> by_recency_;  // ranks, most recent first
  FieldId field_;
  std::span<const Value* const> column_;
};

// Scratch space for gathering the fields of a cluster in O(total fields): a slot per field id,
// valid while its stamp equals the current generation, so nothing is cleared between clusters.
struct FieldSlots {
  std::vector<std::uint32_t> stamp;
  std::vector<std::uint32_t> slot;
  std::uint32_t generation = 0;

  void Begin() {
    if (++generation == 0) {
      std::fill(stamp.begin(), stamp.end(), 0);
      generation = 1;
    }
  }
  // The slot of `field`, or kNew after recording `next` as its slot.
  static constexpr std::uint32_t kNew = static_cast<std::uint32_t>(-1);
  std::uint32_t Find(FieldId field, std::uint32_t next) {
    if (field >= stamp.size()) {
      stamp.resize(field + 1, 0);
      slot.resize(field + 1, 0);
    }
    if (stamp[field] == generation) return slot[field];
    stamp[field] = generation;
    slot[field] = next;
    return kNew;
  }
};

}  // namespace

bool IsTrue(const Value& v) {
  const std::string_view t = Trim(v.view());
  if (t == "1") return true;
  auto ieq = [t](std::string_view word) {
    return t.size() == word.size() &&
           std::equal(t.begin(), t.end(), word.begin(),
                      [](char a, char b) { return (a >= 'A' && a <= 'Z' ? a + 32 : a) == b; });
  };
  return ieq("true") || ieq("yes");
}

std::string_view MasterRuleName(MasterRule rule) {
  return kMasterRuleNames[static_cast<std::size_t>(rule)];
}

std::string_view FieldRuleName(FieldRule rule) {
  return kFieldRuleNames[static_cast<std::size_t>(rule)];
}

std::span<const std::string_view> MasterRuleNames() { return kMasterRuleNames; }

std::span<const std::string_view> FieldRuleNames() { return kFieldRuleNames; }

bool IsComplianceField(FieldId field) {
  const auto& c = Ids().compliance;
  return std::find(c.begin(), c.end(), field) != c.end();
}

std::optional<std::int64_t> ParseTimestamp(std::string_view text) {
  const std::string_view s = Trim(text);
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!Digits(s, 0, 4, &year) || s.size() < 10 || s[4] != '-' || !Digits(s, 5, 2, &month) ||
      s[7] != '-' || !Digits(s, 8, 2, &day)) {
    return std::nullopt;
  }
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1] ||
      (month == 2 && day == 29 && !leap)) {
    return std::nullopt;
  }
  std::size_t pos = 10;
  std::int64_t micros = 0;
  std::int64_t offset_seconds = 0;
  if (pos < s.size()) {
    if ((s[pos] != ' ' && s[pos] != 'T' && s[pos] != 't') || !Digits(s, pos + 1, 2, &hour) ||
        pos + 3 >= s.size() || s[pos + 3] != ':' || !Digits(s, pos + 4, 2, &minute)) {
      return std::nullopt;
    }
    pos += 6;
    if (pos < s.size() && s[pos] == ':') {
      if (!Digits(s, pos + 1, 2, &second)) return std::nullopt;
      pos += 3;
      if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
        std::size_t digits = 0;
        for (++pos; pos < s.size() && s[pos] >= '0' && s[pos] <= '9'; ++pos, ++digits) {
          if (digits < 6) micros = micros * 10 + (s[pos] - '0');
        }
        if (digits == 0) return std::nullopt;
        for (; digits < 6; ++digits) micros *= 10;
      }
    }
    if (hour > 23 || minute > 59 || second > 60) return std::nullopt;
    if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
      ++pos;
    } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
      const int sign = s[pos] == '-' ? -1 : 1;
      int oh = 0, om = 0;
      if (!Digits(s, pos + 1, 2, &oh)) return std::nullopt;
      pos += 3;
      if (pos < s.size() && s[pos] == ':') ++pos;
      if (pos < s.size()) {
        if (!Digits(s, pos, 2, &om)) return std::nullopt;
        pos += 2;
      }
      if (oh > 23 || om > 59) return std::nullopt;
      offset_seconds = sign * (oh * 3600 + om * 60);
    }
    if (pos != s.size()) return std::nullopt;
  }
  const std::int64_t seconds =
      DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 +
      hour * 3600 + minute * 60 + second - offset_seconds;
  return seconds * 1'000'000 + micros;
}

SurvivorshipConfig::SurvivorshipConfig()
    : master_rules_{MasterRule::kCrmSynced, MasterRule::kMostRecentActivity,
                    MasterRule::kMostComplete, MasterRule::kOldestCreated} {}

Result<SurvivorshipConfig> SurvivorshipConfig::Parse(
    std::span<const std::string> master_rules,
    const std::map<std::string, std::string>& field_rules) {
  std::string errors;
  auto error = [&errors](const std::string& what) {
    if (!errors.empty()) errors += "; ";
    errors += what;
  };
  auto unknown = [](std::string_view kind, const std::string& name,
                    std::span<const std::string_view> allowed) {
    return Cat({"unknown ", kind, " \"", name, "\""}) + Suggestion(name, allowed);
  };

  SurvivorshipConfig config;
  config.master_rules_.clear();
  if (master_rules.empty()) {
    error(
        "master_rules: the list is empty (the default is crm_synced, most_recent_activity, "
        "most_complete, oldest_created)");
  }
  for (std::size_t i = 0; i < master_rules.size(); ++i) {
    const std::string where = Cat({"master_rules[", std::to_string(i), "]: "});
    const auto* it = std::find(kMasterRuleNames.begin(), kMasterRuleNames.end(), master_rules[i]);
    if (it == kMasterRuleNames.end()) {
      error(where + unknown("master rule", master_rules[i], kMasterRuleNames));
      continue;
    }
    const auto rule = static_cast<MasterRule>(it - kMasterRuleNames.begin());
    if (std::find(config.master_rules_.begin(), config.master_rules_.end(), rule) !=
        config.master_rules_.end()) {
      error(Cat({where, "\"", master_rules[i], "\" is listed twice"}));
      continue;
    }
    config.master_rules_.push_back(rule);
  }

  for (const auto& [name, rule_name] : field_rules) {
    const std::string where = Cat({"field_rules.", name, ": "});
    if (Trim(name).empty()) {
      error("field_rules: an empty field name");
      continue;
    }
    if (name == "id") {
      error(where + "the survivor always keeps its own prospect id");
      continue;
    }
    const auto* it = std::find(kFieldRuleNames.begin(), kFieldRuleNames.end(), rule_name);
    if (it == kFieldRuleNames.end()) {
      error(where + unknown("field rule", rule_name, kFieldRuleNames));
      continue;
    }
    const auto rule = static_cast<FieldRule>(it - kFieldRuleNames.begin());
    const FieldId field = InternField(name);
    if (IsComplianceField(field) && rule != FieldRule::kTrueWins) {
      error(Cat({where, "\"", rule_name,
                 "\" is not allowed: this compliance field always uses true_wins, so an opt-out "
                 "on any duplicate survives the merge"}));
      continue;
    }
    config.field_rules_.emplace_back(field, rule);
  }
  if (!errors.empty()) return Status::InvalidArgument(std::move(errors));
  std::sort(config.field_rules_.begin(), config.field_rules_.end());
  return config;
}

FieldRule SurvivorshipConfig::RuleFor(FieldId field) const {
  if (IsComplianceField(field)) return FieldRule::kTrueWins;
  const auto it = std::lower_bound(
      field_rules_.begin(), field_rules_.end(), field,
      [](const std::pair<FieldId, FieldRule>& entry, FieldId f) { return entry.first < f; });
  return it != field_rules_.end() && it->first == field ? it->second : FieldRule::kMaster;
}

Result<SurvivorshipResult> Survive(std::span<const Record> cluster,
                                   const SurvivorshipConfig& config) {
  std::vector<const Record*> pointers;
  pointers.reserve(cluster.size());
  for (const Record& r : cluster) pointers.push_back(&r);
  return Survive(pointers, config);
}

Result<SurvivorshipResult> Survive(std::span<const Record* const> cluster,
                                   const SurvivorshipConfig& config,
                                   std::optional<std::size_t> previous_master) {
  if (cluster.size() < 2) {
    return Status::InvalidArgument(
        Cat({"survivorship needs a cluster of at least two prospects, got ",
             std::to_string(cluster.size())}));
  }
  std::vector<Member> ranked;
  ranked.reserve(cluster.size());
  for (std::size_t i = 0; i < cluster.size(); ++i) ranked.push_back(Describe(cluster[i], i));

  auto ahead = [&config](const Member& a, const Member& b) {
    for (MasterRule rule : config.master_rules()) {
      if (const int c = CompareBy(rule, a, b); c != 0) return c < 0;
    }
    return LowerId(a, b);
  };
  std::sort(ranked.begin(), ranked.end(), ahead);
  bool kept = false;
  if (previous_master) {
    const auto it = std::find_if(ranked.begin(), ranked.end(), [&](const Member& m) {
      return m.index == *previous_master;
    });
    if (it != ranked.end()) {
      std::rotate(ranked.begin(), it, it + 1);
      kept = true;
    }
  }
  // Clusters are small (the clustering guard caps them at a few dozen), so pairwise is cheapest.
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    if (ranked[i].id.empty()) {
      return Status::InvalidArgument(
          Cat({"cluster member ", std::to_string(ranked[i].index), " has no prospect id"}));
    }
    for (std::size_t j = i + 1; j < ranked.size(); ++j) {
      if (ranked[i].id == ranked[j].id) {
        return Status::InvalidArgument(
            Cat({"prospect ", ranked[i].id, " appears twice in the cluster"}));
      }
    }
  }

  SurvivorshipResult result;
  const Member& master = ranked[0];
  result.master = master.index;
  result.master_id = master.id;
  result.decided_by = kept ? kPreviousRun : kLowestIdTieBreak;
  for (MasterRule rule : config.master_rules()) {
    if (kept) break;
    if (CompareBy(rule, master, ranked[1]) != 0) {
      result.decided_by = MasterRuleName(rule);
      break;
    }
  }
  for (std::size_t i = 1; i < ranked.size(); ++i) {
    result.losers.push_back(ranked[i].index);
    result.loser_ids.push_back(ranked[i].id);
  }

  std::vector<std::size_t> by_recency(ranked.size());
  for (std::size_t i = 0; i < by_recency.size(); ++i) by_recency[i] = i;
  std::stable_sort(by_recency.begin(), by_recency.end(), [&ranked](std::size_t a, std::size_t b) {
    return ranked[a].updated > ranked[b].updated;
  });

  // column[slot * n + rank]: the value of each member for each field, gathered in one pass.
  thread_local FieldSlots slots;
  slots.Begin();
  const std::size_t n = ranked.size();
  std::vector<FieldId> fields;
  std::vector<const Value*> column;
  for (std::size_t r = 0; r < n; ++r) {
    for (const Field& f : ranked[r].record->fields()) {
      if (f.id == IdField()) continue;
      std::uint32_t slot = slots.Find(f.id, static_cast<std::uint32_t>(fields.size()));
      if (slot == FieldSlots::kNew) {
        slot = static_cast<std::uint32_t>(fields.size());
        fields.push_back(f.id);
        column.resize(column.size() + n, nullptr);
      }
      column[slot * n + r] = &f.value;
    }
  }
  result.values.reserve(fields.size());
  for (std::size_t slot = 0; slot < fields.size(); ++slot) {
    const std::span<const Value* const> values(column.data() + slot * n, n);
    SurvivingValue v =
        FieldDecider(ranked, by_recency, fields[slot], values).Decide(config.RuleFor(fields[slot]));
    const Value& current = values[0] ? *values[0] : NullValue();
    v.changed = !(v.value == current) && !(v.value.empty() && current.empty());
    if (v.changed) result.changes.push_back({fields[slot], v.value});
    result.values.push_back(std::move(v));
  }
  return result;
}

}  // namespace pdc::dedupe
