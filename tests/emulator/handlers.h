// The API handlers. The router (router.h) has already checked authentication, the business
// unit, the version rules for the unit and the limits; it holds `unit.mutex` during the call.
#pragma once

#include <string>
#include <vector>

#include "tests/emulator/http.h"
#include "tests/emulator/store.h"

namespace pdc::emulator {

// Settings of the handlers that a test may change at run time.
struct HandlerOptions {
  int v5_token_hours = 4;              // nextPageToken lifetime (error 210 after)
  long long v5_sequence_cap = 100000;  // records per token sequence (Pardot-Warning 203 after)
};

// /api/prospect/version/{3,4}/do/<op>[/<id_field>/<id_value>]: `segments` are the decoded path
// segments after "do" (the operation first). `version` is 3 or 4 and matches the unit's mode.
HttpResponse HandleV34Prospect(const HttpRequest& request, BusinessUnit& unit, int version,
                               const std::vector<std::string>& segments, long long now);

// /api/visitorActivity/version/{3,4}/do/<op>[/id/<id>] (v34_activity.cpp), segments as above.
HttpResponse HandleV34VisitorActivity(const HttpRequest& request, BusinessUnit& unit, int version,
                                      const std::vector<std::string>& segments, long long now);

// /api/v5/objects/prospects[/<id>][/do/<action>]: `segments` are the decoded path segments
// after "prospects".
HttpResponse HandleV5Prospects(const HttpRequest& request, BusinessUnit& unit,
                               const std::vector<std::string>& segments, long long now,
                               const HandlerOptions& options);

// /api/v5/objects/visitor-activities[/<id>] (v5_activities.cpp): `segments` are the decoded path
// segments after "visitor-activities".
HttpResponse HandleV5VisitorActivities(const HttpRequest& request, BusinessUnit& unit,
                                       const std::vector<std::string>& segments, long long now,
                                       const HandlerOptions& options);

// /api/v5/objects/list-memberships[/<id>]: `segments` are the decoded path segments after
// "list-memberships".
HttpResponse HandleV5ListMemberships(const HttpRequest& request, BusinessUnit& unit,
                                     const std::vector<std::string>& segments, long long now,
                                     const HandlerOptions& options);

}  // namespace pdc::emulator
