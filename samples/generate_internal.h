// Private declarations shared by the pardot-generate sources: random sampling, the data tables
// (cultures, regions, companies, titles) and the prospect generator. Standard library only, so the
// tool builds in seconds and has no dependency on the rest of the project.
//
// Everything here is deterministic: the same seed and options produce the same rows on every
// platform, which is why sampling does not use the <random> distributions (their algorithms are
// implementation-defined) and why data tables are fixed arrays, never unordered containers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace pdc::generate {

// ---------------------------------------------------------------------------------------------
// Random sampling. `Source` provides `uint64_t Next()` with uniformly distributed 64-bit outputs.

template <typename Source>
class Sampler {
 public:
  // Uniform integer in [0, n); n must be > 0. Rejection keeps it exactly uniform.
  uint64_t Below(uint64_t n) {
    const uint64_t threshold = (0 - n) % n;  // 2^64 mod n
    for (;;) {
      const uint64_t x = Self().Next();
      if (x >= threshold) return x % n;
    }
  }
  // Uniform integer in [lo, hi], lo <= hi.
  int64_t Between(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(Below(static_cast<uint64_t>(hi - lo) + 1));
  }
  // Uniform double in [0, 1) from the top 53 bits.
  double Unit() { return static_cast<double>(Self().Next() >> 11) * 0x1.0p-53; }
  bool Chance(double p) { return Unit() < p; }
  // A uniformly chosen element of a non-empty array, span or vector.
  template <typename Items>
  const auto& Pick(const Items& items) {
    return items[Below(std::size(items))];
  }
  // Index drawn with probability proportional to weights[i].
  size_t Weighted(std::span<const int> weights) {
    int total = 0;
    for (int w : weights) total += w;
    int x = static_cast<int>(Below(static_cast<uint64_t>(total)));
    for (size_t i = 0; i < weights.size(); ++i) {
      if (x < weights[i]) return i;
      x -= weights[i];
    }
    return weights.size() - 1;
  }
  char Digit() { return static_cast<char>('0' + Below(10)); }

 private:
  Source& Self() { return static_cast<Source&>(*this); }
};

// The main stream: std::mt19937_64, whose output sequence the standard fully specifies.
class Random : public Sampler<Random> {
 public:
  explicit Random(uint64_t seed) : engine_(seed) {}
  uint64_t Next() { return engine_(); }

 private:
  std::mt19937_64 engine_;
};

// A cheap keyed sub-stream (SplitMix64). Used where a value must depend only on a key, e.g. a
// company renders identically for every employee no matter when it is first drawn.
class KeyedRandom : public Sampler<KeyedRandom> {
 public:
  explicit KeyedRandom(uint64_t key) : state_(key) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

 private:
  uint64_t state_;
};

inline uint64_t MixKey(uint64_t a, uint64_t b) {
  return KeyedRandom(a * 0x9E3779B97F4A7C15ULL ^ (b + 0x632BE59BD9B4E019ULL)).Next();
}

// ---------------------------------------------------------------------------------------------
// Spelling alternatives: a '|'-separated list, e.g. "Müller|Mueller|Muller". The first entry is
// the canonical spelling; the others are ways real exports spell the same thing.

size_t CountAlternatives(std::string_view alternatives);
// The alternative at `index` modulo the number of alternatives.
std::string_view Alternative(std::string_view alternatives, size_t index);

// A name-like value: a person's name, a company stem or a descriptor word.
struct NameEntry {
  std::string_view spellings;  // '|'-separated; [0] canonical
  std::string_view ascii;      // key for email/domain local parts; empty = derived from [0]
  std::string_view nicknames;  // '|'-separated short forms (Robert → Bob|Rob), may be empty
};

// Lowercase ASCII letters and digits of the entry's ascii key (or of its canonical spelling),
// e.g. "van der Berg" → "vanderberg".
std::string AsciiKey(const NameEntry& entry);
// The first spelling without non-ASCII bytes, else the second one (a transliteration).
std::string_view LatinSpelling(const NameEntry& entry);

struct Culture {
  std::string_view code;
  std::span<const NameEntry> male;
  std::span<const NameEntry> female;
  std::span<const NameEntry> last;
  std::span<const NameEntry> last_female;  // empty when surnames are not gendered
  bool latin_script;                       // spelling [0] is in Latin script
  double canonical_share;                  // chance an entity's preferred spelling is [0]
  std::string_view male_salutations;       // '|' list; empty = English
  std::string_view female_salutations;
};

