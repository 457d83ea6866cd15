#include "rules/dedupe/decision.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "rules/yaml_reader.h"

namespace pdc::dedupe {
namespace {

constexpr std::string_view kFieldNames[kMatchFields] = {
    "first_name", "last_name", "company", "title", "email",
    "phone",      "street",    "city",    "zip",   "country"};

constexpr double kDefaultThresholds[kMatchFields] = {0.85, 0.90, 0.70, 0.50, 1.0,
                                                     0.80, 1.0,  0.85, 1.0,  1.0};

std::optional<MatchField> FieldByName(std::string_view name) {
  for (std::size_t i = 0; i < kMatchFields; ++i) {
    if (kFieldNames[i] == name) return static_cast<MatchField>(i);
  }
  // Pardot's names for two of them, and the email key's.
  if (name == "job_title") return MatchField::kTitle;
  if (name == "email_key") return MatchField::kEmail;
  if (name == "address_one") return MatchField::kStreet;
  return std::nullopt;
}

FieldComparison Leveled(double score, double threshold, Basis basis) {
  FieldComparison c;
  c.score = score;
  c.basis = basis;
  c.level = score >= 1.0 ? Level::kExact : score >= threshold ? Level::kStrong : Level::kDifferent;
  return c;
}

// Last names: Jaro-Winkler, raised to 1 when the Double Metaphone codes agree and the spelling
// is close (JW ≥ 0.80), or when one edit separates names of five letters or more.
FieldComparison CompareLastNames(std::string_view a, std::string_view b, double threshold) {
  if (a == b) return Leveled(1.0, threshold, Basis::kEqual);
  const double jw = JaroWinkler(a, b);
  if (jw >= 0.80 &&
      Compare(ComparatorKind::kMetaphone, a, b, {0.9, 0.9}).level != Level::kDifferent) {
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
      if (!group.label.empty()) group.label += '+';
      group.label += MatchFieldName(*field);
      if (blank_passes) group.label += '?';
    }
    rule.groups_.push_back(std::move(group));
  }
  if (!errors.empty()) return Status::InvalidArgument(errors);
  return rule;
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
