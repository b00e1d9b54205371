#include "web/http_errors.h"

#include <sodium.h>

#include <cctype>

namespace nextcall::web {

int http_status(Code code) {
  switch (code) {
    case Code::kOk: return 200;
    case Code::kInvalidArgument: return 400;
    case Code::kUnauthenticated: return 401;
    case Code::kPermissionDenied: return 403;
    case Code::kNotFound: return 404;
    case Code::kAlreadyExists:
    case Code::kConflict: return 409;
    case Code::kUnavailable: return 503;
    case Code::kIo:
    case Code::kCorruption:
    case Code::kInternal: return 500;
  }
  return 500;
}

namespace {

// "phone: 'x' is bad" -> {"phone", "'x' is bad"} when the prefix is a field name.
bool split_field(const std::string& part, std::string* field, std::string* what) {
  std::size_t colon = part.find(": ");
  if (colon == std::string::npos || colon == 0 || colon > 64) return false;
  for (std::size_t i = 0; i < colon; ++i) {
    char ch = part[i];
    if (!(std::islower(static_cast<unsigned char>(ch)) || std::isdigit(static_cast<unsigned char>(ch)) ||
          ch == '_' || ch == '.' || ch == '[' || ch == ']' || ch == '-'))
      return false;
  }
  *field = part.substr(0, colon);
  if (field->rfind("--", 0) == 0) *field = field->substr(2);
  *what = part.substr(colon + 2);
  return true;
}

}  // namespace

std::string new_request_id() {
  unsigned char bytes[8];
  randombytes_buf(bytes, sizeof bytes);
  static const char kHex[] = "0123456789abcdef";
  std::string id;
  for (unsigned char b : bytes) {
    id += kHex[b >> 4];
    id += kHex[b & 15];
  }
  return id;
}

nlohmann::json error_body(const Status& s, const std::string& request_id) {
  nlohmann::json e = {{"code", code_name(s.code())}, {"message", s.message()}};
  if (s.code() == Code::kInvalidArgument || s.code() == Code::kAlreadyExists) {
    nlohmann::json fields = nlohmann::json::object();
    std::size_t start = 0;
    const std::string& m = s.message();
    while (start <= m.size()) {
      std::size_t end = m.find("; ", start);
      std::string part = m.substr(start, end == std::string::npos ? std::string::npos : end - start);
      std::string field, what;
      if (split_field(part, &field, &what) && !fields.contains(field)) fields[field] = what;
      if (end == std::string::npos) break;
      start = end + 2;
    }
    if (!fields.empty()) e["fields"] = fields;
  }
  // Internal details of the database (its address, user, parameters) are not the client's
  // business, signed in or not.
  if (s.code() == Code::kIo || s.code() == Code::kCorruption || s.code() == Code::kInternal)
    e["message"] = "the server could not complete the request; the error is in its log";
  if (s.code() == Code::kUnavailable)
    e["message"] = "the database is not available; try again shortly (the cause is in the server's log)";
  if (!request_id.empty()) e["request_id"] = request_id;
  return {{"error", e}};
}

}  // namespace nextcall::web