// A legal form, e.g. "GmbH|GMBH|Gmbh". Prefix forms are written before the name (ООО «…»).
struct LegalForm {
  std::string_view spellings;
  bool prefix = false;
  bool attached = false;  // written without a space: 华信有限公司, 株式会社さくら
};

// A block of phone numbers: national significant number = area + random subscriber digits.
struct NumberRange {
  std::string_view area;
  int subscriber_digits = 7;
  std::string_view groups;  // group sizes over the national number, e.g. "334"
  bool parens = false;      // national format writes the first group in parentheses
  std::string_view first_digits = "23456789";  // allowed first subscriber digit
  bool trunk = true;  // national format starts with the plan's trunk prefix
};

struct PhonePlan {
  std::string_view country_code;  // "1", "44"
  std::string_view trunk;         // national prefix: "0", "" (NANP), "8" (RU)
  char area_separator = ' ';      // native separator after the first group
  char separator = ' ';           // native separator between the other groups
  bool nanp = false;              // North American numbering: NXX rules, 1- prefix forms
  std::span<const NumberRange> mobile;
};

struct City {
  std::string_view spellings;
  std::string_view state;  // subdivision code (US/CA/AU) or '|' names elsewhere; may be empty
  NumberRange landline;
};

struct CultureShare {
  const Culture* culture;
  int weight;
};

struct KnownCompany {
  NameEntry name;
  const LegalForm* form;
  std::string_view domain;
};

struct Region {
  std::string_view iso2;
  // [0] ISO-2, [1] ISO-3, [2] English name, [3..] local names and aliases.
  std::string_view country_spellings;
  int weight;  // share of entities
  std::span<const CultureShare> cultures;
  std::span<const City> cities;
  // For US/CA/AU: "CODE|Name|Other" per subdivision, looked up by the city's state code.
  std::span<const std::string_view> states;
  PhonePlan phone;
  std::string_view tld;                           // "com", "co.uk", "de"
  std::span<const LegalForm* const> legal_forms;  // [0] most common
  std::span<const NameEntry> stems;
  std::span<const NameEntry> descriptors;
  std::span<const KnownCompany> known;
  std::string_view free_mail;  // '|' list of consumer mail domains common in the country
  std::span<const std::string_view> local_titles;  // titles in the local language
  bool english = false;  // "The" prefixes and "and"/"&" swaps are plausible
  // Non-Latin regions: the form used when a company is written in the native script (null for
  // Latin-script regions). Such companies are written "华信有限公司", "ООО «Ромашка»".
  const LegalForm* native_form = nullptr;
  bool city_prefix = false;  // company names often start with the city: "Shenzhen Huaxin …"
};

// A culture's long tail: rare names built once, mostly from its morphemes ("Ash" + "ford",
// 山 + 中), in storage that lives for the whole process. Real name frequencies are long-tailed: a
// short head of very common names (Culture's lists, ordered by frequency) and a great many rare
// ones, and a matcher's precision on names depends on how often unrelated people share one.
struct NameTail {
  std::span<const NameEntry> male, female;       // given names; empty: the head only
  std::span<const NameEntry> last, last_female;  // surnames; last_female empty when not gendered
  double first_share = 0;                        // chance a given name comes from the tail
  double last_share = 0;                         // chance a surname comes from the tail
};

// The tail of `culture` (generate_name_tail.cpp); empty lists for a culture without one.
const NameTail& TailOf(const Culture& culture);

// Name cultures, referenced by the regions that mix them.
extern const Culture kEnglish, kGaelic, kGerman, kFrench, kSpanish, kPortuguese, kItalian, kDutch,
    kPolish, kGreek, kRussian, kChinese, kJapanese, kArabic, kIndian, kNordic;

std::span<const Region> Regions();
std::span<const std::string_view> EnglishTitles();  // each a '|' list of variants
std::span<const std::string_view> JunkNames();
std::span<const std::string_view> DisposableDomains();

// ---------------------------------------------------------------------------------------------
// Phones.

enum class PhoneFormat : uint8_t {
  kNational,             // native national: "(415) 555-0132", "020 7946 0958"
  kInternational,        // native international: "+1 415-555-0132", "+44 20 7946 0958"
  kE164,                 // "+14155550132"
  kNationalDigits,       // "4155550132", "02079460958"
  kDots,                 // "415.555.0132", "01.42.68.53.00"
  kDashes,               // "415-555-0132"
  kDoubleZero,           // "0044 20 7946 0958"
  kInternationalTrunk,   // "+44 (0)20 7946 0958"
  kParens,               // "(020) 7946 0958"
  kDashedInternational,  // "1-415-555-0132", "+33-1-42-68-53-00"
  kCount
};

