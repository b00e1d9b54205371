// Fuzzes what the API does with a request body before any handler logic: the JSON body
// reader with its field checks, and the error body built from the problems it reports.
#include <cstddef>
#include <cstdint>
#include <string>

#include "web/http_errors.h"
#include "web/json_body.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using nextcall::web::Body;
  std::string text(reinterpret_cast<const char*>(data), size);
  auto body = Body::parse(text, {"name", "count", "amount", "on", "tags"});
  if (!body.ok()) {
    (void)nextcall::web::error_body(body.status()).dump();
    return 0;
  }
  (void)body->text("name", true, 64);
  (void)body->integer("count", false, 1, 5);
  (void)body->number("amount");
  (void)body->boolean("on");
  (void)body->texts("tags");
  (void)nextcall::web::error_body(body->finish()).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return 0;
}
