// A prospect as the v3/v4 API shows it (pardot-api.md §3.3, §4.4, §5.1).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tests/emulator/store.h"
#include "tests/emulator/v34_tree.h"

namespace pdc::emulator {

// The `output` modes of §3.3.
enum class V34Output { kFull, kSimple, kMobile, kBulk };

std::optional<V34Output> ParseV34Output(std::string_view text);

struct ProspectView {
  V34Output output = V34Output::kFull;
  // The related collections that only a full read shows: <visitors> (always empty: visitors are
  // not modelled), <visitor_activities> and <lists> (a query never shows them, §3.3).
  bool collections = false;
  // The query's `fields`: when set, only these fields (and `id`, always) are shown.
  const std::vector<std::string>* fields = nullptr;
};

// The <prospect> element. Element order follows the recorded fixtures:
//   standard fields in table order (fields.cpp), then multi-value custom fields, <campaign>,
//   <assigned_to>, single-value custom fields, then the collections.
// (v3v4_prospect_read_full_multivalue_lists.xml shows a multi-select field right after
// updated_at but the single-value custom fields after <assigned_to>.) Custom fields without a
// value are omitted. `prospect_account_id`, absent from every recorded full/simple prospect, is
// shown there only when set; bulk output always carries it (§3.3).
//
// Values: timestamps in the unit's zone, flags "1" or empty, ids and score as JSON numbers.
// The store knows no campaign or list names and no user roles or dates: campaigns and lists
// are named "Campaign <id>" and "List <id>", a user's job_title, role, account, created_at and
// updated_at are empty.
TreeNode RenderProspect(const BusinessUnit& unit, const Prospect& prospect,
                        const ProspectView& view);

// <campaign> with <id> and <name>, as prospects and visitor activities show their campaign.
TreeNode CampaignNode(const std::string& id);

// <visitor_activity>, elements in the recorded order: id, prospect_id, visitor_id (web activities
// only), type, type_name, details, the asset ids that are set (activities.h), <campaign>,
// created_at. `nested` (inside a prospect's <visitor_activities>) leaves prospect_id out, as
// fixture v3v4_prospect_read_full_multivalue_lists.xml does. With `fields`, only those elements
// (and id). updated_at is not shown: neither the recordings nor the object field reference have
// it in v3/v4 (v5 has updatedAt).
TreeNode RenderActivity(const BusinessUnit& unit, const VisitorActivity& activity,
                        const std::vector<std::string>* fields, bool nested);
// Whether `name` is an element RenderActivity can show.
bool IsActivityElement(std::string_view name);

// The text a standard field shows in v3/v4 (`field` by its snake_case name).
std::string V34FieldText(const BusinessUnit& unit, const Prospect& prospect,
                         std::string_view field);

}  // namespace pdc::emulator
