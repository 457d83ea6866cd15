#include "pipeline/output_file.h"

#include <cerrno>
#include <cstring>
#include <utility>

namespace pdc {

Result<std::unique_ptr<OutputFile>> OutputFile::Create(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) {
    return Status::Io("cannot open " + path + " for writing: " + std::strerror(errno));
  }
  // The buffer below already batches writes; a second one in stdio would only copy.
  std::setvbuf(f, nullptr, _IONBF, 0);
  return std::make_unique<OutputFile>(Key{}, path, f);
}

OutputFile::OutputFile(Key, std::string path, std::FILE* file)
    : path_(std::move(path)), file_(file) {
  buffer_.reserve(kFlushAt + (kFlushAt >> 2));
}

OutputFile::~OutputFile() = default;  // an unclosed file is closed without reporting

Status OutputFile::Fail(const std::string& what, int error) {
  if (status_.ok()) {
    status_ = Status::Io("cannot " + what + " " + path_ + ": " + std::strerror(error));
  }
  return status_;
}

Status OutputFile::Flush() {
  if (!status_.ok()) {
    buffer_.clear();  // the file is incomplete already; keeping the bytes would only grow memory
    return status_;
  }
  if (closed_) return Status::Internal(path_ + " was written after it was closed");
  if (!buffer_.empty()) {
    errno = 0;
    const std::size_t written = std::fwrite(buffer_.data(), 1, buffer_.size(), file_.get());
    if (written != buffer_.size()) {
      buffer_.clear();
      return Fail("write", errno != 0 ? errno : EIO);
    }
    buffer_.clear();
  }
  return status_;
}

Status OutputFile::Close() {
  if (closed_) return status_;
  Status flushed = Flush();
  closed_ = true;
  std::FILE* f = file_.release();
  errno = 0;
  // fclose reports errors the kernel deferred (NFS, quota) that earlier writes did not see.
  if (std::fclose(f) != 0 && flushed.ok()) return Fail("close", errno != 0 ? errno : EIO);
  return status_;
}

}  // namespace pdc
