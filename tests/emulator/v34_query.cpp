// do/query (pardot-api.md §3): filter, sort, page and render the unit's prospects.
#include <algorithm>

#include "tests/emulator/v34_call.h"
#include "tests/emulator/v34_query_spec.h"

namespace pdc::emulator {
namespace {

bool Within(const NumberBounds& bounds, std::optional<long long> value) {
  if (!bounds.equal && !bounds.greater && !bounds.less) return true;
  if (!value) return false;
  if (bounds.equal && *value != *bounds.equal) return false;
  if (bounds.greater && !(*value > *bounds.greater)) return false;
  if (bounds.less && !(*value < *bounds.less)) return false;
  return true;
}

bool IsTrue(const Prospect& prospect, const std::string& flag) {
  const std::string value = prospect.Get(flag);
  return value == "true" || value == "1";
}

// `new`: unassigned, not reviewed, with activity (§3.1).
bool IsNew(const Prospect& prospect) {
  return !prospect.assigned_user && !IsTrue(prospect, "is_reviewed") &&
         prospect.Epoch("last_activity_at") != 0;
}

bool Matches(const QuerySpec& spec, const Prospect& prospect) {
  if (prospect.deleted != spec.deleted) return false;
  if (spec.id_greater && !(prospect.id > *spec.id_greater)) return false;
  if (spec.id_less && !(prospect.id < *spec.id_less)) return false;
  if (!WithinTimes(spec.created, prospect.Epoch("created_at"))) return false;
  if (!WithinTimes(spec.updated, prospect.Epoch("updated_at"))) return false;
  if (spec.is_new) {  // overrides assigned, assigned_to_user and last_activity_*
    if (IsNew(prospect) != *spec.is_new) return false;
  } else {
    const long long activity = prospect.Epoch("last_activity_at");
    if ((spec.last_activity.after || spec.last_activity.before) &&
        (activity == 0 || !WithinTimes(spec.last_activity, activity))) {
      return false;
    }
    if (spec.last_activity_never && activity != 0) return false;
    if (spec.assigned_to_user) {  // overrides assigned
      if (prospect.assigned_user != spec.assigned_to_user) return false;
    } else if (spec.assigned && prospect.assigned_user.has_value() != *spec.assigned) {
      return false;
    }
  }
  if (spec.starred && IsTrue(prospect, "is_starred") != *spec.starred) return false;
  if (spec.list_id && !prospect.lists.contains(*spec.list_id)) return false;
  if (!Within(spec.score, ParseInteger(prospect.Get("score")))) return false;
  if (!Within(spec.grade, GradeRank(prospect.Get("grade")))) return false;
  return true;
}

long long SortValue(SortKey key, const Prospect& prospect) {
  switch (key) {
    case SortKey::kId:
      return prospect.id;
    case SortKey::kLastActivityAt:
      return prospect.Epoch("last_activity_at");
    case SortKey::kUpdatedAt:
      return prospect.Epoch("updated_at");
    default:
      return prospect.Epoch("created_at");
  }
}

}  // namespace

// The result: <result> with <total_results> (all matches, before offset and limit) and one
// <prospect> per row of the page. Bulk output leaves total_results out (§3.3), so an empty
// bulk page is an empty <result/>, which is `"result": null` in JSON (UNCONFIRMED, §3.3). The
// query never shows the related collections.
HttpResponse V34Query(V34Call& call) {
  QuerySpec spec;
  if (auto failure = ParseQuerySpec(call, spec)) return V34Fail(call, failure);
  std::vector<const Prospect*> rows;
  for (const auto& [id, prospect] : call.unit.prospects) {
    if (Matches(spec, prospect)) rows.push_back(&prospect);
  }
  SortV34Rows(rows, spec.ascending, [&](const Prospect& p) { return SortValue(spec.sort, p); });
  const auto total = static_cast<long long>(rows.size());
  const long long first = std::min(spec.offset, total);
  const long long last = std::min(total, first + spec.limit);

  ProspectView view;
  view.output = spec.output;
  if (spec.fields) view.fields = &*spec.fields;
  std::vector<TreeNode> page;
  for (long long i = first; i < last; ++i) {
    page.push_back(RenderProspect(call.unit, *rows[static_cast<std::size_t>(i)], view));
  }
  const bool bulk = spec.output == V34Output::kBulk;
  return RenderV34Ok(call.json,
                     {V34ResultNode(bulk ? std::nullopt : std::optional(total), std::move(page))});
}

}  // namespace pdc::emulator
