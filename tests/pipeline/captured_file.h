// A temporary file that progress lines are drawn to in tests, and what was written to it.
#pragma once

#include <cstdio>
#include <string>

namespace pdc {

class CapturedFile {
 public:
  CapturedFile() : file_(std::tmpfile()) {}
  ~CapturedFile() { std::fclose(file_); }
  CapturedFile(const CapturedFile&) = delete;
  CapturedFile& operator=(const CapturedFile&) = delete;

  std::FILE* get() const { return file_; }
  // Everything written so far.
  std::string Written() const {
    std::fflush(file_);
    std::rewind(file_);
    std::string text;
    char buffer[256];
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, file_)) text.append(buffer, n);
    return text;
  }

 private:
  std::FILE* file_;
};

}  // namespace pdc
