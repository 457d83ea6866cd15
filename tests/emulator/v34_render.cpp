#include "tests/emulator/v34_render.h"

#include <algorithm>

#include "tests/emulator/activities.h"
#include "tests/emulator/fields.h"

namespace pdc::emulator {
namespace {

bool IsNumberField(std::string_view field) {
  return field == "id" || field == "campaign_id" || field == "score" ||
         field == "prospect_account_id";
}

bool IsMobileField(std::string_view field) {
  return field == "id" || field == "first_name" || field == "last_name" || field == "email" ||
         field == "company";
}

bool Selected(const ProspectView& view, std::string_view field) {
  if (view.output == V34Output::kMobile && !IsMobileField(field)) return false;
  if (view.fields == nullptr || field == "id") return true;
  return std::find(view.fields->begin(), view.fields->end(), field) != view.fields->end();
}

std::string Time(const BusinessUnit& unit, long long epoch) {
  return epoch == 0 ? std::string() : unit.LocalTime(epoch);
}

std::optional<TreeNode> AssignedTo(const BusinessUnit& unit, long long user_id) {
  for (const auto& user : unit.users) {
    if (user.id != user_id) continue;
    TreeNode node = TreeNode::Parent("user");
    node.Add(TreeNode::Number("id", std::to_string(user.id)));
    node.Add(TreeNode::Leaf("email", user.email));
    node.Add(TreeNode::Leaf("first_name", user.first_name));
    node.Add(TreeNode::Leaf("last_name", user.last_name));
    for (const char* unknown : {"job_title", "role", "account", "created_at", "updated_at"}) {
      node.Add(TreeNode::Leaf(unknown, ""));
    }
    return TreeNode::Parent("assigned_to", {std::move(node)});
  }
  return std::nullopt;
}

TreeNode Lists(const BusinessUnit& unit, const Prospect& prospect) {
  TreeNode lists = TreeNode::Parent("lists");
  for (const auto& [list_id, membership] : prospect.lists) {
    const std::string id = std::to_string(list_id);
    TreeNode list = TreeNode::Parent("list");
    list.Add(TreeNode::Number("id", id));
    list.Add(TreeNode::Leaf("name", "List " + id));
    list.Add(TreeNode::Leaf("is_public", "false"));
    list.Add(TreeNode::Leaf("is_dynamic", "false"));
    list.Add(TreeNode::Leaf("title", ""));
    list.Add(TreeNode::Leaf("description", ""));
    list.Add(TreeNode::Leaf("is_crm_visible", "false"));
    list.Add(TreeNode::Leaf("created_at", ""));
    list.Add(TreeNode::Leaf("updated_at", ""));
    TreeNode subscription = TreeNode::Parent("list_subscription");
    subscription.Add(TreeNode::Number("id", std::to_string(membership.id)));
    subscription.Add(TreeNode::Leaf("did_opt_in", membership.did_opt_in ? "true" : "false"));
    subscription.Add(TreeNode::Leaf("did_opt_out", membership.did_opt_out ? "true" : "false"));
    subscription.Add(TreeNode::Leaf("created_at", Time(unit, membership.created_at)));
    subscription.Add(TreeNode::Leaf("updated_at", Time(unit, membership.updated_at)));
    subscription.Add(std::move(list));
    lists.Add(std::move(subscription));
  }
  return lists;
}

constexpr std::string_view kActivityElements[] = {
    "id", "prospect_id", "visitor_id", "type", "type_name", "details", "campaign", "created_at"};

// The prospect's activities in id order.
TreeNode Activities(const BusinessUnit& unit, const Prospect& prospect) {
  TreeNode activities = TreeNode::Parent("visitor_activities");
  for (const long long id : ActivityIdsOf(unit, prospect.id)) {
    activities.Add(RenderActivity(unit, unit.activities.at(id), nullptr, /*nested=*/true));
  }
  return activities;
}

}  // namespace

bool IsActivityElement(std::string_view name) {
  const auto assets = ActivityAssets();
  return std::find(std::begin(kActivityElements), std::end(kActivityElements), name) !=
             std::end(kActivityElements) ||
         std::any_of(assets.begin(), assets.end(), [&](const auto& a) { return a.snake == name; });
}

TreeNode RenderActivity(const BusinessUnit& unit, const VisitorActivity& a,
                        const std::vector<std::string>* fields, bool nested) {
  const auto shown = [&](std::string_view name) {
    return fields == nullptr || name == "id" ||
           std::find(fields->begin(), fields->end(), name) != fields->end();
  };
  const auto number = [](std::string_view name, long long value) {
    return TreeNode::Number(std::string(name), std::to_string(value));
  };
  TreeNode node = TreeNode::Parent("visitor_activity");
  node.Add(number("id", a.id));
  if (!nested && shown("prospect_id") && a.prospect_id != 0) {
    node.Add(number("prospect_id", a.prospect_id));
  }
  if (shown("visitor_id") && a.visitor_id != 0) node.Add(number("visitor_id", a.visitor_id));
  if (shown("type")) node.Add(number("type", a.type));
  if (shown("type_name")) node.Add(TreeNode::Leaf("type_name", a.type_name));
  if (shown("details")) node.Add(TreeNode::Leaf("details", a.details));
  for (const auto& asset : ActivityAssets()) {
    if (shown(asset.snake) && a.*asset.member != 0) node.Add(number(asset.snake, a.*asset.member));
  }
  if (shown("campaign") && a.campaign_id != 0) {
    node.Add(CampaignNode(std::to_string(a.campaign_id)));
  }
  if (shown("created_at")) node.Add(TreeNode::Leaf("created_at", unit.LocalTime(a.created_at)));
  return node;
}

TreeNode CampaignNode(const std::string& id) {
  return TreeNode::Parent("campaign",
                          {TreeNode::Number("id", id), TreeNode::Leaf("name", "Campaign " + id)});
}

std::optional<V34Output> ParseV34Output(std::string_view text) {
  if (text == "full") return V34Output::kFull;
  if (text == "simple") return V34Output::kSimple;
  if (text == "mobile") return V34Output::kMobile;
  if (text == "bulk") return V34Output::kBulk;
  return std::nullopt;
}

std::string V34FieldText(const BusinessUnit& unit, const Prospect& prospect,
                         std::string_view field) {
  if (field == "id") return std::to_string(prospect.id);
  const FieldDef* def = FindSnake(field);
  const std::string value = prospect.Get(std::string(field));
  if (def == nullptr || value.empty()) return value;
  switch (def->type) {
    case FieldType::kTimestamp:
      return Time(unit, prospect.Epoch(std::string(field)));
    case FieldType::kFlag:
      return value == "true" || value == "1" ? "1" : "";
    default:
      return value;
  }
}

TreeNode RenderProspect(const BusinessUnit& unit, const Prospect& prospect,
                        const ProspectView& view) {
  const bool nested = view.output == V34Output::kFull || view.output == V34Output::kSimple;
  TreeNode node = TreeNode::Parent("prospect");
  for (const FieldDef& def : StandardFields()) {
    if (def.snake.empty() || !Selected(view, def.snake)) continue;
    std::string text = V34FieldText(unit, prospect, def.snake);
    if (def.snake == "prospect_account_id" && text.empty() && view.output != V34Output::kBulk) {
      continue;
    }
    node.Add(IsNumberField(def.snake) ? TreeNode::Number(std::string(def.snake), std::move(text))
                                      : TreeNode::Leaf(std::string(def.snake), std::move(text)));
  }
  if (view.output != V34Output::kMobile) {
    for (const auto& custom : unit.custom_fields) {
      if (!custom.multi() || !Selected(view, custom.field_id)) continue;
      const auto it = prospect.multi.find(custom.field_id);
      if (it == prospect.multi.end() || it->second.empty()) continue;
      TreeNode field = TreeNode::Parent(custom.field_id);
      for (const auto& value : it->second) field.Add(TreeNode::Leaf("value", value));
      node.Add(std::move(field));
    }
  }
  if (nested) {
    const std::string campaign = prospect.Get("campaign_id");
    if (!campaign.empty()) node.Add(CampaignNode(campaign));
    if (prospect.assigned_user) {
      if (auto assigned = AssignedTo(unit, *prospect.assigned_user)) {
        node.Add(std::move(*assigned));
      }
    }
  }
  if (view.output != V34Output::kMobile) {
    for (const auto& custom : unit.custom_fields) {
      if (custom.multi() || !Selected(view, custom.field_id)) continue;
      const std::string value = prospect.Get(custom.field_id);
      if (!value.empty()) node.Add(TreeNode::Leaf(custom.field_id, value));
    }
  }
  if (view.collections && view.output == V34Output::kFull) {
    node.Add(TreeNode::Parent("visitors"));
    node.Add(Activities(unit, prospect));
    node.Add(Lists(unit, prospect));
  }
  return node;
}

}  // namespace pdc::emulator
