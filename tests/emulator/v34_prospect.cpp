// v3/v4 prospect operations (pardot-api.md §1.4, §3, §4, §6.1).
#include "tests/emulator/errors.h"
#include "tests/emulator/handlers.h"

namespace pdc::emulator {

HttpResponse HandleV34Prospect(const HttpRequest& request, BusinessUnit&, int,
                               const std::vector<std::string>&, long long) {
  return V34Error(request, 2);
}

}  // namespace pdc::emulator
