#include "web/json_body.h"

#include <algorithm>

namespace nextcall::web {

Status check_json_depth(std::string_view text, std::size_t max_depth) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (in_string) {
      if (ch == '\\') ++i;  // the escaped byte cannot end the string
      else if (ch == '"') in_string = false;
    } else if (ch == '"') {
      in_string = true;
    } else if (ch == '[' || ch == '{') {
      if (++depth > max_depth)
        return Status::InvalidArgument("body: JSON nested deeper than " + std::to_string(max_depth) +
                                       " levels (the limit), at byte " + std::to_string(i));
    } else if ((ch == ']' || ch == '}') && depth > 0) {
      --depth;
    }
  }
  return Status::Ok();
}

Result<nlohmann::json> parse_json_body(const std::string& text) {
  NEXTCALL_RETURN_IF_ERROR(check_json_depth(text));
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    return Status::InvalidArgument("body: not valid JSON (at byte " + std::to_string(e.byte) +
                                   "); send an object such as {\"name\": \"...\"}");
  } catch (const nlohmann::json::out_of_range&) {
    // Well-formed JSON with a number beyond a double ("6e1111…") is refused the same way.
    return Status::InvalidArgument("body: a number is too large; send numbers a double can hold");
  }
}

void merge_json_patch(nlohmann::json& target, const nlohmann::json& patch) {
  std::vector<std::pair<nlohmann::json*, const nlohmann::json*>> todo{{&target, &patch}};
  while (!todo.empty()) {
    auto [t, p] = todo.back();
    todo.pop_back();
    if (!p->is_object()) {
      *t = *p;
      continue;
    }
    if (!t->is_object()) *t = nlohmann::json::object();
    for (auto it = p->begin(); it != p->end(); ++it) {
      if (it.value().is_null()) t->erase(it.key());
      else todo.emplace_back(&(*t)[it.key()], &it.value());  // map nodes stay put
    }
  }
}

Result<Body> Body::parse(const std::string& text, std::vector<std::string> known) {
  Body b;
  if (text.empty()) {
    b.j_ = nlohmann::json::object();
  } else {
    auto j = parse_json_body(text);
    if (!j.ok()) return j.status();
    b.j_ = std::move(*j);
  }
  if (!b.j_.is_object()) return Status::InvalidArgument("body: must be a JSON object");
  for (const auto& [key, value] : b.j_.items()) {
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      std::string list;
      for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
      b.problem(key, "unknown field (this request takes: " + list + ")");
    }
  }
  return b;
}

bool Body::has(const std::string& field) const { return j_.contains(field) && !j_[field].is_null(); }

void Body::problem(const std::string& field, const std::string& what) {
  (sink_ ? *sink_ : problems_).push_back(prefix_ + field + ": " + what);
}

Body Body::nested(const nlohmann::json& j, const std::string& name,
                  const std::vector<std::string>& known) {
  Body b;
  b.j_ = j;
  b.prefix_ = prefix_ + name + ".";
  b.sink_ = sink_ ? sink_ : &problems_;
  for (const auto& [key, value] : j.items()) {
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      std::string list;
      for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
      b.problem(key, "unknown field (this object takes: " + list + ")");
    }
  }
  return b;
}

std::optional<Body> Body::object(const std::string& field, const std::vector<std::string>& known,
                                 bool required) {
  const auto* v = get(field, required);
  if (!v) return std::nullopt;
  if (!v->is_object()) {
    problem(field, "must be an object");
    return std::nullopt;
  }
  return nested(*v, field, known);
}

std::optional<std::vector<Body>> Body::objects(const std::string& field,
                                               const std::vector<std::string>& known,
                                               std::size_t max_items, bool required) {
  const auto* v = get(field, required);
  if (!v) return std::nullopt;
  if (!v->is_array() ||
      !std::all_of(v->begin(), v->end(), [](const auto& x) { return x.is_object(); })) {
    problem(field, "must be a list of objects");
    return std::nullopt;
  }
  if (v->size() > max_items) {
    problem(field, "has " + std::to_string(v->size()) + " items (at most " +
                       std::to_string(max_items) + ")");
    return std::nullopt;
  }
  std::vector<Body> out;
  for (std::size_t i = 0; i < v->size(); ++i)
    out.push_back(nested((*v)[i], field + "[" + std::to_string(i) + "]", known));
  return out;
}

const nlohmann::json* Body::get(const std::string& field, bool required) {
  auto it = j_.find(field);
  if (it == j_.end() || it->is_null()) {
    if (required) problem(field, "is required");
    return nullptr;
  }
  return &*it;
}

std::optional<std::string> Body::text(const std::string& field, bool required, std::size_t max_len) {
  const auto* v = get(field, required);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    problem(field, "must be a string");
    return std::nullopt;
  }
  std::string s = v->get<std::string>();
  if (s.size() > max_len) {
    problem(field, "is too long (at most " + std::to_string(max_len) + " characters)");
    return std::nullopt;
  }
  if (required && s.empty()) {
    problem(field, "must not be empty");
    return std::nullopt;
  }
  return s;
}

std::optional<std::int64_t> Body::integer(const std::string& field, bool required, std::int64_t min,
                                          std::int64_t max) {
  const auto* v = get(field, required);
  if (!v) return std::nullopt;
  if (!v->is_number_integer()) {
    problem(field, "must be a whole number");
    return std::nullopt;
  }
  std::int64_t n = v->get<std::int64_t>();
  if (n < min || n > max) {
    problem(field, "must be between " + std::to_string(min) + " and " + std::to_string(max));
    return std::nullopt;
  }
  return n;
}

std::optional<double> Body::number(const std::string& field, bool required) {
  const auto* v = get(field, required);
  if (!v) return std::nullopt;
  if (!v->is_number()) {
    problem(field, "must be a number");
    return std::nullopt;
  }
  return v->get<double>();
}

std::optional<bool> Body::boolean(const std::string& field, bool required) {
  const auto* v = get(field, required);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) {
    problem(field, "must be true or false");
    return std::nullopt;
  }
  return v->get<bool>();
}

std::optional<std::vector<std::string>> Body::texts(const std::string& field, bool required) {
  const auto* v = get(field, required);
  if (!v) return std::nullopt;
  if (!v->is_array() || !std::all_of(v->begin(), v->end(), [](const auto& x) { return x.is_string(); })) {
    problem(field, "must be a list of strings");
    return std::nullopt;
  }
  return v->get<std::vector<std::string>>();
}

std::optional<std::vector<std::int64_t>> Body::ids(const std::string& field, bool required, std::size_t max_count) {
  const auto* v = get(field, required);
  if (!v) return std::nullopt;
  if (!v->is_array() ||
      !std::all_of(v->begin(), v->end(), [](const auto& x) { return x.is_number_integer() && x.template get<std::int64_t>() > 0; })) {
    problem(field, "must be a list of ids (whole numbers above 0)");
    return std::nullopt;
  }
  if (v->size() > max_count) {
    problem(field, "at most " + std::to_string(max_count) + " at once");
    return std::nullopt;
  }
  return v->get<std::vector<std::int64_t>>();
}

Status Body::finish() const {
  if (problems_.empty()) return Status::Ok();
  std::string m;
  for (const auto& p : problems_) m += (m.empty() ? "" : "; ") + p;
  return Status::InvalidArgument(m);
}

}  // namespace nextcall::web
