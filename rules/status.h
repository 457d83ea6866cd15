// Status and Result<T>: expected failures with a named cause, never exceptions.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace pdc {

class Status {
 public:
  enum class Code { kOk, kInvalidArgument, kInvalidField, kNotFound, kIo, kParse, kInternal };

  Status() = default;
  static Status Ok() { return {}; }
  static Status InvalidArgument(std::string why) {
    return {Code::kInvalidArgument, std::move(why)};
  }
  static Status InvalidField(std::string_view field, std::string why) {
    return {Code::kInvalidField, std::string(field) + ": " + why};
  }
  static Status NotFound(std::string why) { return {Code::kNotFound, std::move(why)}; }
  static Status Io(std::string why) { return {Code::kIo, std::move(why)}; }
  static Status Parse(std::string why) { return {Code::kParse, std::move(why)}; }
  static Status Internal(std::string why) { return {Code::kInternal, std::move(why)}; }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : state_(std::move(status)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(state_); }
  const Status& status() const { return std::get<Status>(state_); }
  T& value() { return std::get<T>(state_); }
  const T& value() const { return std::get<T>(state_); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> state_;
};

}  // namespace pdc
