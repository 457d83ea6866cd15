// The recorded Pardot responses the tests compare against (tests/emulator/fixtures, with their
// provenance in its README).
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace pdc::pardot {

inline std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(PDC_SOURCE_DIR) + "/tests/emulator/fixtures/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace pdc::pardot
