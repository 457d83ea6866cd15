// v3/v4 prospect operations (pardot-api.md §1.3, §1.4): checks the operation, the path shape
// and the verb, then hands over to the operation (v34_query.cpp, v34_ops.cpp, v34_batch.cpp).
#include <string_view>

#include "tests/emulator/errors.h"
#include "tests/emulator/v34_call.h"

namespace pdc::emulator {
namespace {

enum class Shape { kBare, kIdentified };

struct Operation {
  std::string_view name;
  Shape shape;
  HttpResponse (*handle)(V34Call&, const std::vector<std::string>&);
};

HttpResponse Query(V34Call& call, const std::vector<std::string>&) { return V34Query(call); }
HttpResponse Batch(V34Call& call, const std::vector<std::string>& segments) {
  return V34Batch(call, segments[0]);
}

constexpr Operation kOperations[] = {
    {"query", Shape::kBare, Query},
    {"read", Shape::kIdentified, V34Read},
    {"create", Shape::kIdentified, V34Write},
    {"update", Shape::kIdentified, V34Write},
    {"upsert", Shape::kIdentified, V34Write},
    {"delete", Shape::kIdentified, V34Delete},
    {"assign", Shape::kIdentified, V34Assign},
    {"unassign", Shape::kIdentified, V34Assign},
    {"batchCreate", Shape::kBare, Batch},
    {"batchUpdate", Shape::kBare, Batch},
    {"batchUpsert", Shape::kBare, Batch},
};

}  // namespace

// Unknown operation, or extra path segments → 2. An identified operation without
// `<id_field>/<id_value>` → 13 (UNCONFIRMED: the docs name no code). Verbs: GET and POST for
// everything but delete (§1.4: the service accepts POST reads); delete takes POST or DELETE,
// and GET (or any other verb) → 60.
HttpResponse HandleV34Prospect(const HttpRequest& request, BusinessUnit& unit, int version,
                               const std::vector<std::string>& segments, long long now) {
  V34Call call{request, unit, version, now, request.FormParams(), WantsJson(request)};
  if (segments.empty()) return V34Fail(call, 2);
  const Operation* operation = nullptr;
  for (const auto& candidate : kOperations) {
    if (candidate.name == segments[0]) operation = &candidate;
  }
  if (operation == nullptr) return V34Fail(call, 2);
  const bool is_delete = operation->name == "delete";
  const bool verb_ok = request.method == "POST" ||
                       (is_delete ? request.method == "DELETE" : request.method == "GET");
  if (!verb_ok) return V34Fail(call, 60);
  if (operation->shape == Shape::kBare && segments.size() != 1) return V34Fail(call, 2);
  if (operation->shape == Shape::kIdentified) {
    if (segments.size() > 3) return V34Fail(call, 2);
    if (segments.size() < 3) return V34Fail(call, 13);
  }
  return operation->handle(call, segments);
}

}  // namespace pdc::emulator