struct PhoneNumber {
  const PhonePlan* plan = nullptr;  // null: no number
  const NumberRange* range = nullptr;
  std::string digits;  // national significant number
};

// Draws a number in `range` from a per-entity (or per-company) source, so numbers are mostly
// distinct like real data. NANP numbers avoid 555 and N11 exchanges except the occasional
// fictional 555-01xx.
PhoneNumber DrawPhone(KeyedRandom& rng, const PhonePlan& plan, const NumberRange& range);

// Appends `number` written in `format` to `out`.
void FormatPhone(const PhoneNumber& number, PhoneFormat format, std::string& out);

// ---------------------------------------------------------------------------------------------
// Text noise (UTF-8 aware; scripts without case pass through unchanged).

bool HasNonAscii(std::string_view text);
// Inserts `piece` at byte `at`. (Rebuilds the string: GCC 12 misreports std::string::insert of a
// literal under -Wrestrict, GCC bug 105329.)
void InsertText(std::string& text, size_t at, std::string_view piece);
// Appends `text` upper- or lower-cased: ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic.
void AppendCase(std::string_view text, bool upper, std::string& out);
// One typing slip: two adjacent letters swapped or one letter dropped (never the first letter).
// Text shorter than four code points is returned unchanged.
std::string Typo(Random& rng, std::string_view text);
// One spacing accident: leading/trailing space, doubled space, NBSP, zero-width space or tab.
void AddSpacingNoise(Random& rng, std::string& value);

// ---------------------------------------------------------------------------------------------
// Email addresses. `first`/`last` are ASCII keys (AsciiKey).

// Local-part conventions: 0 first.last, 1 flast, 2 first, 3 firstl, 4 first_last, 5 f.last,
// 6 last.first, 7 firstlast, 8 lastf.
inline constexpr int kLocalPatterns = 9;
std::string LocalPart(int pattern, std::string_view first, std::string_view last);
std::string FreeMailAddress(Random& rng, const Region& region, std::string_view first,
                            std::string_view last);
std::string RoleAddress(Random& rng, const Region& region, std::string_view domain);
std::string DisposableAddress(Random& rng, std::string_view first, std::string_view last);
// jane@x.com → jane+news@x.com (replacing an existing tag).
std::string PlusTagged(Random& rng, std::string_view address);
bool IsGmail(std::string_view address);
// Same Gmail mailbox with the dots moved (and sometimes googlemail.com); differs from `address`.
std::string GmailDotVariant(Random& rng, std::string_view address);
// Writes `address` as it appears in an export row. `light` limits the noise to case and spaces
// (a duplicate that shares the email); otherwise mailto:, brackets, display names, domain typos
// and an occasional invalid address are possible too.
void RenderEmail(Random& rng, std::string_view address, bool light, std::string_view display_name,
                 std::string& out);

// ---------------------------------------------------------------------------------------------
// The generator.

// One prospect row. Empty strings are empty values (null in JSONL).
struct Row {
  int64_t id = 0;
  std::string email, first_name, last_name, salutation, company, job_title, phone, country, state,
      city, website, crm_lead_fid, crm_contact_fid;
  bool opted_out = false;
  bool is_do_not_email = false;
  int64_t score = 0;
  int64_t created_at = 0;  // seconds since 1970-01-01 (Pardot prints the account's local time)
  int64_t updated_at = 0;
};

struct GeneratorOptions {
  uint64_t count = 0;
  uint64_t seed = 1;
  double duplicates = 0.15;   // share of rows that are extra rows of an earlier entity
  double shared_email = 0.4;  // share of those that reuse the entity's email
  int64_t start_id = 1000001;
};

class ProspectGenerator {
 public:
  explicit ProspectGenerator(const GeneratorOptions& options);
  ~ProspectGenerator();

