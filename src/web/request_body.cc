#include "web/request_body.h"

#include "web/json_body.h"

namespace nextcall::web {

BodyRule body_rule(const std::string& method, const std::string& path) {
  if (method == "POST" && path == "/api/import/contacts") return {true, "text/csv"};
  if (method == "POST" && path == "/api/coach")
    return {true, "text/plain, text/vtt, application/x-subrip, application/json or audio/wav"};
  return {false, "application/json"};
}

Status acceptable_body_type(const httplib::Request& req, const BodyRule& rule) {
  const std::string type = req.get_header_value("Content-Type");
  if (type.rfind("multipart/", 0) != 0) return Status::Ok();
  const std::string media = type.substr(0, type.find(';'));
  return Status::InvalidArgument(
      "body: " + media + " is not read here; send the " + (rule.raw ? "file itself" : "JSON object") +
      " as the body with Content-Type: " + rule.send_as +
      (rule.raw ? " (curl --data-binary @FILE -H 'Content-Type: text/csv')" : ""));
}

Status check_body_depth(const std::string& body, const BodyRule& rule) {
  if (body.empty()) return Status::Ok();
  if (rule.raw) {
    // A raw body is checked when it is JSON (a JSON transcript): its first byte says so.
    std::size_t i = body.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
    while (i < body.size() && (body[i] == ' ' || body[i] == '\t' || body[i] == '\r' || body[i] == '\n')) ++i;
    if (i == body.size() || (body[i] != '{' && body[i] != '[')) return Status::Ok();
  }
  return check_json_depth(body);
}

std::string byte_size_text(std::size_t bytes) {
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  if (bytes >= 1024 && bytes % 1024 == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

}  // namespace nextcall::web
