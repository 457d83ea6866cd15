#include "rules/dedupe/engine.h"

#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <unordered_map>

#include "rules/dedupe/metaphone.h"
#include "rules/email_domains.h"
#include "rules/field_names.h"
#include "rules/match_key.h"
#include "rules/unicode_text.h"

namespace pdc::dedupe {
namespace {

std::string_view TextOf(const Record& record, FieldId field) {
  const Value* v = record.Find(field);
  return v != nullptr && v->kind() == Value::Kind::kText ? v->view() : std::string_view();
}

struct Fields {
  FieldId first = InternField("first_name"), last = InternField("last_name"),
          company = InternField("company"), title = InternField("job_title"),
          email = InternField("email"), phone = InternField("phone"),
          street = InternField("address_one"), city = InternField("city"), zip = InternField("zip"),
          country = InternField("country"), crm_lead = InternField("crm_lead_fid"),
          crm_contact = InternField("crm_contact_fid"), created = InternField("created_at");
};

const Fields& Names() {
  static const Fields fields;
  return fields;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string PhoneKey(std::string_view raw) {
  std::string out;
  for (const char c : raw) {
    if ((c >= '0' && c <= '9') || (c == '+' && out.empty())) out += c;
  }
  return out.size() >= 7 ? out : std::string();
}

enum {
  kEmail,
  kPhone,
  kDomainName,
  kCompanyName,
  kNameCity,
  kRareName,
  kCrmContact,
  kCrmLead,
  kPasses
};
constexpr std::string_view kPassNames[kPasses] = {"email_key",
                                                  "phone_e164",
                                                  "domain_first_initial_last",
                                                  "company_first_initial_last",
                                                  "name_city",
                                                  "rare_name",
                                                  "crm_contact_id",
                                                  "crm_lead_id"};
static_assert(kPasses == kBlockingPasses);

// True when `text` has a letter of a script other than Latin (Cyrillic, Greek, Han, Arabic, ...).
bool HasOtherScript(std::string_view text) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto size = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < size;) {
    if (bytes[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c = 0;
    U8_NEXT(bytes, i, size, c);
    if (c < 0) continue;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &status);
    if (U_SUCCESS(status) && script != USCRIPT_COMMON && script != USCRIPT_INHERITED &&
        script != USCRIPT_LATIN) {
      return true;
    }
  }
  return false;
}

// One name left blank while the email's user name holds both ("grace.kirkbridge62@" or
// "gracekirkbridge@" with last name Kirkbridge): the blank one is taken from the user name, for
// matching only. Digits at the end are left out; the user name must then be letters, in two
// words (split at '.', '_' or '-') of which one is the name that is there, or in one word that
// starts or ends with it and has at least two more letters.
void NamesFromEmail(std::string_view email, MatchKeys& k) {
  std::string& first = k[MatchField::kFirstName];
  std::string& last = k[MatchField::kLastName];
  if (first.empty() == last.empty()) return;
  const auto at = email.rfind('@');
  if (at == std::string_view::npos) return;
  std::string user = Lower(email.substr(0, at));
  user.resize(std::min(user.find('+'), user.size()));
  while (!user.empty() && user.back() >= '0' && user.back() <= '9') user.pop_back();
  if (IsRoleLocalPart(user)) return;
  auto letters = [](std::string_view w) {
    return w.size() >= 2 &&
           std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  };
  const std::string& known = first.empty() ? last : first;
  std::string& blank = first.empty() ? first : last;
  if (const auto cut = user.find_first_of("._-"); cut != std::string::npos) {
    const std::string_view one = std::string_view(user).substr(0, cut);
    const std::string_view two = std::string_view(user).substr(cut + 1);
    if (!letters(one) || !letters(two) || IsRoleLocalPart(one) || IsRoleLocalPart(two)) return;
    if (one == known) blank = two;
    if (two == known) blank = one;
  } else if (letters(user) && user.size() >= known.size() + 2) {
    if (user.starts_with(known)) blank = user.substr(known.size());
    if (user.ends_with(known)) blank = user.substr(0, user.size() - known.size());
  }
}

}  // namespace

std::span<const std::string_view> BlockingPassNames() { return kPassNames; }

void PassKeys(const MatchKeys& k, const DomainFactsCache& domains,
              const DecisionRule::RareNameBounds& rare_names, PassKeySet& out) {
  for (PassKey& p : out) {
    p.keys.clear();
    p.secondary.clear();
  }
  std::string scratch;
  auto add = [&out](int pass, const std::string& key) {
    if (!key.empty() &&
        std::find(out[pass].keys.begin(), out[pass].keys.end(), key) == out[pass].keys.end()) {
      out[pass].keys.push_back(key);
    }
  };
  const std::string& email = k[MatchField::kEmail];
  const std::string& first = k[MatchField::kFirstName];
  const std::string& last = k[MatchField::kLastName];
  const std::string& company = k[MatchField::kCompany];
  const std::string& city = k[MatchField::kCity];
  const std::string phonetic = last.empty() ? std::string() : DoubleMetaphone(last).primary;
  add(kEmail, email);
  // The phone blocks on its last eight digits: a number written nationally ("0218902077", the
  // country unknown) meets its E.164 form ("+41218902077").
  const std::string_view phone = k[MatchField::kPhone];
  add(kPhone, std::string(phone.substr(phone.size() > 8 ? phone.size() - 8 : 0)));
  if (const auto at = email.rfind('@'); at != std::string::npos) {
    const std::string_view domain = std::string_view(email).substr(at + 1);
    const bool made = DomainNameKey(
        domain, first, phonetic,
        [&](std::string_view d) {
          const DomainFacts& facts = domains.Get(d);
          return facts.free || facts.disposable;
        },
        scratch);
    if (made) {
      add(kDomainName, scratch);
      out[kDomainName].secondary = city;
    }
  }
  if (CompanyNameKey(company, first, phonetic, scratch)) add(kCompanyName, scratch);
  if (JoinKey(first, phonetic, city, scratch)) add(kNameCity, scratch);
  // The rare_name pass: the names in the country, and in the country with the job title.
  std::array<std::string, 2> rare_scopes;
  std::size_t rare_count = 0;
  if (k.names.last >= 0) {
    const std::string country =
        k[MatchField::kCountry].empty() ? std::string("-") : k[MatchField::kCountry];
    const std::string& title = k[MatchField::kTitle];
    if (rare_names.names > 0 && PairNamesakes(k, k, false) <= rare_names.names) {
      rare_scopes[rare_count++] = country;
    }
    if (rare_names.titled > 0 && !title.empty() &&
        PairNamesakes(k, k, false, false, true) <= rare_names.titled) {
      rare_scopes[rare_count++] = country + "|" + title;
    }
  }
  for (std::size_t i = 0; i < rare_count; ++i) {
    if (JoinKey(first, phonetic, rare_scopes[i], scratch)) add(kRareName, scratch);
  }
  if (const std::string_view formal = first.empty() ? first : FormalName(first); formal != first) {
    // A nickname also blocks as its formal name (bob smith meets robert smith).
    if (CompanyNameKey(company, formal, phonetic, scratch)) add(kCompanyName, scratch);
    if (JoinKey(formal, phonetic, city, scratch)) add(kNameCity, scratch);
    for (std::size_t i = 0; i < rare_count; ++i) {
      if (JoinKey(formal, phonetic, rare_scopes[i], scratch)) add(kRareName, scratch);
    }
  }
  if (!first.empty() && !last.empty()) {
    // The two names in sorted order ("~anna kowalczyk" whichever field holds which) in both name
    // passes, for names typed into each other's fields; and, in the company pass, the whole
    // first name with the last name's first two letters, which most typos in the last name
    // keep. (The same key in the name+city pass made blocks of common first names in big
    // cities: a fifth more candidate pairs at a million prospects for 15 true pairs in 100,000.)
    const bool ordered = first <= last;
    std::string sorted = "~";
    sorted.append(ordered ? first : last).append(" ").append(ordered ? last : first);
    if (CompanyNameKey(company, "~", sorted, scratch)) add(kCompanyName, scratch);
    if (CompanyNameKey(company, last, first, scratch)) {
      scratch.append("|").append(std::string_view(last).substr(1, 1));
      add(kCompanyName, scratch);
    }
    if (JoinKey(sorted, "~", city, scratch)) add(kNameCity, scratch);
  }
  if (!out[kCompanyName].keys.empty()) out[kCompanyName].secondary = city;
  add(kCrmContact, k.crm_contact_id);
  add(kCrmLead, k.crm_lead_id);
}

MatchKeys BuildMatchKeys(const Record& record, FieldId email_key_field) {
  const Fields& f = Names();
  MatchKeys k;
  k[MatchField::kFirstName] = Fold(TextOf(record, f.first));
  k[MatchField::kLastName] = Fold(TextOf(record, f.last));
  k.other_script =
      HasOtherScript(TextOf(record, f.first)) || HasOtherScript(TextOf(record, f.last));
  // The whole name typed into the first name with the last name blank ("ashley bailey", ""): its
  // last word is the last name.
  std::string& first = k[MatchField::kFirstName];
  if (const auto space = first.rfind(' ');
      space != std::string::npos && k[MatchField::kLastName].empty()) {
    k[MatchField::kLastName] = first.substr(space + 1);
    first.resize(space);
  }
  k[MatchField::kCompany] = Fold(TextOf(record, f.company));
  NamesFromEmail(TextOf(record, f.email), k);
  k[MatchField::kTitle] = Fold(TextOf(record, f.title));
  std::string_view email_key = TextOf(record, email_key_field);
  if (email_key.empty()) email_key = TextOf(record, f.email);
  // A role mailbox (info@, sales@) is shared by colleagues: never a person's identity. A plus
  // tag is cut at every domain here (the email rule's key cuts it at known providers only): the
  // decision asks for matching names as well, which makes the medium-confidence cut safe.
  k.address = Lower(TrimInvisible(TextOf(record, f.email)));
  std::string email = Lower(TrimInvisible(email_key));
  if (const auto at = email.find('@'); at != std::string::npos) {
    if (IsRoleLocalPart(std::string_view(email).substr(0, at))) {
      email.clear();
    } else if (const auto plus = email.find('+'); plus < at) {
      email.erase(plus, at - plus);
    }
  }
  k[MatchField::kEmail] = std::move(email);
  k[MatchField::kPhone] = PhoneKey(TextOf(record, f.phone));
  k[MatchField::kStreet] = Fold(TextOf(record, f.street));
  k[MatchField::kCity] = Fold(TextOf(record, f.city));
  k[MatchField::kZip] = Fold(TextOf(record, f.zip));
  std::string country(TextOf(record, f.country));
  for (char& c : country) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  k[MatchField::kCountry] = std::move(country);
  k.crm_lead_id = std::string(TextOf(record, f.crm_lead));
  k.crm_contact_id = std::string(TextOf(record, f.crm_contact));
  return k;
}

Result<DedupeResult> FindDuplicates(std::span<const Record> records, const DedupeOptions& options) {
  std::vector<const Record*> pointers;
  pointers.reserve(records.size());
  for (const Record& record : records) pointers.push_back(&record);
  return FindDuplicates(std::span<const Record* const>(pointers), options);
}

Result<DedupeResult> FindDuplicates(std::span<const Record* const> records,
                                    const DedupeOptions& options) {
  if (records.size() > UINT32_MAX) return Status::InvalidArgument("too many records to dedupe");
  const auto n = static_cast<std::uint32_t>(records.size());
  std::vector<MatchKeys> keys(n);
  const FieldId email_key_field = InternField(options.email_key_field);
  LoadEmailData(kEmailClasses);
  tbb::parallel_for(tbb::blocked_range<std::uint32_t>(0, n), [&](const auto& range) {
    for (std::uint32_t i = range.begin(); i != range.end(); ++i) {
      keys[i] = BuildMatchKeys(*records[i], email_key_field);
    }
  });
  std::vector<MemberKey> members(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    members[i] = MemberKeyOf(*records[i]);
  }
  return FindDuplicates(std::move(keys), members, options);
}

MemberKey MemberKeyOf(const Record& record) {
  return {TextOf(record, Names().created), record.id()};
}

Result<DedupeResult> FindDuplicates(std::vector<MatchKeys> keys, std::span<const MemberKey> members,
                                    const DedupeOptions& options) {
  if (keys.size() > UINT32_MAX) return Status::InvalidArgument("too many records to dedupe");
  if (members.size() != keys.size()) {
    return Status::InvalidArgument("FindDuplicates needs one member key per match key");
  }
  bool enabled[kPasses];
  std::fill(std::begin(enabled), std::end(enabled), options.passes.empty());
  for (const std::string& name : options.passes) {
    const auto* it = std::find(std::begin(kPassNames), std::end(kPassNames), name);
    if (it == std::end(kPassNames)) {
      return Status::InvalidArgument("unknown blocking pass \"" + name + "\"");
    }
    enabled[it - std::begin(kPassNames)] = true;
  }
  // The rare-name pass pairs only what a rare_name group can match.
  enabled[kRareName] = enabled[kRareName] && options.decision.uses_rare_names();
  LoadEmailData(kEmailClasses);
  LoadNicknames();
  DedupeResult result;
  const auto n = static_cast<std::uint32_t>(keys.size());
  result.keys = std::move(keys);
  if (options.decision.uses_rare_names()) CountNames(result.keys);

  // Blocking keys, filled per thread in chunks and joined.
  struct Local {
    BlockingKeys keys[kPasses];
    PassKeySet pass_keys;
  };
  const DecisionRule::RareNameBounds rare_names = options.decision.rare_name_bounds();
  tbb::enumerable_thread_specific<Local> locals;
  const DomainFactsCache domains(kEmailClasses);
  tbb::parallel_for(tbb::blocked_range<std::uint32_t>(0, n), [&](const auto& range) {
    Local& local = locals.local();
    for (std::uint32_t i = range.begin(); i != range.end(); ++i) {
      PassKeys(result.keys[i], domains, rare_names, local.pass_keys);
      for (int p = 0; p < kPasses; ++p) {
        for (const std::string& key : local.pass_keys[p].keys) {
          local.keys[p].Add(i, key, local.pass_keys[p].secondary);
        }
      }
    }
  });
  std::vector<BlockingPass> passes(kPasses);
  for (int p = 0; p < kPasses; ++p) {
    passes[p].name = kPassNames[p];
    passes[p].cap = options.block_cap;
    if (!enabled[p]) continue;  // a pass left out compares nothing
    for (Local& local : locals) passes[p].keys.Append(std::move(local.keys[p]));
  }
  passes[kPhone].max_shared = options.max_shared_phone;
  auto blocking = GenerateCandidates(passes);
  if (!blocking.ok()) return blocking.status();
  result.blocking = std::move(*blocking);

  // The decision on every candidate pair.
  const auto& pairs = result.blocking.pairs;
  struct Found {
    std::vector<MatchedPair> matches;
    std::size_t vetoed = 0;
  };
  tbb::enumerable_thread_specific<Found> found;
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, pairs.size(), 4096), [&](const auto& r) {
    Found& local = found.local();
    for (std::size_t i = r.begin(); i != r.end(); ++i) {
      const CandidatePair& p = pairs[i];
      const Verdict v = options.decision.Decide(result.keys[p.first], result.keys[p.second]);
      if (v.match) {
        local.matches.push_back({p.first, p.second, v.group, p.passes});
      } else if (!v.veto.empty()) {
        ++local.vetoed;
      }
    }
  });
  for (Found& local : found) {
    result.matches.insert(result.matches.end(), local.matches.begin(), local.matches.end());
    result.vetoed += local.vetoed;
  }
  std::sort(result.matches.begin(), result.matches.end(),
            [](const MatchedPair& a, const MatchedPair& b) {
              return a.first != b.first ? a.first < b.first : a.second < b.second;
            });

  ClusterOptions cluster_options;
  cluster_options.max_size = options.max_cluster;
  DisjointSets sets(n);
  if (!options.decision.keep_distinct_crm()) {
    for (const MatchedPair& m : result.matches) sets.Union(m.first, m.second);
  } else {
    // Strongest matches first (one CRM record, then the groups in order); a join that would
    // put two prospects on one address synced to different CRM records in one cluster is
    // refused, whatever third member links them.
    std::vector<const MatchedPair*> order;
    order.reserve(result.matches.size());
    for (const MatchedPair& m : result.matches) order.push_back(&m);
    std::stable_sort(order.begin(), order.end(), [](const MatchedPair* a, const MatchedPair* b) {
      return a->group < b->group;
    });
    // For each set with any: its members that are on an address and synced to the CRM.
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> synced;
    for (std::uint32_t i = 0; i < n; ++i) {
      const MatchKeys& k = result.keys[i];
      if (!k.address.empty() && (!k.crm_lead_id.empty() || !k.crm_contact_id.empty())) {
        synced[i].push_back(i);
      }
    }
    for (const MatchedPair* m : order) {
      const std::uint32_t a = sets.Find(m->first), b = sets.Find(m->second);
      if (a == b) continue;
      const auto sa = synced.find(a), sb = synced.find(b);
      if (sa != synced.end() && sb != synced.end()) {
        const bool conflict = std::any_of(sa->second.begin(), sa->second.end(), [&](auto x) {
          return std::any_of(sb->second.begin(), sb->second.end(), [&](auto y) {
            return DistinctCrmRecords(result.keys[x], result.keys[y]);
          });
        });
        if (conflict) {
          ++result.crm_conflicts;
          continue;
        }
      }
      sets.Union(a, b);
      const std::uint32_t root = sets.Find(a);
      const std::uint32_t other = root == a ? b : a;
      if (const auto so = synced.find(other); so != synced.end()) {
        std::vector<std::uint32_t> moved = std::move(so->second);
        synced.erase(so);
        auto& into = synced[root];
        into.insert(into.end(), moved.begin(), moved.end());
      }
    }
  }
  auto clustering = BuildClusters(sets, members, cluster_options);
  if (!clustering.ok()) return clustering.status();
  result.clustering = std::move(*clustering);
  return result;
}

}  // namespace pdc::dedupe
