#include "rules/dedupe/decision.h"

#include <gtest/gtest.h>

namespace pdc::dedupe {
namespace {

MatchKeys Keys(std::initializer_list<std::pair<MatchField, std::string>> fields) {
  MatchKeys k;
  for (const auto& [f, v] : fields) k[f] = v;
  return k;
}

using F = MatchField;

TEST(DecisionTest, StandardContactMatchesOnNamesAndEmail) {
  const DecisionRule rule = DecisionRule::StandardContact(false);
  const Verdict v = rule.Decide(
      Keys({{F::kFirstName, "bob"}, {F::kLastName, "smith"}, {F::kEmail, "bob@acme.com"}}),
      Keys({{F::kFirstName, "robert"}, {F::kLastName, "smith"}, {F::kEmail, "bob@acme.com"}}));
  EXPECT_TRUE(v.match);
  EXPECT_EQ(rule.groups().at(v.group).label, "first_name+last_name+email");
  EXPECT_EQ(v.fields[static_cast<int>(F::kFirstName)].basis, Basis::kNickname);
}

TEST(DecisionTest, BlanksFailAGroupUnlessTheGroupRestsOnTheEmail) {
  const DecisionRule rule = DecisionRule::StandardContact(false);
  // Same names and phone, nothing else: the last group (first, last, phone) holds.
  EXPECT_TRUE(
      rule.Decide(
              Keys({{F::kFirstName, "ann"}, {F::kLastName, "lee"}, {F::kPhone, "+14155550132"}}),
              Keys({{F::kFirstName, "ann"}, {F::kLastName, "lee"}, {F::kPhone, "+14155550132"}}))
          .match);
  // Same names only: no group holds.
  EXPECT_FALSE(rule.Decide(Keys({{F::kFirstName, "ann"}, {F::kLastName, "lee"}}),
                           Keys({{F::kFirstName, "ann"}, {F::kLastName, "lee"}}))
                   .match);
  // A blank first name is passed over in an email group.
  EXPECT_TRUE(
      rule.Decide(Keys({{F::kLastName, "lee"}, {F::kEmail, "a@x.com"}}),
                  Keys({{F::kFirstName, "ann"}, {F::kLastName, "lee"}, {F::kEmail, "a@x.com"}}))
          .match);
  // A blank email fails it.
  EXPECT_FALSE(
      rule.Decide(Keys({{F::kFirstName, "ann"}, {F::kLastName, "lee"}}),
                  Keys({{F::kFirstName, "ann"}, {F::kLastName, "lee"}, {F::kEmail, "a@x.com"}}))
          .match);
}

TEST(DecisionTest, PhoneticLastNamesAndFuzzyCompanies) {
  const DecisionRule rule = DecisionRule::StandardContact(false);
  const Verdict v = rule.Decide(Keys({{F::kFirstName, "jon"},
                                      {F::kLastName, "thompson"},
                                      {F::kCompany, "ibm"},
                                      {F::kPhone, "+14155550132"}}),
                                Keys({{F::kFirstName, "john"},
                                      {F::kLastName, "thomson"},
                                      {F::kCompany, "international business machines"},
                                      {F::kPhone, "+14155550199"}}));
  EXPECT_TRUE(v.match);
  EXPECT_EQ(v.fields[static_cast<int>(F::kCompany)].basis, Basis::kAcronym);
}

TEST(DecisionTest, LongLastNamesSoundAlikeOnlyWhenTheWholeNameDoes) {
  const DecisionRule rule = DecisionRule::StandardContact(false);
  const auto last_name = [&](std::string a, std::string b) {
    const Verdict v = rule.Decide(Keys({{F::kFirstName, "jan"}, {F::kLastName, std::move(a)}}),
                                  Keys({{F::kFirstName, "jan"}, {F::kLastName, std::move(b)}}));
    return v.fields[static_cast<int>(F::kLastName)];
  };
  // The first four sounds agree (FNTR), the names do not.
  const FieldComparison particles = last_name("van der berg", "van der heijden");
  EXPECT_NE(particles.level, Level::kExact);
  EXPECT_LT(particles.score, 1.0);
  const FieldComparison alike = last_name("van der berg", "van der burg");
  EXPECT_EQ(alike.level, Level::kExact);
  EXPECT_EQ(alike.basis, Basis::kPhonetic);
}

TEST(DecisionTest, CountryVetoUnlessEmailOrPhoneAgree) {
  const DecisionRule rule = DecisionRule::StandardContact(false);
  const MatchKeys us = Keys({{F::kFirstName, "ann"},
                             {F::kLastName, "lee"},
                             {F::kPhone, "+14155550132"},
                             {F::kCountry, "US"}});
  MatchKeys gb = us;
  gb[F::kCountry] = "GB";
  EXPECT_TRUE(rule.Decide(us, gb).match) << "the same E.164 number overrides the country";
  gb[F::kPhone] = "+14155550133";
  const Verdict v = rule.Decide(us, gb);
  EXPECT_FALSE(v.match);
  EXPECT_EQ(v.veto, "country");
}

TEST(DecisionTest, KeepDistinctCrmKeepsSyncedProspectsApart) {
  MatchKeys a = Keys({{F::kFirstName, "ann"}, {F::kLastName, "lee"}, {F::kEmail, "a@x.com"}});
  a.address = "a@x.com";
  MatchKeys b = a;
  a.crm_contact_id = "0031";
  b.crm_contact_id = "0032";
  const Verdict kept = DecisionRule::StandardContact(true).Decide(a, b);
  EXPECT_FALSE(kept.match);
  EXPECT_EQ(kept.veto, "crm");
  EXPECT_TRUE(DecisionRule::StandardContact(false).Decide(a, b).match);
  b.crm_contact_id.clear();  // one side not synced: no conflict
  EXPECT_TRUE(DecisionRule::StandardContact(true).Decide(a, b).match);
}

TEST(DecisionTest, KeepDistinctCrmOnlyConcernsOneSharedAddress) {
  // Two CRM records under different addresses are duplicates in the CRM as well: the policy is
  // about one mailbox shared on purpose, so the usual groups decide.
  MatchKeys a = Keys({{F::kFirstName, "ann"},
                      {F::kLastName, "lee"},
                      {F::kPhone, "+14155550132"},
                      {F::kEmail, "ann.lee@x.com"}});
  a.address = "ann.lee@x.com";
  a.crm_lead_id = "00Q1";
  MatchKeys b = a;
  b[F::kEmail] = b.address = "ann@gmail.com";
  b.crm_lead_id = "00Q2";
  const Verdict v = DecisionRule::StandardContact(true).Decide(a, b);
  EXPECT_TRUE(v.match);
  EXPECT_TRUE(v.veto.empty());
}

TEST(DecisionTest, ParsesGroupsAndNamesMistakes) {
  auto rule = DecisionRule::Parse(
      {{{{"email", std::nullopt}}}, {{{"first_name", 0.9}, {"last_name", std::nullopt}}}}, false);
  ASSERT_TRUE(rule.ok()) << rule.status().message();
  EXPECT_EQ(rule->groups().size(), 2u);
  EXPECT_DOUBLE_EQ(rule->groups()[1].conditions[0].threshold, 0.9);
  EXPECT_DOUBLE_EQ(rule->groups()[1].conditions[1].threshold, 0.90);
  auto bad = DecisionRule::Parse({{{{"frist_name", std::nullopt}, {"phone", 1.5}}}}, false);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("did you mean \"first_name\""), std::string::npos)
      << bad.status().message();
  EXPECT_NE(bad.status().message().find("at most 1"), std::string::npos);
  EXPECT_FALSE(DecisionRule::Parse({}, false).ok());
  EXPECT_FALSE(DecisionRule::Parse({{{{"country", std::nullopt}}}}, false).ok());
}

TEST(DecisionTest, SameUserNameAtAnotherDomainIsALooserEmailLevel) {
  const FieldComparison moved =
      CompareField(F::kEmail, "benoit.morel@oceane.fr", "benoit.morel@guerin.fr", 1.0);
  EXPECT_DOUBLE_EQ(moved.score, 0.9);
  EXPECT_EQ(moved.level, Level::kDifferent) << "below the standard rule's exact email";
  EXPECT_EQ(CompareField(F::kEmail, "b.morel@oceane.fr", "b.morel@guerin.fr", 1.0).score, 0.0)
      << "a short user name is too likely a namesake's";
  auto rule = DecisionRule::Parse(
      {{{{"first_name", std::nullopt}, {"last_name", std::nullopt}, {"email", 0.9}}}}, false);
  ASSERT_TRUE(rule.ok());
  EXPECT_TRUE(rule->Decide(Keys({{F::kFirstName, "benoit"},
                                 {F::kLastName, "morel"},
                                 {F::kEmail, "benoit.morel@oceane.fr"}}),
                           Keys({{F::kFirstName, "benoit"},
                                 {F::kLastName, "morel"},
                                 {F::kEmail, "benoit.morel@guerin.fr"}}))
                  .match);
}

TEST(DecisionTest, NamesCompanyAndCityAreAGroupToAddNotADefault) {
  const MatchKeys a = Keys({{F::kFirstName, "ann"},
                            {F::kLastName, "lee"},
                            {F::kCompany, "acme widgets"},
                            {F::kCity, "boston"}});
  EXPECT_FALSE(DecisionRule::StandardContact(false).Decide(a, a).match)
      << "namesakes at one company in one city: not by default";
  auto rule = DecisionRule::Parse({{{{"first_name", std::nullopt},
                                     {"last_name", std::nullopt},
                                     {"company", std::nullopt},
                                     {"city", std::nullopt}}}},
                                  false);
  ASSERT_TRUE(rule.ok());
  const Verdict v = rule->Decide(a, a);
  ASSERT_TRUE(v.match);
  EXPECT_EQ(rule->groups().at(v.group).label, "first_name+last_name+company+city");
  MatchKeys other = a;
  other[F::kCompany] = "saimaa";
  MatchKeys saimaa = a;
  saimaa[F::kCompany] = "saimaa palvelut";
  EXPECT_FALSE(rule->Decide(saimaa, other).match) << "one shared word of two is another company";
}

TEST(DecisionTest, OneCrmRecordIsOnePerson) {
  MatchKeys a = Keys({{F::kFirstName, "robert"}, {F::kLastName, "smith"}});
  MatchKeys b = Keys({{F::kFirstName, "bobby"}, {F::kLastName, "smythe"}, {F::kCountry, "GB"}});
  a.crm_contact_id = b.crm_contact_id = "0035e00000AbCdE";
  const Verdict v = DecisionRule::StandardContact(true).Decide(a, b);
  EXPECT_TRUE(v.match);
  EXPECT_EQ(v.identity, "crm");
  EXPECT_EQ(v.group, -1);
}

TEST(DecisionTest, NamesCityAndTitleTogetherWhenConfigured) {
  auto rule = DecisionRule::Parse({{{{"first_name", std::nullopt},
                                     {"last_name", std::nullopt},
                                     {"city", std::nullopt},
                                     {"title", 0.99}}}},
                                  false);
  ASSERT_TRUE(rule.ok());
  const MatchKeys a = Keys({{F::kFirstName, "femke"},
                            {F::kLastName, "de vries"},
                            {F::kCity, "groningen"},
                            {F::kTitle, "directeur"},
                            {F::kCompany, "bakker"}});
  MatchKeys b = a;
  b[F::kCompany] = "vos peters";  // a new employer
  EXPECT_TRUE(rule->Decide(a, b).match);
  EXPECT_FALSE(DecisionRule::StandardContact(false).Decide(a, b).match) << "not by default";
  b[F::kTitle] = "project manager";
  EXPECT_FALSE(rule->Decide(a, b).match) << "a namesake in the same city";
}

// `count` prospects in `country` named first/last, living in `city`.
void AddPeople(std::vector<MatchKeys>& out, int count, const std::string& first,
               const std::string& last, const std::string& city, const std::string& country) {
  for (int i = 0; i < count; ++i) {
    out.push_back(Keys(
        {{F::kFirstName, first}, {F::kLastName, last}, {F::kCity, city}, {F::kCountry, country}}));
  }
}

TEST(DecisionTest, CountNamesCountsWithinTheCountry) {
  std::vector<MatchKeys> keys;
  AddPeople(keys, 100, "john", "smith", "austin", "US");
  AddPeople(keys, 100, "mary", "smith", "boston", "US");
  AddPeople(keys, 2, "thaddeus", "quibble", "austin", "US");
  AddPeople(keys, 1, "john", "quibble", "austin", "US");
  AddPeople(keys, 50, "thaddeus", "quibble", "paris", "FR");
  keys.push_back(Keys({{F::kLastName, "quibble"}, {F::kCountry, "US"}}));  // no first name
  CountNames(keys);
  const NameCounts& t = keys[200].names;  // thaddeus quibble, US
  EXPECT_EQ(t.last, 3);
  EXPECT_EQ(t.last_expected, 3) << "no last name ending alike is seen more often";
  EXPECT_EQ(t.first, 2);
  EXPECT_EQ(t.full, 2);
  EXPECT_EQ(t.first_community, 3) << "the carriers of Quibble, the one last name Thaddeus has";
  EXPECT_EQ(t.first_lasts, 1);
  EXPECT_EQ(t.country, 203) << "the French and the nameless are not counted";
  EXPECT_EQ(t.city, 103);
  EXPECT_EQ(t.city_last, 3);
  EXPECT_EQ(t.city_first, 2);
  EXPECT_LT(keys.back().names.last, 0) << "a prospect without both names is not counted";

  // The one other Quibble is John: one carrier, times Thaddeus' share of the country without
  // the pair (none: half a prospect of 201).
  EXPECT_NEAR(PairNamesakes(keys[200], keys[201], false), 1.0 * (0.5 / 201), 1e-6);
  // In Austin, times the city's share of the Quibbles (1 of 1, leaning on Austin's 101 of 201).
  const double austin = 101.0 / 201;
  EXPECT_NEAR(PairNamesakes(keys[200], keys[201], true), (0.5 / 201) * ((1 + 10 * austin) / 11),
              1e-6);
  // John Smith: 198 other Smiths, of whom John is 99 of 201 Americans (the country's share: the
  // community of John's last names is Smith and Quibble alone).
  EXPECT_NEAR(PairNamesakes(keys[0], keys[1], false), 198.0 * 99 / 201, 1e-4);
  MatchKeys uncounted = keys[200];
  uncounted.names = NameCounts{};
  EXPECT_LT(PairNamesakes(uncounted, keys[201], false), 0);
}

TEST(DecisionTest, AFirstNamesShareIsTakenAmongTheLastNamesItGoesWith) {
  std::vector<MatchKeys> keys;
  AddPeople(keys, 1000, "john", "smith", "austin", "US");
  AddPeople(keys, 10, "olga", "petrova", "austin", "US");
  AddPeople(keys, 10, "ivan", "petrov", "austin", "US");
  AddPeople(keys, 3, "pavel", "petrov", "austin", "US");
  AddPeople(keys, 2, "pavel", "morozov", "austin", "US");
  CountNames(keys);
  const MatchKeys& pavel = keys.back();
  // Morozov is carried by the pair alone (half a carrier more); Pavel is 2 of the other 12
  // carriers of Petrov (less the one Pavel that brought Petrov in), not 3 of 1,023 Americans.
  const double country = 3.0 / 1023;
  EXPECT_NEAR(PairNamesakes(pavel, keys[keys.size() - 2], false),
              0.5 * ((2 + 10 * country) / (12 + 10)), 1e-6);
  EXPECT_GT(PairNamesakes(pavel, keys[keys.size() - 2], false), 10 * 0.5 * country);
  // A prospect without a country is measured against everyone.
  keys.push_back(Keys({{F::kFirstName, "pavel"}, {F::kLastName, "morozov"}}));
  CountNames(keys);
  EXPECT_EQ(keys.back().names.country, 1026);
  EXPECT_EQ(keys.back().names.last, 3);
}

// 1,000 John Smiths: 500 engineers at Globex, 498 sales managers, and two founders at Acme.
std::vector<MatchKeys> JohnSmiths() {
  std::vector<MatchKeys> keys;
  auto add = [&keys](int count, const std::string& title, const std::string& company) {
    for (int i = 0; i < count; ++i) {
      keys.push_back(Keys({{F::kFirstName, "john"},
                           {F::kLastName, "smith"},
                           {F::kTitle, title},
                           {F::kCompany, company},
                           {F::kCountry, "US"}}));
    }
  };
  add(500, "engineer", "globex");
  add(498, "sales manager", "");
  add(2, "founder", "acme");  // 998, 999
  CountNames(keys);
  return keys;
}

TEST(DecisionTest, NamesakesAtACompanyOrWithATitleAreCountedThere) {
  const std::vector<MatchKeys> keys = JohnSmiths();
  const NameCounts& founder = keys[998].names;
  EXPECT_EQ(founder.title, 2);
  EXPECT_EQ(founder.full_title, 2);
  EXPECT_EQ(founder.company, 2);
  EXPECT_EQ(keys[0].names.company, 500);
  EXPECT_EQ(keys[500].names.company, 0) << "no company, not counted";
  // 998 other John Smiths, of whom none is a founder (half a prospect of the 998).
  EXPECT_NEAR(PairNamesakes(keys[998], keys[999], false), 998, 1e-6);
  EXPECT_NEAR(PairNamesakes(keys[998], keys[999], false, false, true), 998 * (0.5 / 998), 1e-6);
  EXPECT_NEAR(PairNamesakes(keys[998], keys[999], false, true, false), 998 * (0.5 / 998), 1e-6);
  // Engineers: 498 other engineers, all John Smiths and seen (less one who may be the same).
  EXPECT_NEAR(PairNamesakes(keys[0], keys[1], false, false, true), 998 * (498.0 / 998), 1e-6);
  EXPECT_NEAR(PairNamesakes(keys[0], keys[1], false, true, false), 998 * (498.0 / 998), 1e-6);
  // A blank title or company on either side narrows nothing.
  EXPECT_NEAR(PairNamesakes(keys[500], keys[998], false, true, false), 998, 1e-6);
}

TEST(DecisionTest, RareNameInAGroupWithATitleOrCompanyCountsNamesakesThere) {
  auto parse = [](const char* field) {
    auto rule = DecisionRule::Parse({{{{"first_name", std::nullopt},
                                       {"last_name", std::nullopt},
                                       {field, 1.0},
                                       {"rare_name", 0.6}}}},
                                    false);
    EXPECT_TRUE(rule.ok());
    return std::move(*rule);
  };
  const std::vector<MatchKeys> keys = JohnSmiths();
  for (const char* field : {"title", "company"}) {
    const DecisionRule rule = parse(field);
    EXPECT_EQ(rule.groups()[0].has_title, std::string_view(field) == "title");
    EXPECT_EQ(rule.groups()[0].has_company, std::string_view(field) == "company");
    const Verdict founders = rule.Decide(keys[998], keys[999]);
    EXPECT_TRUE(founders.match) << field << ": two John Smiths, the only founders at Acme";
    EXPECT_EQ(founders.namesakes_group, 0);
    EXPECT_FALSE(rule.Decide(keys[0], keys[1]).match) << field << ": 500 engineers at Globex";
  }
  // Blocking: only a group without city or company needs the rare_name pass, and a title group
  // needs it by the title.
  const DecisionRule::RareNameBounds by_title = parse("title").rare_name_bounds();
  EXPECT_EQ(by_title.names, 0);
  EXPECT_EQ(by_title.titled, 0.6);
  const DecisionRule::RareNameBounds by_company = parse("company").rare_name_bounds();
  EXPECT_EQ(by_company.names, 0);
  EXPECT_EQ(by_company.titled, 0);
}

TEST(DecisionTest, RareNameHoldsOnlyForTheSameRareNames) {
  auto rule = DecisionRule::Parse({{{{"first_name", std::nullopt},
                                     {"last_name", std::nullopt},
                                     {"city", std::nullopt},
                                     {"rare_name", 0.2}}}},
                                  false);
  ASSERT_TRUE(rule.ok());
  std::vector<MatchKeys> keys;
  AddPeople(keys, 2000, "john", "smith", "austin", "US");
  AddPeople(keys, 2, "thaddeus", "quibble", "austin", "US");   // 2000, 2001
  AddPeople(keys, 1, "thaddeus", "quibbel", "austin", "US");   // 2002: a typo
  AddPeople(keys, 2, "ambrose", "quibbles", "austin", "US");   // 2003, 2004
  AddPeople(keys, 2, "ambrose", "quibblers", "austin", "US");  // 2005, 2006
  EXPECT_FALSE(rule->Decide(keys[2000], keys[2001]).match) << "names never counted, no estimate";
  CountNames(keys);
  const Verdict v = rule->Decide(keys[2000], keys[2001]);
  EXPECT_TRUE(v.match) << "a person who changed employer";
  ASSERT_TRUE(v.namesakes.has_value());
  EXPECT_LT(*v.namesakes, 0.01);
  EXPECT_FALSE(rule->Decide(keys[0], keys[1]).match) << "two of 2,000 John Smiths in Austin";
  EXPECT_GT(rule->Decide(keys[0], keys[1]).namesakes.value_or(0), 1);
  EXPECT_TRUE(rule->Decide(keys[2001], keys[2002]).match)
      << "one edit from a name, carried by nobody else: a typo";
  const Verdict alike = rule->Decide(keys[2003], keys[2005]);
  EXPECT_LE(alike.namesakes.value_or(1), 0.2) << "rare enough";
  EXPECT_FALSE(alike.match) << "Quibblers is another name, with carriers of its own";
}

TEST(DecisionTest, SwappedFirstAndLastNamesMatch) {
  const DecisionRule rule = DecisionRule::StandardContact(false);
  const MatchKeys a = Keys({{F::kFirstName, "wei"},
                            {F::kLastName, "zhang"},
                            {F::kPhone, "+861087654321"},
                            {F::kCompany, "hua tai"}});
  MatchKeys b = Keys({{F::kFirstName, "zhang"},
                      {F::kLastName, "wei"},
                      {F::kPhone, "+861087654321"},
                      {F::kCompany, "hua tai"}});
  const Verdict v = rule.Decide(a, b);
  ASSERT_TRUE(v.match);
  EXPECT_TRUE(v.swapped_names);
  EXPECT_FALSE(rule.Decide(a, a).swapped_names) << "straight names are tried first";
  b[F::kLastName] = "li";
  EXPECT_FALSE(rule.Decide(a, b).match) << "only one name matches either way";
  b[F::kLastName] = "";
  EXPECT_FALSE(rule.Decide(a, b).match) << "a swap needs both names on both sides";
}

TEST(DecisionTest, OneBlankNameNeedsTheOtherNameAndTwoMoreFields) {
  const DecisionRule rule = DecisionRule::StandardContact(false);
  MatchKeys a = Keys({{F::kFirstName, "paula"},
                      {F::kLastName, "moreno"},
                      {F::kCompany, "guadalquivir soluciones"},
                      {F::kTitle, "project manager"},
                      {F::kPhone, "+34981823779"}});
  MatchKeys b = a;
  b[F::kFirstName] = "";
  const Verdict v = rule.Decide(a, b);
  ASSERT_TRUE(v.match);
  EXPECT_EQ(rule.groups().at(v.group).label, "first_name?+last_name+phone+company");
  b[F::kPhone] = "";
  EXPECT_FALSE(rule.Decide(a, b).match) << "the last name, the company and the title";
  b[F::kPhone] = a[F::kPhone];
  b[F::kCompany] = "";
  EXPECT_FALSE(rule.Decide(a, b).match) << "the last name and the phone alone";
  b[F::kCity] = a[F::kCity] = "sevilla";
  const Verdict city = rule.Decide(a, b);
  ASSERT_TRUE(city.match);
  EXPECT_EQ(rule.groups().at(city.group).label, "first_name?+last_name+phone+city");
  b[F::kCompany] = a[F::kCompany];
  b[F::kFirstName] = "rosa";
  EXPECT_FALSE(rule.Decide(a, b).match) << "a different first name is not a blank one";
}

TEST(DecisionTest, ParsesBlankPassingConditions) {
  auto rule =
      DecisionRule::Parse({{{{"first_name?", std::nullopt}, {"email", std::nullopt}}}}, false);
  ASSERT_TRUE(rule.ok()) << rule.status().message();
  EXPECT_TRUE(rule->groups()[0].conditions[0].blank_passes);
  EXPECT_FALSE(rule->groups()[0].conditions[1].blank_passes);
  EXPECT_EQ(rule->groups()[0].label, "first_name?+email");
  EXPECT_FALSE(DecisionRule::Parse({{{{"frist_name?", std::nullopt}}}}, false).ok());
}

TEST(DecisionTest, NamesInAnotherScriptCountAsBlankWhenTheTransliterationsDiffer) {
  const DecisionRule rule = DecisionRule::StandardContact(false);
  // 佐々木 陽子 folds through the Han reading "zuo zuo mu"; the other prospect typed the romaji.
  MatchKeys a = Keys({{F::kFirstName, "yang zi"},
                      {F::kLastName, "zuo mu"},
                      {F::kEmail, "ysasaki@takahashi-electronics.co.jp"}});
  a.other_script = true;
  MatchKeys b = Keys({{F::kFirstName, "yoko"},
                      {F::kLastName, "sasaki"},
                      {F::kEmail, "ysasaki@takahashi-electronics.co.jp"}});
  const Verdict v = rule.Decide(a, b);
  ASSERT_TRUE(v.match);
  EXPECT_EQ(rule.groups().at(v.group).label, "first_name+last_name+email");
  EXPECT_EQ(v.fields[static_cast<int>(F::kLastName)].level, Level::kMissing);
  a.other_script = false;
  EXPECT_FALSE(rule.Decide(a, b).match) << "two Latin spellings that differ are two names";
  a.other_script = true;
  b[F::kEmail] = "yoko.sasaki@gmail.com";
  EXPECT_FALSE(rule.Decide(a, b).match) << "blank names alone never match";
}

TEST(DecisionTest, DifferentPeopleDoNotMatch) {
  const DecisionRule rule = DecisionRule::StandardContact(false);
  EXPECT_FALSE(rule.Decide(Keys({{F::kFirstName, "mary"},
                                 {F::kLastName, "jones"},
                                 {F::kEmail, "mary@acme.com"}}),
                           Keys({{F::kFirstName, "peter"},
                                 {F::kLastName, "jones"},
                                 {F::kEmail, "mary@acme.com"}}))
                   .match);
  EXPECT_FALSE(rule.Decide(Keys({{F::kFirstName, "ann"},
                                 {F::kLastName, "lee"},
                                 {F::kCompany, "acme"},
                                 {F::kTitle, "cfo"}}),
                           Keys({{F::kFirstName, "ann"},
                                 {F::kLastName, "leeds"},
                                 {F::kCompany, "globex"},
                                 {F::kTitle, "cfo"}}))
                   .match);
}

}  // namespace
}  // namespace pdc::dedupe