  // Fills `row` with the next prospect and returns the id of its entity (the id of the entity's
  // first row). Call at most options.count times; timestamps grow with the row index.
  int64_t Next(Row& row);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// ---------------------------------------------------------------------------------------------
// Generator internals, shared by generate_prospect.cpp (entities, duplicates) and generate_row.cpp
// (rendering a row with noise).

inline constexpr int kPhoneFormatWeights[] = {38, 22, 7, 7, 5, 6, 4, 4, 3, 4};
static_assert(std::size(kPhoneFormatWeights) == static_cast<size_t>(PhoneFormat::kCount));
inline constexpr size_t kWebsiteStyles = 9;

enum class EmailKind : uint8_t { kCorporate, kFree, kRole, kDisposable };

// A company as the CRM knows it; renders identically for every employee drawn with the same key.
struct Company {
  const Region* region = nullptr;
  const KnownCompany* known = nullptr;
  const NameEntry* stem = nullptr;
  const NameEntry* partner = nullptr;     // "Baker & Lowe"
  const NameEntry* descriptor = nullptr;  // "Logistics", "Maschinenbau"
  const LegalForm* form = nullptr;
  std::string_view city_prefix;  // "Shenzhen Huaxin Technology Co., Ltd."
  bool native = false;           // written in the native script: 华信有限公司
  int email_pattern = 0;
  uint64_t number = 0;
  std::string domain;
  PhoneNumber switchboard;
};

// A person: the attributes every row of the entity is typed from.
struct Entity {
  int64_t id = 0;
  const Region* region = nullptr;
  const Culture* culture = nullptr;
  bool female = false;
  const NameEntry* first = nullptr;
  const NameEntry* last = nullptr;
  size_t first_spelling = 0;
  size_t last_spelling = 0;
  const City* city = nullptr;
  std::string_view title;  // '|' variants; empty = none
  size_t title_spelling = 0;
  Company company;
  int form_spelling = 0;  // -1: legal form omitted
  std::string email;
  EmailKind email_kind = EmailKind::kCorporate;
  PhoneNumber phone;
  std::string_view junk_phone;
  PhoneFormat phone_format = PhoneFormat::kNational;
  std::string extension;
  std::string_view salutation;
  size_t country_spelling = 0;
  size_t state_spelling = 0;
  size_t city_spelling = 0;
  size_t website_style = 0;
  bool show_country = true;
  bool show_state = true;
  bool show_city = true;
  bool show_website = false;
  std::string crm_lead;
  std::string crm_contact;
  bool opted_out = false;
  bool do_not_email = false;
  // Set only on a duplicate's working copy.
  std::string first_override;
  std::string last_override;
  bool shared_email = false;
};

// Generator state. Single-threaded: one instance per ProspectGenerator.
struct ProspectGenerator::State {
  explicit State(const GeneratorOptions& o) : options(o), rng(o.seed) {
    for (const Region& region : Regions()) region_weights.push_back(region.weight);
  }

  size_t PickRegion() { return rng.Weighted(region_weights); }
  void CreateEntity(Entity& entity, int64_t id);
  void AssignEmail(Entity& entity);
  void AssignPhone(Entity& entity, KeyedRandom& source);
  void PrepareDuplicate(const Entity& entity);
  void DifferentEmail(const Entity& entity);
  // Makes a personal address (not a role mailbox) unique to its person, as a mail server does: a
  // namesake who finds jsmith@gmail.com taken gets jsmith84. Gmail dots and plus tags are
  // ignored when comparing, since they reach the same mailbox.
  void ClaimMailbox(std::string& address);
  void RenderRow(const Entity& entity, bool first_row, Row& row);
  void RenderNames(const Entity& entity, bool first_row, Row& row);
  void RenderCompany(const Entity& entity, bool first_row, std::string& out);
  void RenderPhone(const Entity& entity, bool first_row, std::string& out);
  void RenderPlace(const Entity& entity, bool first_row, Row& row);
  void RenderWebsite(const Entity& entity, bool first_row, std::string& out);
  // Adds occasional case and spacing noise to a free-text value.
  void Scuff(std::string& value, double upper, double lower, double spacing);
  // The preferred variant on an entity's first row; on later rows kept with probability `keep`.
  size_t Drift(size_t preferred, size_t count, bool first_row, double keep) {
    if (first_row || count <= 1 || rng.Chance(keep)) return preferred % count;
    return rng.Below(count);
  }

  GeneratorOptions options;
  Random rng;
  std::vector<int> region_weights;
  std::vector<Entity> pool;
  size_t pool_next = 0;
  uint64_t produced = 0;
  std::unordered_set<uint64_t> mailboxes;  // hashes of every personal mailbox handed out
  Entity working;                          // a duplicate's copy of its entity, changed for one row
  std::string scratch;
};

}  // namespace pdc::generate
