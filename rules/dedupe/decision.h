// The match decision: given the match keys of two prospects, do they belong to one person?
//
// A decision rule is a list of groups; a pair matches when any group holds, and a group holds
// when each of its fields reaches its threshold (Salesforce's matching-rule equation). The default
// is the standard contact rule (first name 0.85, last name 0.90, company 0.70, title 0.50, email
// exact, phone section score 0.80):
//   first ∧ last ∧ title ∧ company | first ∧ last ∧ email | first ∧ last ∧ phone ∧ company |
//   first ∧ last ∧ street ∧ (city | zip | phone) | first ∧ last ∧ street ∧ title |
//   first ∧ last ∧ title ∧ email | first ∧ last ∧ phone
// (the group with an alternative is three groups here); then, for a name
// left blank (or cleared as junk) on one prospect, the other name with two fields that tie a
// person to a desk: first? ∧ last ∧ phone ∧ company, first ∧ last? ∧ phone ∧ company, and the
// same two with phone ∧ city ("first?": a blank passes, a different name does not; company ∧
// title is not enough: at a million prospects it mostly pairs colleagues of one name). Groups on
// the names and the city alone (first ∧ last ∧ company ∧ city, for a person who changed email;
// first ∧ last ∧ city ∧ title) are not in the default: namesakes in one city grow with the
// number of prospects, and at a million generated prospects they took pairwise precision from
// 0.99 to 0.97 and 0.87 for 1 and 2 points of recall. A config can add them. A blank
// field fails its group, except in a group that has the email: there a blank on another field is
// passed over, but the email itself must be present and equal.
//
// Rare names: `rare_name: T` in a group that has both names asks them to be rare among the
// prospects deduplicated together: at most T other prospects expected to carry them by chance
// (PairNamesakes, from the counts of CountNames; in the city, at the company and with the job
// title when the group asks for them, so that a group on names and title is as safe in a large
// account as in a small one), and the names must be the same (a nickname of the first name; for
// the last name, a typo: one edit from the other, carried by nobody else), since a name merely
// alike has carriers of its own. It lets a person who changed employer, email and phone be found by
// name and city, as long as the name says who it is: "Thaddeus Quibble" in Austin, not "John
// Smith". Without counts (a pair test, or explain on a Pardot source) such a group never holds.
//
// Names: when no group holds, both prospects have both names and their initials meet crosswise,
// the groups are tried once more with one prospect's first and last names swapped (typed into
// each other's fields; the verdict says so). A name typed in a script other than Latin on one
// prospect only (MatchKeys::other_script) is compared through its transliteration, which need not
// meet the romanised spelling (Han readings of Japanese names, unvowelled Arabic): when the two
// differ, the name counts as blank, so the email groups can still decide. Two vetoes come before
// the groups: different countries (both given) unless the email keys or the E.164 numbers are
// equal; and, with `keep_distinct_crm`, prospects that share one email address but are synced to
// different CRM leads or contacts (an account that allows shared emails keeps them apart on
// purpose: they are colleagues or family on one mailbox, or people the CRM owner separated). Only
// accounts with shared emails (Pardot v4, or v5 on such a unit) can hold one address twice;
// elsewhere the veto never fires.
//
// Decide is const and allocation-free; one DecisionRule serves every thread.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "rules/dedupe/compare.h"
#include "rules/status.h"

