#include "pipeline/input_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace pdc {
namespace {

Status IoError(const std::string& what, const std::string& path, int error) {
  return Status::Io("cannot " + what + " " + path + ": " + std::strerror(error));
}

// Closes the descriptor on every path out of Open.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

}  // namespace

Result<InputFile> InputFile::Open(const std::string& path) {
  FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) return IoError("open", path, errno);
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) return IoError("stat", path, errno);

  InputFile file;
  if (S_ISREG(st.st_mode)) {
    if (st.st_size == 0) return file;  // mmap refuses zero bytes; an empty span is the content
    const auto size = static_cast<std::size_t>(st.st_size);
    void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd.get(), 0);
    if (p != MAP_FAILED) {
      ::madvise(p, size, MADV_SEQUENTIAL);
      file.mapping_ = p;
      file.mapped_size_ = size;
      file.data_ = std::string_view(static_cast<const char*>(p), size);
      return file;
    }
    // Some file systems cannot map; reading works everywhere.
  }
  if (S_ISREG(st.st_mode)) file.buffer_.reserve(static_cast<std::size_t>(st.st_size));
  char chunk[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd.get(), chunk, sizeof chunk);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      return IoError("read", path, errno);
    }
    file.buffer_.append(chunk, static_cast<std::size_t>(n));
  }
  file.data_ = file.buffer_;
  return file;
}

InputFile::InputFile(InputFile&& other) noexcept { *this = std::move(other); }

InputFile& InputFile::operator=(InputFile&& other) noexcept {
  if (this == &other) return *this;
  Unmap();
  mapping_ = std::exchange(other.mapping_, nullptr);
  mapped_size_ = std::exchange(other.mapped_size_, 0);
  released_ = std::exchange(other.released_, 0);
  consumed_.store(other.consumed_.exchange(0));
  const bool owns_buffer = other.data_.data() == other.buffer_.data() && !other.buffer_.empty();
  buffer_ = std::move(other.buffer_);
  // A moved std::string may keep short contents inline, so the span is rebuilt, not copied.
  data_ = owns_buffer ? std::string_view(buffer_) : other.data_;
  other.data_ = {};
  return *this;
}

InputFile::~InputFile() { Unmap(); }

void InputFile::Consumed(std::size_t offset) {
  consumed_.store(offset, std::memory_order_relaxed);
  constexpr std::size_t kStep = std::size_t{16} << 20;
  if (mapping_ == nullptr || offset > mapped_size_) return;
  const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  const std::size_t upto = offset / page * page;
  if (upto < released_ + kStep) return;
  ::madvise(static_cast<char*>(mapping_) + released_, upto - released_, MADV_DONTNEED);
  released_ = upto;
}

double InputFile::fraction_consumed() const {
  if (data_.empty()) return 1.0;
  return static_cast<double>(consumed_.load(std::memory_order_relaxed)) /
         static_cast<double>(data_.size());
}

void InputFile::Unmap() {
  if (mapping_ != nullptr) ::munmap(mapping_, mapped_size_);
  mapping_ = nullptr;
  mapped_size_ = 0;
  released_ = 0;
}

}  // namespace pdc
