// The emulator's state: business units and their prospects, custom fields, users and counters.
// Every BusinessUnit has its own mutex; handlers run with it held (they are short), so a unit's
// data is consistent per request. Counters that the server reads outside a request are atomic.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pdc::emulator {

struct CustomField {
  std::string field_id;  // the API name: "Hobby" in v3/v4, "Hobby__c" in v5
  std::string name;      // label
  std::string type;      // text, number, radio button, multi-select, checkbox
  bool multi() const { return type == "multi-select" || type == "checkbox"; }
};

struct User {
  long long id;
  std::string email, first_name, last_name;
};

// A prospect's membership of a list, written through v3/v4 `list_<id>=1` (pardot-api.md §5.1) or
// the v5 list-membership object, shown as <list_subscription> in a full v3/v4 read.
struct ListMembership {
  long long id = 0;  // the membership's own id
  bool did_opt_in = false;
  bool did_opt_out = false;
  long long created_at = 0;  // epoch seconds
  long long updated_at = 0;
};

struct Prospect {
  long long id = 0;
  // Scalar values by v3/v4 field name (standard) or custom field id; a missing key or "" is
  // empty. Booleans are "true"/"false"; timestamps are epoch seconds (UTC) as text.
  std::map<std::string, std::string> values;
  std::map<std::string, std::vector<std::string>> multi;  // multi-value custom fields
  std::optional<long long> assigned_user;
  bool deleted = false;
  std::map<long long, ListMembership> lists;  // by list id

  std::string Get(const std::string& field) const;
  long long Epoch(const std::string& field) const;  // a timestamp field, 0 when empty
};

// A visitor activity (pardot-api.md §4.4): something a prospect did or was sent. Related asset
// ids (activities.h ActivityAssets) are 0 when the activity has none; visitor_id is 0 for email
// activities, which no web visitor performs. Timestamps are epoch seconds.
struct VisitorActivity {
  long long id = 0;
  long long prospect_id = 0;
  long long visitor_id = 0;
  int type = 0;
  std::string type_name;
  std::string details;
  long long email_id = 0;
  long long email_template_id = 0;
  long long list_email_id = 0;
  long long form_id = 0;
  long long landing_page_id = 0;
  long long file_id = 0;
  long long site_search_query_id = 0;
  long long campaign_id = 0;
  long long created_at = 0;
  long long updated_at = 0;
};

// What was written to each prospect, so that a client's tests can prove from the emulator alone
// that only changed fields were sent and that no prospect was written twice. One entry per
// successful write to a prospect: a v3/v4 create, update, upsert, batch row, assign or
// unassign, a v5 create, PATCH or upsertLatestByEmail (an undelete through upsert included), or
// a v5 list-membership create or delete.
// An entry is the sorted names of the fields that the write supplied for the prospect, whether
// or not a value changed (a client resending unchanged values must show), in one vocabulary for
// every API version: standard fields by their v3/v4 name (v5 camelCase mapped, the assignment
// as "user_id"), custom fields by their id without "__c", list memberships as "list_<id>". A
// write supplying no field is still an entry (an empty list). Failed writes, reads, prospect
// deletes and v5 do/undelete (which supply no field) are not entries.
struct WriteLog {
  std::map<long long, std::vector<std::vector<std::string>>> writes;  // by prospect id

  long long TotalWrites() const;
  long long TotalFields() const;  // field names summed over all entries
};

class BusinessUnit {
 public:
  BusinessUnit(std::string id, std::string environment, bool ampsea, std::string edition,
               std::string timezone);
  ~BusinessUnit();

  // Configuration (fixed after start-up).
  const std::string id;
  const std::string environment;  // "production" (pi.pardot.com) or "demo" (pi.demo.pardot.com)
  const bool ampsea;
  const std::string edition;
  long long daily_limit;  // requests per day; from the edition unless configured
  const std::string timezone;

  // Guards everything below but the atomics.
  std::mutex mutex;
  std::map<long long, Prospect> prospects;
  long long next_id = 1000001;
  std::vector<CustomField> custom_fields;
  std::vector<User> users;
  long long default_campaign_id = 1;
  long long next_list_membership_id = 5000001;
  WriteLog write_log;                               // cleared by POST /_emulator/stats/reset
  std::map<long long, VisitorActivity> activities;  // by id; ids grow in creation order
  // Activity ids of each prospect, ascending; kept with `activities` by activities.cpp.
  std::map<long long, std::vector<long long>> activity_ids_by_prospect;
  long long next_activity_id = 700000001;

  std::atomic<long long> requests_today{0};
  std::atomic<int> in_flight{0};
  std::atomic<int> max_in_flight{0};
  // Time requests held a slot, summed over requests: busy / (5 x wall) is the slots' use.
  std::atomic<long long> slot_busy_us{0};

  // Time in this unit's zone: "YYYY-MM-DD HH:MM:SS" (v3/v4) and ISO 8601 with offset (v5).
  std::string LocalTime(long long epoch) const;
  std::string IsoTime(long long epoch) const;
  // Accepts "YYYY-MM-DD", "YYYY-MM-DD HH:MM:SS" (local to this unit) and ISO 8601 with an
  // offset or Z.
  std::optional<long long> ParseTime(std::string_view text) const;

  // Lookups; deleted (recycle-bin) prospects only when asked.
  Prospect* Find(long long id, bool include_deleted = false);
  std::vector<Prospect*> FindByEmail(std::string_view email, bool case_sensitive,
                                     bool include_deleted = false);
  Prospect* FindByFid(std::string_view fid, bool include_deleted = false);
  const CustomField* FindCustom(std::string_view field_id) const;

  // A new prospect with the next id, stamped created/updated at `now`.
  Prospect& Create(long long now);
  void Touch(Prospect& prospect, long long now) const;
  // Adds one entry to write_log: `fields` sorted, a name given twice kept once.
  void RecordWrite(long long prospect_id, std::vector<std::string> fields);

 private:
  struct Zone;  // ICU, kept out of this header
  std::unique_ptr<Zone> zone_;
};

// The daily request budget of a Pardot edition.
long long DailyLimitOf(std::string_view edition);
// Seconds since the epoch, now.
long long NowEpoch();

class Store {
 public:
  BusinessUnit& Add(std::unique_ptr<BusinessUnit> unit);
  BusinessUnit* Find(std::string_view id);
  const std::vector<std::unique_ptr<BusinessUnit>>& units() const { return units_; }

 private:
  std::vector<std::unique_ptr<BusinessUnit>> units_;
};

}  // namespace pdc::emulator
