// Status and Result<T>: the one error style of nextcall.
//
// Everything that can fail on user input or I/O returns a Status (or a Result<T>, which
// holds a value or a non-ok Status). Third-party exceptions are caught at the edge that
// calls the library and converted here. Errors travel as `if (!s.ok()) return s;`.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace nextcall {

enum class Code {
  kOk = 0,
  kInvalidArgument,   // the user gave something malformed: fix the input
  kNotFound,          // a named thing does not exist
  kAlreadyExists,     // a duplicate (same phone, same e-mail, same name)
  kConflict,          // a concurrent change or a state that forbids the action
  kPermissionDenied,  // not allowed for this user or workspace
  kUnauthenticated,   // no valid session or token
  kIo,                // file or database I/O failed
  kCorruption,        // stored data is not what nextcall wrote
  kUnavailable,       // a dependency (database server, recognizer) is missing
  kInternal,          // a bug: should never reach a user
};

// Returns the stable lower-case name of a code ("invalid_argument"), used in JSON errors.
const char* code_name(Code code);

class Status {
 public:
  Status() = default;  // ok
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) { return {Code::kInvalidArgument, std::move(m)}; }
  static Status NotFound(std::string m) { return {Code::kNotFound, std::move(m)}; }
  static Status AlreadyExists(std::string m) { return {Code::kAlreadyExists, std::move(m)}; }
  static Status Conflict(std::string m) { return {Code::kConflict, std::move(m)}; }
  static Status PermissionDenied(std::string m) { return {Code::kPermissionDenied, std::move(m)}; }
  static Status Unauthenticated(std::string m) { return {Code::kUnauthenticated, std::move(m)}; }
  static Status Io(std::string m) { return {Code::kIo, std::move(m)}; }
  static Status Corruption(std::string m) { return {Code::kCorruption, std::move(m)}; }
  static Status Unavailable(std::string m) { return {Code::kUnavailable, std::move(m)}; }
  static Status Internal(std::string m) { return {Code::kInternal, std::move(m)}; }

  // Returns true iff the status indicates success.
  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // Returns a copy whose message is prefixed with `context: ` (e.g. a file name).
  Status with_context(const std::string& context) const {
    if (ok()) return *this;
    return Status(code_, context + ": " + message_);
  }

 private:
  Code code_ = Code::kOk;
  std::string message_;
};

// A value of type T or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {  // NOLINT: implicit by design
    assert(!std::get<Status>(v_).ok() && "a Result needs a value or an error");
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  // REQUIRES: ok().
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  // Returns Ok when a value is held.
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(v_); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace nextcall

#define NEXTCALL_RETURN_IF_ERROR(expr)        \
  do {                                        \
    ::nextcall::Status _nc_status = (expr);   \
    if (!_nc_status.ok()) return _nc_status;  \
  } while (0)
