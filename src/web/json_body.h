// Reading a request's JSON body with field-level validation: every problem (a wrong
// type, a missing field, a field the route does not know) is collected, then reported at
// once as "field: what is wrong; …", which the error body turns into a map of fields.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace nextcall::web {

class Body {
 public:
  // Parses `text` as a JSON object whose fields are among `known`. Malformed JSON is an
  // InvalidArgument naming the byte where it broke.
  static Result<Body> parse(const std::string& text, std::vector<std::string> known);

  bool has(const std::string& field) const;
  std::optional<std::string> text(const std::string& field, bool required = false, std::size_t max_len = 20000);
  std::optional<std::int64_t> integer(const std::string& field, bool required = false,
                                      std::int64_t min = INT64_MIN, std::int64_t max = INT64_MAX);
  std::optional<double> number(const std::string& field, bool required = false);
  std::optional<bool> boolean(const std::string& field, bool required = false);
  std::optional<std::vector<std::string>> texts(const std::string& field, bool required = false);

  // Ok, or InvalidArgument listing every problem found so far.
  Status finish() const;

 private:
  const nlohmann::json* get(const std::string& field, bool required);
  void problem(const std::string& field, const std::string& what);

  nlohmann::json j_;
  std::vector<std::string> problems_;
};

}  // namespace nextcall::web
