#include "pipeline/record_spill.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace pdc {

RecordSpill::RecordSpill() : file_(std::tmpfile()) {
  if (file_ != nullptr) fd_ = fileno(file_);
}

RecordSpill::~RecordSpill() {
  if (file_ != nullptr) std::fclose(file_);
}

RecordSpill::Encoded RecordSpill::Encode(const Batch& batch) {
  Encoded encoded;
  encoded.sizes.reserve(batch.records.size());
  for (const Record& record : batch.records) {
    const std::size_t start = encoded.bytes.size();
    record.Encode(encoded.bytes);
    encoded.sizes.push_back(static_cast<std::uint32_t>(encoded.bytes.size() - start));
  }
  return encoded;
}

Status RecordSpill::Add(Batch& batch, const Encoded& encoded) {
  if (fd_ < 0) return Status::Io(std::string("cannot create a scratch file: ") + std::strerror(errno));
  if (encoded.sizes.size() != batch.records.size()) {
    return Status::InvalidArgument("the spill was given another batch's bytes");
  }
  Held held;
  held.first = static_cast<std::uint32_t>(spans_.size());
  held.count = static_cast<std::uint32_t>(batch.records.size());
  std::uint64_t offset = end_;
  for (const std::uint32_t size : encoded.sizes) {
    spans_.push_back({offset, size});
    offset += size;
  }
  std::size_t written = 0;
  while (written < encoded.bytes.size()) {
    const ssize_t n = ::pwrite(fd_, encoded.bytes.data() + written, encoded.bytes.size() - written,
                               static_cast<off_t>(end_ + written));
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::Io(std::string("writing the scratch file: ") + std::strerror(errno));
    }
    written += static_cast<std::size_t>(n);
  }
  end_ += encoded.bytes.size();
  batch.records.clear();
  batch.records.shrink_to_fit();
  held.batch = std::make_shared<Batch>(std::move(batch));
  batches_.push_back(std::move(held));
  return Status::Ok();
}

Status RecordSpill::ReadBytes(std::uint64_t offset, std::size_t size, std::string& out) const {
  out.resize(size);
  std::size_t got = 0;
  while (got < size) {
    const ssize_t n =
        ::pread(fd_, out.data() + got, size - got, static_cast<off_t>(offset + got));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      return Status::Io(std::string("reading the scratch file: ") +
                        (n < 0 ? std::strerror(errno) : "it ends early"));
    }
    got += static_cast<std::size_t>(n);
  }
  return Status::Ok();
}

Result<Record> RecordSpill::Read(std::uint32_t index) const {
  if (index >= spans_.size()) return Status::InvalidArgument("no spilled record " + std::to_string(index));
  std::string bytes;
  if (Status st = ReadBytes(spans_[index].offset, spans_[index].size, bytes); !st.ok()) return st;
  std::string_view in = bytes;
  auto record = Record::Decode(in);
  if (!record) return Status::Io("the scratch file holds a damaged record");
  return std::move(*record);
}

Result<BatchPtr> RecordSpill::TakeBatch(std::size_t b) {
  if (b >= batches_.size() || !batches_[b].batch) {
    return Status::InvalidArgument("no spilled batch " + std::to_string(b));
  }
  Held& held = batches_[b];
  BatchPtr batch = std::move(held.batch);
  if (held.count == 0) return batch;
  const Span& first = spans_[held.first];
  const Span& last = spans_[held.first + held.count - 1];
  std::string bytes;
  if (Status st = ReadBytes(first.offset, last.offset + last.size - first.offset, bytes);
      !st.ok()) {
    return st;
  }
  std::string_view in = bytes;
  batch->records.reserve(held.count);
  for (std::uint32_t i = 0; i < held.count; ++i) {
    auto record = Record::Decode(in);
    if (!record) return Status::Io("the scratch file holds a damaged record");
    batch->records.push_back(std::move(*record));
  }
  return batch;
}

}  // namespace pdc
