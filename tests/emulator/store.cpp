#include "tests/emulator/store.h"

#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <stdexcept>

namespace pdc::emulator {

struct BusinessUnit::Zone {
  std::unique_ptr<icu::TimeZone> tz;
  // Offset from UTC in seconds at `epoch` (UTC) or, with `local`, at that local wall time.
  long long Offset(long long epoch, bool local) const {
    UErrorCode status = U_ZERO_ERROR;
    int32_t raw = 0, dst = 0;
    tz->getOffset(static_cast<UDate>(epoch) * 1000.0, local, raw, dst, status);
    return U_SUCCESS(status) ? (raw + dst) / 1000 : 0;
  }
};

namespace {

bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
long long DaysFromCivil(long long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

std::string Civil(long long local_epoch) {
  const auto days = std::chrono::floor<std::chrono::days>(
      std::chrono::sys_seconds{std::chrono::seconds{local_epoch}});
  const std::chrono::year_month_day ymd{days};
  const long long secs = local_epoch - days.time_since_epoch().count() * 86400LL;
  char out[64];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u %02lld:%02lld:%02lld",
                static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()), secs / 3600, secs / 60 % 60, secs % 60);
  return out;
}

}  // namespace

std::string Prospect::Get(const std::string& field) const {
  auto it = values.find(field);
  return it == values.end() ? std::string() : it->second;
}

long long Prospect::Epoch(const std::string& field) const {
  const std::string v = Get(field);
  return v.empty() ? 0 : std::stoll(v);
}

BusinessUnit::BusinessUnit(std::string unit_id, std::string env, bool is_ampsea,
                           std::string unit_edition, std::string zone)
    : id(std::move(unit_id)),
      environment(std::move(env)),
      ampsea(is_ampsea),
      edition(std::move(unit_edition)),
      daily_limit(DailyLimitOf(edition)),
      timezone(std::move(zone)),
      zone_(std::make_unique<Zone>()) {
  zone_->tz.reset(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(timezone)));
  icu::UnicodeString canonical;
  if (zone_->tz->getID(canonical) == UNICODE_STRING_SIMPLE("Etc/Unknown")) {
    throw std::invalid_argument("unknown time zone " + timezone);
  }
  users.push_back({1, "api.user@example.com", "Api", "User"});
}

BusinessUnit::~BusinessUnit() = default;

std::string BusinessUnit::LocalTime(long long epoch) const {
  return Civil(epoch + zone_->Offset(epoch, false));
}

std::string BusinessUnit::IsoTime(long long epoch) const {
  const long long offset = zone_->Offset(epoch, false);
  std::string text = Civil(epoch + offset);
  text[10] = 'T';
  char zone[24];  // room for any long long: the compiler cannot bound the hours
  const long long magnitude = offset < 0 ? -offset : offset;
  std::snprintf(zone, sizeof zone, "%c%02lld:%02lld", offset < 0 ? '-' : '+', magnitude / 3600,
                magnitude / 60 % 60);
  text.append(zone);
  return text;
}

std::optional<long long> BusinessUnit::ParseTime(std::string_view text) const {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, consumed = 0;
  const std::string t(text);
  if (std::sscanf(t.c_str(), "%4d-%2d-%2d%n", &y, &mo, &d, &consumed) != 3 || consumed != 10) {
    return std::nullopt;
  }
  std::size_t pos = 10;
  if (pos < t.size() && (t[pos] == ' ' || t[pos] == 'T')) {
    int n = 0;
    if (std::sscanf(t.c_str() + pos + 1, "%2d:%2d:%2d%n", &h, &mi, &s, &n) != 3 || n != 8) {
      return std::nullopt;
    }
    pos += 9;
    if (pos < t.size() && t[pos] == '.') {  // fractional seconds are ignored
      ++pos;
      while (pos < t.size() && std::isdigit(static_cast<unsigned char>(t[pos]))) ++pos;
    }
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return std::nullopt;
  const long long wall =
      DaysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 + h * 3600 +
      mi * 60 + s;
  if (pos == t.size()) return wall - zone_->Offset(wall, true);  // local wall time
  if (t[pos] == 'Z' && pos + 1 == t.size()) return wall;
  int oh = 0, om = 0, n = 0;
  if ((t[pos] == '+' || t[pos] == '-') &&
      std::sscanf(t.c_str() + pos + 1, "%2d:%2d%n", &oh, &om, &n) == 2 && pos + 1 + n == t.size()) {
    const long long offset = (oh * 3600LL + om * 60) * (t[pos] == '-' ? -1 : 1);
    return wall - offset;
  }
  return std::nullopt;
}

Prospect* BusinessUnit::Find(long long prospect_id, bool include_deleted) {
  auto it = prospects.find(prospect_id);
  if (it == prospects.end() || (it->second.deleted && !include_deleted)) return nullptr;
  return &it->second;
}

std::vector<Prospect*> BusinessUnit::FindByEmail(std::string_view email, bool case_sensitive,
                                                 bool include_deleted) {
  std::vector<Prospect*> found;
  for (auto& [pid, p] : prospects) {
    if (p.deleted && !include_deleted) continue;
    const std::string value = p.Get("email");
    if (case_sensitive ? value == email : EqualsIgnoringAsciiCase(value, email)) {
      found.push_back(&p);
    }
  }
  return found;
}

Prospect* BusinessUnit::FindByFid(std::string_view fid, bool include_deleted) {
  if (fid.empty()) return nullptr;
  for (auto& [pid, p] : prospects) {
    if (p.deleted && !include_deleted) continue;
    if (p.Get("crm_lead_fid") == fid || p.Get("crm_contact_fid") == fid) return &p;
  }
  return nullptr;
}

const CustomField* BusinessUnit::FindCustom(std::string_view field_id) const {
  for (const auto& f : custom_fields) {
    if (f.field_id == field_id) return &f;
  }
  return nullptr;
}

Prospect& BusinessUnit::Create(long long now) {
  const long long new_id = next_id++;
  Prospect& p = prospects[new_id];
  p.id = new_id;
  p.values["campaign_id"] = std::to_string(default_campaign_id);
  p.values["score"] = "0";
  p.values["created_at"] = std::to_string(now);
  p.values["updated_at"] = std::to_string(now);
  return p;
}

void BusinessUnit::Touch(Prospect& prospect, long long now) const {
  prospect.values["updated_at"] = std::to_string(now);
}

void BusinessUnit::RecordWrite(long long prospect_id, std::vector<std::string> fields) {
  std::sort(fields.begin(), fields.end());
  fields.erase(std::unique(fields.begin(), fields.end()), fields.end());
  write_log.writes[prospect_id].push_back(std::move(fields));
}

long long WriteLog::TotalWrites() const {
  long long total = 0;
  for (const auto& [id, entries] : writes) total += static_cast<long long>(entries.size());
  return total;
}

long long WriteLog::TotalFields() const {
  long long total = 0;
  for (const auto& [id, entries] : writes) {
    for (const auto& fields : entries) total += static_cast<long long>(fields.size());
  }
  return total;
}

long long DailyLimitOf(std::string_view edition) {
  if (edition == "growth") return 25000;
  if (edition == "plus") return 50000;
  return 100000;  // advanced, premium
}

long long NowEpoch() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

BusinessUnit& Store::Add(std::unique_ptr<BusinessUnit> unit) {
  units_.push_back(std::move(unit));
  return *units_.back();
}

BusinessUnit* Store::Find(std::string_view unit_id) {
  for (auto& u : units_) {
    if (u->id == unit_id) return u.get();
  }
  return nullptr;
}

}  // namespace pdc::emulator
