#include "io/transcript_json.h"

#include <nlohmann/json.hpp>

#include "io/transcript_text.h"

namespace nextcall {

namespace {

// Line and column (1-based) of byte offset `off`.
std::string where(std::string_view data, size_t off) {
  int line = 1, col = 1;
  for (size_t i = 0; i < off && i < data.size(); ++i) {
    if (data[i] == '\n') { ++line; col = 1; } else { ++col; }
  }
  return std::to_string(line) + ":" + std::to_string(col);
}

Result<std::optional<double>> seconds(const nlohmann::json& v, const std::string& ctx) {
  if (v.is_null()) return std::optional<double>();
  if (v.is_number()) return std::optional<double>(v.get<double>());
  if (v.is_string()) {
    auto ts = parse_timestamp(v.get<std::string>());
    if (ts) return std::optional<double>(*ts);
  }
  return Status::InvalidArgument(ctx + " must be seconds (a number) or 'HH:MM:SS'");
}

}  // namespace

Result<Transcript> parse_transcript_json(std::string_view data, std::string_view source) {
  std::string src(source);
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(data.begin(), data.end());
  } catch (const nlohmann::json::parse_error& e) {
    return Status::InvalidArgument(src + ":" + where(data, e.byte > 0 ? e.byte - 1 : 0) +
                                   ": malformed JSON; expected [{\"speaker\", \"start\", \"end\", \"text\"}]");
  } catch (const nlohmann::json::out_of_range&) {
    // A number too large for a double ("6e1111…") is well-formed JSON the parser still refuses.
    return Status::InvalidArgument(src + ": a number is too large; times are seconds or 'HH:MM:SS'");
  }
  const nlohmann::json* arr = &doc;
  if (doc.is_object()) {
    if (doc.contains("turns")) arr = &doc["turns"];
    else if (doc.contains("segments")) arr = &doc["segments"];
  }
  if (!arr->is_array())
    return Status::InvalidArgument(src + ": expected an array of turns "
                                   "[{\"speaker\", \"start\", \"end\", \"text\"}]");
  Transcript t;
  t.format = "json";
  int n = 0;
  for (const auto& item : *arr) {
    ++n;
    std::string ctx = src + ": turn " + std::to_string(n);
    if (!item.is_object()) return Status::InvalidArgument(ctx + ": expected an object");
    auto sp = item.find("speaker");
    auto tx = item.find("text");
    if (sp == item.end() || !sp->is_string() || sp->get<std::string>().empty())
      return Status::InvalidArgument(ctx + ": field 'speaker' must be a non-empty string");
    if (tx == item.end() || !tx->is_string())
      return Status::InvalidArgument(ctx + ": field 'text' must be a string");
    Turn turn;
    turn.speaker = sp->get<std::string>();
    turn.text = tx->get<std::string>();
    turn.line = n;
    for (const char* k : {"start", "end"}) {
      auto it = item.find(k);
      if (it == item.end()) continue;
      auto s = seconds(*it, ctx + ": field '" + k + "'");
      if (!s.ok()) return s.status();
      (std::string(k) == "start" ? turn.start : turn.end) = *s;
    }
    t.turns.push_back(std::move(turn));
  }
  if (t.turns.empty()) return Status::InvalidArgument(src + ": empty transcript: no turn in the array");
  return t;
}

}  // namespace nextcall
