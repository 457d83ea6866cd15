#include "pipeline/spool.h"

#include <cerrno>
#include <cstring>
#include <memory>

namespace pdc {

Spool::Spool() : file_(std::tmpfile()) { failed_ = file_ == nullptr; }

Spool::~Spool() {
  if (file_ != nullptr) std::fclose(file_);
}

void Spool::Flush() {
  if (buffer_.empty()) return;
  if (!failed_ && std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
    failed_ = true;
  }
  bytes_ += buffer_.size();
  buffer_.clear();
}

Status Spool::CopyTo(std::FILE* out) {
  Flush();
  if (failed_) return Status::Io("cannot write a scratch file for the report (disk full?)");
  std::rewind(file_);
  char chunk[1 << 16];
  std::size_t n;
  while ((n = std::fread(chunk, 1, sizeof chunk, file_)) > 0) {
    if (std::fwrite(chunk, 1, n, out) != n) return Status::Io(std::strerror(errno));
  }
  std::fseek(file_, 0, SEEK_END);
  return Status::Ok();
}

Result<std::unique_ptr<AtomicFile>> AtomicFile::Create(const std::string& path) {
  std::FILE* f = std::fopen((path + ".tmp").c_str(), "wb");
  if (f == nullptr) return Status::Io("cannot write " + path + ": " + std::strerror(errno));
  return std::unique_ptr<AtomicFile>(new AtomicFile(path, f));
}

AtomicFile::~AtomicFile() {
  if (file_ != nullptr) {
    std::fclose(file_);
    std::remove((path_ + ".tmp").c_str());
  }
}

Status AtomicFile::Commit() {
  const bool write_failed = std::ferror(file_) != 0;
  const bool close_failed = std::fclose(file_) != 0;
  file_ = nullptr;
  const std::string tmp = path_ + ".tmp";
  if (write_failed || close_failed) {
    std::remove(tmp.c_str());
    return Status::Io("cannot write " + path_ + " (disk full?)");
  }
  if (std::rename(tmp.c_str(), path_.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    std::remove(tmp.c_str());
    return Status::Io("cannot write " + path_ + ": " + why);
  }
  return Status::Ok();
}

}  // namespace pdc
