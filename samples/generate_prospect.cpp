// The prospect generator. Each new row starts an entity (a person at a company) whose stable
// attributes are drawn once; duplicate rows re-type a recent entity with fresh, independent noise,
// the way the same person reaches Pardot again through another form, list import or CRM sync.
//
// Memory: only the last kPoolSize entities can receive duplicates; beyond that the generator
// keeps one 64-bit hash per personal mailbox, so that no two people share one (8 bytes a row).
#include <algorithm>
#include <string>
#include <vector>

#include "samples/generate_internal.h"

namespace pdc::generate {
namespace {

constexpr int64_t kFirstCreated = 1546300800;  // 2019-01-01 00:00:00
constexpr int64_t kLastCreated = 1782863999;   // 2026-06-30 23:59:59
constexpr int64_t kLastUpdated = 1798761599;   // 2026-12-31 23:59:59
constexpr size_t kPoolSize = size_t{1} << 15;
constexpr uint64_t kCompaniesPerRegion = 4000;

constexpr std::string_view kJunkPhones[] = {
    "0000000",    "1234567",           "000-000-0000", "n/a", "123",
    "1111111111", "+1 (000) 000-0000", "9999999999",   "-",   "none",
};
constexpr std::string_view kTlds[] = {"io", "net", "eu", "co"};
constexpr std::string_view kSalesforcePods[] = {"1U", "3t", "4W", "5e", "6g", "8c", "0a", "2E"};
constexpr int kEmailPatternWeights[kLocalPatterns] = {55, 20, 5, 5, 4, 5, 3, 2, 1};

// Salesforce 18-character id: 3-char key prefix, pod, counter, then the case-safe checksum (each
// 5-character chunk's upper-case letters encoded as one character).
std::string SalesforceId(Random& rng, std::string_view prefix) {
  static constexpr std::string_view kBase62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  static constexpr std::string_view kChecksum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
  std::string id(prefix);
  id += rng.Pick(kSalesforcePods);
  id += "0000";
  for (int i = 0; i < 6; ++i) id += kBase62[rng.Below(62)];
  for (int chunk = 0; chunk < 3; ++chunk) {
    unsigned bits = 0;
    for (int i = 0; i < 5; ++i) {
      const char c = id[static_cast<size_t>(chunk * 5 + i)];
      if (c >= 'A' && c <= 'Z') bits |= 1u << i;
    }
    id += kChecksum[bits];
  }
  return id;
}

const Culture& PickCulture(Random& rng, std::span<const CultureShare> shares) {
  int total = 0;
  for (const CultureShare& share : shares) total += share.weight;
  int x = static_cast<int>(rng.Below(static_cast<uint64_t>(total)));
  for (const CultureShare& share : shares) {
    if (x < share.weight) return *share.culture;
    x -= share.weight;
  }
  return *shares.back().culture;
}

// A given name or surname. Real name frequencies are long-tailed (generate_name_tail.cpp): with
// probability `tail_share` the name is one of the culture's many rare ones, drawn uniformly;
// otherwise it comes from the head list, which is ordered by frequency and drawn with weight
// 1/(rank + k), so Smith is several times as common as Prescott. k (a third of the list) keeps
// the first few names from dominating a short list.
const NameEntry& DrawName(Random& rng, std::span<const NameEntry> head,
                          std::span<const NameEntry> tail, double tail_share) {
  if (!tail.empty() && rng.Chance(tail_share)) return rng.Pick(tail);
  const double k = static_cast<double>(head.size()) / 3.0;
  double total = 0;
  for (size_t rank = 1; rank <= head.size(); ++rank) total += 1.0 / (static_cast<double>(rank) + k);
  double x = rng.Unit() * total;
  for (size_t rank = 1; rank < head.size(); ++rank) {
    x -= 1.0 / (static_cast<double>(rank) + k);
    if (x < 0) return head[rank - 1];
  }
  return head.back();
}

// "Müller Bau" → "müllerbau": an internationalized domain label.
std::string LowerWithoutSpaces(std::string_view text) {
  std::string lower;
  AppendCase(text, false, lower);
  std::string out;
  for (char c : lower) {
    if (c != ' ' && c != '\'') out += c;
  }
  return out;
}

// Company `number` of a region, derived from the seed alone (a keyed stream, not the main one), so
// every employee drawn with the same number sees the same name, domain, email convention and
// switchboard. Numbers are drawn skewed towards small ones: a few large employers, a long tail.
void BuildCompany(uint64_t seed, size_t region_index, uint64_t number, Company& company) {
  const Region& region = Regions()[region_index];
  KeyedRandom rng(MixKey(seed, region_index * 1000003 + number));
  company.region = &region;
  company.number = number;
  company.known = nullptr;
  company.stem = company.partner = company.descriptor = nullptr;
  company.city_prefix = {};
  company.native = false;
  company.domain.clear();
  const Culture& culture = *region.cultures[0].culture;
  if (!region.known.empty() && rng.Chance(0.03)) {
    company.known = &rng.Pick(region.known);
    company.form = company.known->form;
    company.domain = company.known->domain;
  } else {
    const double style = rng.Unit();
    if (style < 0.5) {
      company.stem = &rng.Pick(region.stems);
      if (rng.Chance(0.75)) company.descriptor = &rng.Pick(region.descriptors);
    } else if (style < 0.85) {
      company.stem = &rng.Pick(culture.last);
      if (rng.Chance(0.85)) company.descriptor = &rng.Pick(region.descriptors);
    } else {
      company.stem = &rng.Pick(culture.last);
      company.partner = &rng.Pick(culture.last);
      if (company.partner == company.stem) company.partner = &rng.Pick(region.stems);
      if (rng.Chance(0.3)) company.descriptor = &rng.Pick(region.descriptors);
    }
    company.form = nullptr;
    if (rng.Chance(0.9)) {
      company.form = rng.Chance(0.6) ? region.legal_forms[0] : rng.Pick(region.legal_forms);
    }
    company.native = region.native_form != nullptr && !company.partner && rng.Chance(0.3);
    if (region.city_prefix && rng.Chance(0.5)) {
      company.city_prefix = LatinSpelling(NameEntry{rng.Pick(region.cities).spellings});
    }
    std::string& domain = company.domain;
    domain = AsciiKey(*company.stem);
    if (company.partner) {
      const double joint = rng.Unit();
      domain += joint < 0.5 ? "" : joint < 0.8 ? "-" : "and";
      domain += AsciiKey(*company.partner);
    } else if (company.descriptor && rng.Chance(0.4)) {
      domain += rng.Chance(0.4) ? "-" : "";
      domain += AsciiKey(*company.descriptor);
    }
    // Internationalized domains (müller.de) for some names with diacritics.
    const std::string_view canonical = Alternative(company.stem->spellings, 0);
    if (culture.latin_script && !company.partner && HasNonAscii(canonical) &&
        !HasNonAscii(canonical.substr(0, 1)) && rng.Chance(0.25)) {
      domain = LowerWithoutSpaces(canonical);
    }
    const double tld = rng.Unit();
    domain += '.';
    domain += tld < 0.72 ? region.tld : tld < 0.95 ? std::string_view("com") : rng.Pick(kTlds);
  }
  company.email_pattern = static_cast<int>(rng.Weighted(kEmailPatternWeights));
  const City& office = rng.Pick(region.cities);
  company.switchboard = DrawPhone(rng, region.phone, office.landline);
}

}  // namespace

ProspectGenerator::ProspectGenerator(const GeneratorOptions& options)
    : state_(std::make_unique<State>(options)) {}
ProspectGenerator::~ProspectGenerator() = default;

int64_t ProspectGenerator::Next(Row& row) {
  State& s = *state_;
  const uint64_t index = s.produced++;
  row.id = s.options.start_id + static_cast<int64_t>(index);
  int64_t entity_id;
  if (!s.pool.empty() && s.rng.Chance(s.options.duplicates)) {
    const Entity& entity = s.pool[s.rng.Below(s.pool.size())];
    s.PrepareDuplicate(entity);
    s.RenderRow(s.working, false, row);
    entity_id = entity.id;
  } else {
    Entity* entity;
    if (s.pool.size() < kPoolSize) {
      entity = &s.pool.emplace_back();
    } else {
      entity = &s.pool[s.pool_next];
      s.pool_next = (s.pool_next + 1) % kPoolSize;
    }
    s.CreateEntity(*entity, row.id);
    s.RenderRow(*entity, true, row);
    entity_id = entity->id;
  }
  // Pardot ids grow with creation time, so created_at follows the row index with some jitter.
  const uint64_t count = s.options.count > index ? s.options.count : index + 1;
  const int64_t span = kLastCreated - kFirstCreated;
  const int64_t step = span / static_cast<int64_t>(count) + 1;
  row.created_at = kFirstCreated +
                   static_cast<int64_t>((static_cast<double>(index) / static_cast<double>(count)) *
                                        static_cast<double>(span)) +
                   s.rng.Between(0, step - 1);
  row.created_at = std::min(row.created_at, kLastCreated);
  const double touched = s.rng.Unit();
  if (touched < 0.25) {
    row.updated_at = row.created_at;
  } else {
    // Skewed towards edits soon after creation; always within the data window.
    const int64_t room = kLastUpdated - row.created_at;
    const int64_t bound = s.rng.Between(0, room);
    row.updated_at = row.created_at + s.rng.Between(0, bound);
  }
  return entity_id;
}

void ProspectGenerator::State::CreateEntity(Entity& e, int64_t id) {
  KeyedRandom source(rng.Next());  // the entity's own stream: its phone numbers
  e.id = id;
  const size_t region_index = PickRegion();
  e.region = &Regions()[region_index];
  const Region& region = *e.region;
  e.culture = &PickCulture(rng, region.cultures);
  const Culture& culture = *e.culture;
  e.female = rng.Chance(0.47);
  const NameTail& tail = TailOf(culture);
  e.first = &DrawName(rng, e.female ? culture.female : culture.male,
                      e.female ? tail.female : tail.male, tail.first_share);
  const bool female_last = e.female && !culture.last_female.empty();
  e.last = &DrawName(rng, female_last ? culture.last_female : culture.last,
                     female_last ? tail.last_female : tail.last, tail.last_share);
  const size_t first_count = CountAlternatives(e.first->spellings);
  const size_t last_count = CountAlternatives(e.last->spellings);
  if (culture.latin_script) {
    e.first_spelling = rng.Chance(culture.canonical_share) ? 0 : rng.Below(first_count);
    e.last_spelling = rng.Chance(culture.canonical_share) ? 0 : rng.Below(last_count);
  } else {
    // Native script or a transliteration, for both names together. Outside the culture's home
    // region (an Arabic name in France, a Chinese one in the US) records are mostly romanized.
    const bool home = region.cultures[0].culture == &culture;
    const bool native = rng.Chance(home ? culture.canonical_share : 0.1);
    e.first_spelling = native ? 0 : 1 + rng.Below(first_count - 1);
    e.last_spelling = native ? 0 : 1 + rng.Below(last_count - 1);
  }
  e.city = &rng.Pick(region.cities);
  e.title = {};
  if (rng.Chance(0.86)) {
    e.title = !region.local_titles.empty() && rng.Chance(0.25) ? rng.Pick(region.local_titles)
                                                               : rng.Pick(EnglishTitles());
    e.title_spelling = rng.Chance(0.7) ? 0 : rng.Below(CountAlternatives(e.title));
  }
  BuildCompany(options.seed, region_index, rng.Below(rng.Below(kCompaniesPerRegion) + 1),
               e.company);
  e.form_spelling = 0;
  if (e.company.form != nullptr) {
    const double form = rng.Unit();
    e.form_spelling =
        form < 0.65  ? 0
        : form < 0.8 ? -1
                     : static_cast<int>(rng.Below(CountAlternatives(e.company.form->spellings)));
  }
  AssignEmail(e);
  AssignPhone(e, source);
  const std::string_view salutations =
      e.female
          ? (culture.female_salutations.empty() ? "Ms.|Ms|Mrs.|Dr.|Miss"
                                                : culture.female_salutations)
          : (culture.male_salutations.empty() ? "Mr.|Mr|Dr.|MR.|mr" : culture.male_salutations);
  e.salutation = rng.Chance(0.22) ? Alternative(salutations, rng.Chance(0.6) ? 0 : rng.Below(8))
                                  : std::string_view();
  const double country = rng.Unit();
  const size_t country_count = CountAlternatives(region.country_spellings);
  e.country_spelling = country < 0.3    ? 0
                       : country < 0.38 ? 1
                       : country < 0.75 ? 2
                                        : 3 + rng.Below(country_count - 3);
  e.show_country = rng.Chance(0.88);
  e.state_spelling = rng.Chance(0.55) ? 0 : rng.Chance(0.85) ? 1 : 2;
  e.show_state = region.states.empty() ? rng.Chance(0.06) : rng.Chance(0.85);
  e.city_spelling = rng.Chance(0.85) ? 0 : rng.Below(8);
  e.show_city = rng.Chance(0.8);
  e.website_style = rng.Below(kWebsiteStyles);
  e.show_website = rng.Chance(0.5);
  const double crm = rng.Unit();
  e.crm_lead.clear();
  e.crm_contact.clear();
  if (crm < 0.4) {
    e.crm_lead = SalesforceId(rng, "00Q");
  } else if (crm < 0.6) {
    e.crm_contact = SalesforceId(rng, "003");
  } else if (crm < 0.65) {
    e.crm_lead = SalesforceId(rng, "00Q");
    e.crm_contact = SalesforceId(rng, "003");
  }
  e.opted_out = rng.Chance(0.03);
  e.do_not_email = rng.Chance(0.025);
  e.first_override.clear();
  e.last_override.clear();
  e.shared_email = false;
}

void ProspectGenerator::State::AssignEmail(Entity& e) {
  const std::string first = AsciiKey(*e.first);
  const std::string last = AsciiKey(*e.last);
  const double kind = rng.Unit();
  if (kind < 0.69) {
    e.email_kind = EmailKind::kCorporate;
    e.email = LocalPart(e.company.email_pattern, first, last) + "@" + e.company.domain;
  } else if (kind < 0.935) {
    e.email_kind = EmailKind::kFree;
    e.email = FreeMailAddress(rng, *e.region, first, last);
    if (IsGmail(e.email) && rng.Chance(0.03)) e.email = GmailDotVariant(rng, e.email);
  } else if (kind < 0.98) {
    e.email_kind = EmailKind::kRole;
    e.email = RoleAddress(rng, *e.region, e.company.domain);
  } else {
    e.email_kind = EmailKind::kDisposable;
    e.email = DisposableAddress(rng, first, last);
  }
  if (e.email_kind != EmailKind::kRole) ClaimMailbox(e.email);
  if (e.email_kind != EmailKind::kRole && rng.Chance(0.02)) e.email = PlusTagged(rng, e.email);
}

void ProspectGenerator::State::ClaimMailbox(std::string& address) {
  if (address.rfind('@') == std::string::npos) return;
  // The '@' moves when digits go into the local part: found again for every attempt.
  auto mailbox = [&address] {
    const size_t at = address.rfind('@');
    std::string key;
    const std::string_view domain = std::string_view(address).substr(at + 1);
    const bool gmail = domain == "gmail.com" || domain == "googlemail.com";
    for (size_t i = 0; i < at; ++i) {
      const char c = address[i];
      if (c == '+') break;
      if (gmail && c == '.') continue;
      key += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    key += '@';
    key += gmail ? std::string_view("gmail.com") : domain;
    return std::hash<std::string>{}(key);
  };
  for (int attempt = 0; !mailboxes.insert(mailbox()).second; ++attempt) {
    const std::string digits =
        std::to_string(attempt < 3 ? rng.Between(2, 99) : rng.Between(100, 99999));
    // Before a plus tag, which the mailbox key leaves out, else before the '@'.
    address.insert(std::min(address.find('+'), address.rfind('@')), digits);
  }
}

void ProspectGenerator::State::AssignPhone(Entity& e, KeyedRandom& source) {
  e.phone = PhoneNumber{};
  e.junk_phone = {};
  e.extension.clear();
  const double kind = rng.Unit();
  if (kind < 0.18) return;
  if (kind < 0.19) {
    e.junk_phone = rng.Pick(kJunkPhones);
    return;
  }
  bool office = true;
  if (kind < 0.205) {
    e.phone = e.company.switchboard;  // the company's main line, shared by colleagues
  } else {
    const Region& region = rng.Chance(0.97) ? *e.region : Regions()[PickRegion()];
    const PhonePlan& plan = region.phone;
    office = plan.mobile.empty() || rng.Chance(0.55);
    const NumberRange& range = !office               ? rng.Pick(plan.mobile)
                               : &region == e.region ? e.city->landline
                                                     : rng.Pick(region.cities).landline;
    e.phone = DrawPhone(source, plan, range);
  }
  e.phone_format = static_cast<PhoneFormat>(rng.Weighted(kPhoneFormatWeights));
  if (office && rng.Chance(0.06)) {
    e.extension = std::to_string(rng.Between(1, rng.Chance(0.7) ? 999 : 9999));
  }
}

void ProspectGenerator::State::PrepareDuplicate(const Entity& entity) {
  working = entity;
  Entity& w = working;
  w.shared_email = rng.Chance(options.shared_email);
  if (!w.shared_email) DifferentEmail(entity);

  if (!entity.first->nicknames.empty() && rng.Chance(0.25)) {
    // Nicknames follow the row's script: native first, transliteration last.
    const std::string_view nicknames = entity.first->nicknames;
    const size_t count = CountAlternatives(nicknames);
    const size_t pick = entity.culture->latin_script ? rng.Below(count)
                        : entity.first_spelling == 0 ? 0
                                                     : count - 1;
    w.first_override = Alternative(nicknames, pick);
  }
  if (rng.Chance(0.08)) {
    w.last_override = Typo(rng, Alternative(entity.last->spellings, entity.last_spelling));
  }

  const double phone = rng.Unit();
  if (phone < 0.2) {
    w.phone = PhoneNumber{};
    w.junk_phone = {};
  } else if (phone < 0.32 && entity.phone.plan != nullptr) {
    // Another number of the same person: a mobile, or a new direct line.
    KeyedRandom source(rng.Next());
    const PhonePlan& plan = *entity.phone.plan;
    const NumberRange& range = plan.mobile.empty() ? *entity.phone.range : rng.Pick(plan.mobile);
    w.phone = DrawPhone(source, plan, range);
    w.extension.clear();
  }

  const double crm = rng.Unit();
  if (crm < 0.25) {
    w.crm_lead.clear();
    w.crm_contact.clear();
  } else if (crm < 0.5) {
    w.crm_lead = SalesforceId(rng, "00Q");
    w.crm_contact.clear();
  }
  if (rng.Chance(0.2)) {
    w.opted_out = rng.Chance(0.05);
    w.do_not_email = rng.Chance(0.04);
  }
}

// Gives the working copy an email different from the entity's: a plus tag, moved Gmail dots, a
// personal mailbox, another convention at the same domain, or a new employer after a job change.
void ProspectGenerator::State::DifferentEmail(const Entity& entity) {
  Entity& w = working;
  const std::string first = AsciiKey(*entity.first);
  const std::string last = AsciiKey(*entity.last);
  const bool gmail = IsGmail(entity.email);
  const bool corporate = entity.email_kind == EmailKind::kCorporate;
  const int weights[] = {gmail ? 35 : 0, 20, 25, 22, corporate ? 15 : 0};
  const size_t kind = rng.Weighted(weights);
  const bool new_mailbox = kind >= 2;  // dots and plus tags reach the entity's own mailbox
  switch (kind) {
    case 0:
      w.email = GmailDotVariant(rng, entity.email);
      break;
    case 1:
      w.email = PlusTagged(rng, entity.email);
      break;
    case 2:
      w.email = FreeMailAddress(rng, *entity.region, first, last);
      w.email_kind = EmailKind::kFree;
      break;
    case 3: {
      // Job change: new company, new corporate address, often a new title.
      const size_t region_index = static_cast<size_t>(entity.region - Regions().data());
      uint64_t number = rng.Below(kCompaniesPerRegion);
      if (number == entity.company.number) number = (number + 1) % kCompaniesPerRegion;
      BuildCompany(options.seed, region_index, number, w.company);
      w.email = LocalPart(w.company.email_pattern, first, last) + "@" + w.company.domain;
      w.email_kind = EmailKind::kCorporate;
      w.form_spelling = 0;
      if (rng.Chance(0.6)) {
        w.title = rng.Pick(EnglishTitles());
        w.title_spelling = 0;
      }
      if (w.phone.plan != nullptr && rng.Chance(0.5)) w.phone = w.company.switchboard;
      w.crm_lead.clear();
      w.crm_contact.clear();
      break;
    }
    default: {
      const size_t at = entity.email.rfind('@');
      const std::string domain = entity.email.substr(at + 1);
      w.email = LocalPart(static_cast<int>(rng.Below(kLocalPatterns)), first, last) + "@" + domain;
      break;
    }
  }
  if (new_mailbox) ClaimMailbox(w.email);
  if (w.email.size() == entity.email.size()) {
    // Must differ beyond case: fall back to a plus tag.
    bool same = true;
    for (size_t i = 0; i < w.email.size() && same; ++i) {
      same = (w.email[i] | 0x20) == (entity.email[i] | 0x20);
    }
    if (same) w.email = PlusTagged(rng, entity.email);
  }
}

}  // namespace pdc::generate
