// InputFile: the whole content of a file to read, as one contiguous span. Regular files are
// memory-mapped (no copy, the kernel pages them in as the parser advances); anything else (a pipe,
// /dev/stdin) is read into memory, because the parsers need to look back at a row's start.
// Move-only; the span stays valid for the life of the object.
#pragma once

#include <atomic>
#include <string>
#include <string_view>

#include "rules/status.h"

namespace pdc {

class InputFile {
 public:
  static Result<InputFile> Open(const std::string& path);

  InputFile(InputFile&& other) noexcept;
  InputFile& operator=(InputFile&& other) noexcept;
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;
  ~InputFile();

  std::string_view data() const { return data_; }
  // Tells that the bytes before `offset` will not be read again: a mapping gives their pages
  // back, a few megabytes at a time (were they touched again, they would be read from the file
  // anew), so that a run's memory does not grow with the size of its input.
  void Consumed(std::size_t offset);
  // The share of the content consumed so far, 0 to 1 (1 when empty), for progress: safe to call
  // from another thread while the reader advances.
  double fraction_consumed() const;

 private:
  InputFile() = default;
  void Unmap();

  void* mapping_ = nullptr;  // set when data_ is a mapping of mapped_size_ bytes
  std::size_t mapped_size_ = 0;
  std::size_t released_ = 0;  // pages before this offset were given back
  std::atomic<std::size_t> consumed_{0};  // the last offset passed to Consumed
  std::string buffer_;  // the content when it was read rather than mapped
  std::string_view data_;
};

}  // namespace pdc
