// OutputFile: a file written through one large in-memory buffer, flushed with fwrite when it
// fills, so that writers append bytes to a std::string and never pay a call per cell.
// The first write error is kept and reported by every later Flush and by Close; a file is complete
// only once Close returned ok. Not thread-safe.
#pragma once

#include <cstdio>
#include <memory>
#include <string>

#include "rules/status.h"

namespace pdc {

class OutputFile {
 public:
  // Creates or truncates `path`.
  static Result<std::unique_ptr<OutputFile>> Create(const std::string& path);

 private:
  struct Key {
    explicit Key() = default;
  };

 public:
  OutputFile(Key, std::string path, std::FILE* file);  // takes ownership of `file`
  ~OutputFile();

  // Where writers append; call MaybeFlush after each record.
  std::string& buffer() { return buffer_; }
  // Writes the buffer out once it passed the flush threshold.
  Status MaybeFlush() { return buffer_.size() >= kFlushAt ? Flush() : status_; }
  Status Flush();
  // Flushes and closes; later calls return the same Status.
  Status Close();

 private:
  static constexpr std::size_t kFlushAt = std::size_t{1} << 20;

  struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };

  Status Fail(const std::string& what, int error);

  std::string path_;
  std::unique_ptr<std::FILE, FileCloser> file_;
  std::string buffer_;
  Status status_;
  bool closed_ = false;
};

}  // namespace pdc
