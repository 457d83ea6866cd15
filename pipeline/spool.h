// Spool: an append-only scratch file for one section of a report, so that a run with millions
// of changes does not hold them in memory. Anonymous (std::tmpfile): nothing is left behind.
#pragma once

#include <cstdio>
#include <memory>
#include <string>

#include "rules/status.h"

namespace pdc {

class Spool {
 public:
  Spool();
  ~Spool();
  Spool(const Spool&) = delete;
  Spool& operator=(const Spool&) = delete;

  // The buffer to append to; flushed to the file as it grows.
  std::string& buffer() { return buffer_; }
  void MaybeFlush() {
    if (buffer_.size() >= kFlushBytes) Flush();
  }
  bool empty() const { return bytes_ == 0 && buffer_.empty(); }
  // Copies everything appended so far to `out`.
  Status CopyTo(std::FILE* out);

 private:
  static constexpr std::size_t kFlushBytes = 1 << 20;
  void Flush();
  std::FILE* file_ = nullptr;
  std::string buffer_;
  std::size_t bytes_ = 0;
  bool failed_ = false;
};

// Writes a file atomically: to PATH.tmp, renamed over PATH by Commit.
class AtomicFile {
 public:
  static Result<std::unique_ptr<AtomicFile>> Create(const std::string& path);
  ~AtomicFile();
  std::FILE* get() { return file_; }
  Status Commit();

 private:
  AtomicFile(std::string path, std::FILE* file) : path_(std::move(path)), file_(file) {}
  std::string path_;
  std::FILE* file_;
};

}  // namespace pdc
