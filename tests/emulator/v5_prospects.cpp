// v5 prospect endpoints (pardot-api.md §1.5, §6.2, §7).
#include "tests/emulator/errors.h"
#include "tests/emulator/handlers.h"

namespace pdc::emulator {

HttpResponse HandleV5Prospects(const HttpRequest&, BusinessUnit&, const std::vector<std::string>&,
                               long long, const HandlerOptions&) {
  return V5Error(2, 400);
}

}  // namespace pdc::emulator