namespace pdc::dedupe {

// The fields a decision can compare, each with its comparator.
enum class MatchField : std::uint8_t {
  kFirstName,  // folded; name comparator (equal, nickname, initials, Jaro-Winkler)
  kLastName,   // folded; Jaro-Winkler, raised to 1 by equal Double Metaphone codes (JW ≥ 0.80)
               // or one edit in names of five letters or more
  kCompany,    // company key: equal, acronym, token Jaccard (several words), Jaro-Winkler ≥ 0.90
  kTitle,      // folded title: as the company
  kEmail,      // canonical email key: equal 1; the same user name at another domain 0.9
  kPhone,      // E.164; equal, same national number, or Salesforce's section score
  kStreet,     // folded first address line; equal or not
  kCity,       // folded; Jaro-Winkler
  kZip,        // folded; equal or not
  kCountry,    // ISO alpha-2 (or folded name); for the veto only
  kCount,
};
inline constexpr std::size_t kMatchFields = static_cast<std::size_t>(MatchField::kCount);

std::string_view MatchFieldName(MatchField field);
// Every name a `match:` group may give a field: the fields above and Pardot's names for some of
// them; each may end in "?" (a blank passes).
std::vector<std::string_view> MatchFieldSpellings();
// The item of a `match:` group that asks for rare names (it takes no "?").
inline constexpr std::string_view kRareNameItem = "rare_name";

// Counts within a prospect's country (among all prospects when it has none), each including the
// prospect itself; cities by their first four letters, so that spellings of one city count
// together. A first name's community is the carriers of every last name it goes with
// (Srinivas: Kulkarni, Rao, Iyer...), which finds a naming tradition however small its share of
// the country.
struct NameCounts {
  float last = -1;  // prospects with its last name; negative: not counted
  // What `last` says about the name's frequency: a name seen a few times in a sample may well be
  // commoner (Good-Turing: (c+1)·N(c+1)/N(c) from the names seen c and c+1 times among last
  // names ending alike), never taken as rarer than seen.
  float last_expected = -1;
  float first = 0;            // prospects with its first name
  float full = 0;             // prospects with both its names
  float first_community = 0;  // its first name's community
  float first_lasts = 0;      // the last names its first name goes with
  float country = 0;          // prospects with both names
  float city = 0;             // prospects in its city (0 without a city)
  float city_last = 0;        // of them, those with its last name
  float city_first = 0;       // of them, those with its first name
  float company = 0;          // prospects with its company (0 without one)
  float full_company = 0;     // of them, those with both its names
  float title = 0;            // prospects with its job title (0 without one)
  float full_title = 0;       // of them, those with both its names
};

// What the decision reads of one prospect: its match keys ("" when blank) and CRM ids.
struct MatchKeys {
  std::array<std::string, kMatchFields> keys;
  std::string address;  // the email address, trimmed and lower-cased ("" when blank)
  std::string crm_lead_id;
  std::string crm_contact_id;
  // The first or last name was typed in a script other than Latin (its key is a transliteration).
  bool other_script = false;
  // How common the names are among the prospects deduplicated together (CountNames), for
  // rare_name; `last` is negative until counted, and stays so when a name is blank.
  NameCounts names;
  std::string& operator[](MatchField f) { return keys[static_cast<std::size_t>(f)]; }
  const std::string& operator[](MatchField f) const { return keys[static_cast<std::size_t>(f)]; }
};

// True when two prospects share an email address but are synced to different CRM leads or
// contacts: the pairs a keep_distinct_crm decision keeps apart.
bool DistinctCrmRecords(const MatchKeys& a, const MatchKeys& b);

struct Condition {
  MatchField field;
  double threshold;           // a score at or above it passes; 1 means equal keys
  bool blank_passes = false;  // a blank on either side passes ("first_name?" in a group spec)
};

struct MatchGroup {
  std::vector<Condition> conditions;
  bool has_email = false;  // blanks on other fields are passed over
  // > 0 ("rare_name: T" in the group): the names must be rare, at most T namesakes expected by
  // chance (MatchKeys::namesakes, of the commoner side; times its city share when the group has
  // the city). 0: no such condition.
  double max_namesakes = 0;
  bool has_city = false;  // a city condition a blank does not pass: namesakes in the city count
  // A company or title condition a blank does not pass: namesakes at that company, or with that
  // title, count.
  bool has_company = false;
  bool has_title = false;
  std::string label;  // "first_name+last_name+email", for reports
};

// The namesakes a pair's names lead to expect: how many prospects other than these two are
// expected to carry both names (in the city too, when `in_city` and both have one). For each
// side: the other carriers of its last name (NameCounts::last_expected; a name nobody else
// carries counts as half a carrier) times its first name's share of its community without that
// last name (less one carrier of the first name per last name: the one that brought the last name
// in), but never fewer than the other carriers of both names seen, less one who may be the same
// person a third time; in the city, times the city's share of the carriers of its last name or of
// its first name, whichever is larger. A share of a small population leans on the country's and
// is never below it. The commoner side's estimate is the pair's; negative when the keys were never
// counted.
// `at_company` and `with_title` narrow it to namesakes at the same company (the smaller of the
// company's and the city's share: a company is mostly in one city) and with the same job title
// (times the title's share: a title says nothing of the name), each when both have one; never
// below the other carriers of both names seen there, less one.
double PairNamesakes(const MatchKeys& a, const MatchKeys& b, bool in_city, bool at_company = false,
                     bool with_title = false);

// Counts the names of the prospects deduplicated together into each one's MatchKeys::names.
void CountNames(std::span<MatchKeys> keys);

// Why a pair did or did not match, field by field, for `explain` and the report.
struct Verdict {
  bool match = false;
  int group = -1;              // the first group that held
  std::string_view veto;       // "country" or "crm", when a veto decided
  std::string_view identity;   // "crm" when one CRM lead or contact id decided (group -1)
  bool swapped_names = false;  // the group held with one prospect's first and last names swapped
  // PairNamesakes, once a group with rare_name was tried (negative: the names were not counted).
  std::optional<double> namesakes;
  int namesakes_group = -1;  // the group `namesakes` was counted for (its city, company, title)
  std::array<FieldComparison, kMatchFields> fields{};
  std::uint32_t compared = 0;  // bit per MatchField that was compared
};

class DecisionRule {
 public:
  // Salesforce's standard contact and lead rule, as above.
  static DecisionRule StandardContact(bool keep_distinct_crm);

  // A rule from groups of (field name, threshold) pairs; a threshold of nullopt means the
  // field's default one. Unknown field names and thresholds outside (0, 1] are errors.
  struct GroupSpec {
    std::vector<std::pair<std::string, std::optional<double>>> fields;
  };
  static Result<DecisionRule> Parse(const std::vector<GroupSpec>& groups, bool keep_distinct_crm);

  Verdict Decide(const MatchKeys& a, const MatchKeys& b) const;

  const std::vector<MatchGroup>& groups() const { return groups_; }
  bool keep_distinct_crm() const { return keep_distinct_crm_; }
  // A group asks for rare names: the keys need CountNames before Decide.
  bool uses_rare_names() const;
  // What the rare_name blocking pass needs to know: a pair whose names lead to expect more
  // namesakes than `names` matches by no group that has no city, company or title to add (those
  // are blocked by the name_city and company passes), and a pair of one title whose names, with
  // that title, lead to expect more than `titled`, by no group with a title and neither city nor
  // company. 0: no such group.
  struct RareNameBounds {
    double names = 0;
    double titled = 0;
  };
  RareNameBounds rare_name_bounds() const;
  static double DefaultThreshold(MatchField field);

 private:
  std::vector<MatchGroup> groups_;
  bool keep_distinct_crm_ = false;
};

// The score of one field of a pair with its comparator (see MatchField).
FieldComparison CompareField(MatchField field, std::string_view a, std::string_view b,
                             double threshold);

}  // namespace pdc::dedupe
