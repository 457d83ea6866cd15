#include "pipeline/clean.h"

#include <exception>
#include <string>

namespace pdc {

void CleanStage::Process(Batch& batch) const {
  for (Record& record : batch.records) {
    try {
      chain_.Apply(record);
    } catch (const std::exception& e) {
      record.Revert();
      record.Fail(std::string("rule failed: ") + e.what());
    } catch (...) {
      record.Revert();
      record.Fail("rule failed with an unknown error");
    }
  }
}

}  // namespace pdc
