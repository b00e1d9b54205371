// Reading a request's JSON body with field-level validation: every problem (a wrong
// type, a missing field, a field the route does not know) is collected, then reported at
// once as "field: what is wrong; …", which the error body turns into a map of fields.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace nextcall::web {

// How deep a request's JSON may nest ([ and { inside one another). The API's bodies need
// 3; nlohmann's tree (its copies, merges and dumps recurse) must never see 100,000.
inline constexpr std::size_t kMaxJsonDepth = 64;

// Ok, or InvalidArgument naming the limit when `text` nests deeper than `max_depth`:
// one pass over the bytes, brackets inside strings not counted, before any parser runs.
Status check_json_depth(std::string_view text, std::size_t max_depth = kMaxJsonDepth);

// A request body parsed as JSON: the depth checked first, malformed JSON an
// InvalidArgument naming the byte where it broke.
Result<nlohmann::json> parse_json_body(const std::string& text);

// RFC 7386 merge patch of `patch` into `target`, walked with a list of its own rather than
// by recursion (nlohmann's merge_patch recurses once per level of the patch).
void merge_json_patch(nlohmann::json& target, const nlohmann::json& patch);

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
  // A list of ids (positive integers), at most `max_count` of them.
  std::optional<std::vector<std::int64_t>> ids(const std::string& field, bool required, std::size_t max_count);

  // An object field ({"meeting": {"at": …}}) read as a Body of its own, whose fields are
  // among `known` and whose problems are named "meeting.at" and reported by this Body's
  // finish(). REQUIRES: this Body outlives the one returned and is not moved meanwhile.
  std::optional<Body> object(const std::string& field, const std::vector<std::string>& known,
                             bool required = false);
  // A list of such objects, at most max_items; problems named "commitments[1].outcome"
  // (counted from 0). Same REQUIREMENT as object().
  std::optional<std::vector<Body>> objects(const std::string& field,
                                           const std::vector<std::string>& known,
                                           std::size_t max_items, bool required = false);

  // Records a problem found by the caller (a value of the right type that means nothing),
  // named like the others.
  void problem(const std::string& field, const std::string& what);

  // Ok, or InvalidArgument listing every problem found so far (this Body's and those of the
  // objects read from it).
  Status finish() const;

 private:
  const nlohmann::json* get(const std::string& field, bool required);
  Body nested(const nlohmann::json& j, const std::string& name,
              const std::vector<std::string>& known);

  nlohmann::json j_;
  std::vector<std::string> problems_;
  std::string prefix_;                        // "commitments[1]." in a nested Body
  std::vector<std::string>* sink_ = nullptr;  // the outermost Body's problems, when nested
};

}  // namespace nextcall::web
