#include "io/transcript_format.h"

#include <cctype>

#include "io/text_encoding.h"
#include "io/transcript_json.h"
#include "io/transcript_srt.h"
#include "io/transcript_text.h"
#include "io/transcript_vtt.h"

namespace nextcall {

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[s.size() - suffix.size() + i])) != suffix[i])
      return false;
  }
  return true;
}

}  // namespace

std::string detect_transcript_format(std::string_view data, std::string_view name) {
  size_t i = data.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  while (i < data.size() && std::isspace(static_cast<unsigned char>(data[i]))) ++i;
  std::string_view body = data.substr(i);
  if (body.rfind("WEBVTT", 0) == 0) return "vtt";
  if (!body.empty() && (body[0] == '[' || body[0] == '{')) {
    // "[00:01:23] Rep: ..." is text; "[{" / "[ {" / "{" is JSON.
    size_t j = 1;
    while (j < body.size() && std::isspace(static_cast<unsigned char>(body[j]))) ++j;
    if (body[0] == '{' || (j < body.size() && (body[j] == '{' || body[j] == ']'))) return "json";
    if (body[0] == '[' && j < body.size() && std::isdigit(static_cast<unsigned char>(body[j])))
      return "text";  // a timestamp prefix
  }
  // SRT: a number line followed by a timing line.
  size_t nl = body.find('\n');
  if (nl != std::string_view::npos) {
    std::string_view first = body.substr(0, nl);
    while (!first.empty() && (first.back() == '\r' || first.back() == ' ')) first.remove_suffix(1);
    size_t nl2 = body.find('\n', nl + 1);
    std::string_view second = body.substr(nl + 1, nl2 == std::string_view::npos ? std::string_view::npos : nl2 - nl - 1);
    if (!first.empty() && first.find_first_not_of("0123456789") == std::string_view::npos &&
        second.find("-->") != std::string_view::npos)
      return "srt";
  }
  if (ends_with(name, ".vtt")) return "vtt";
  if (ends_with(name, ".srt")) return "srt";
  if (ends_with(name, ".json")) return "json";
  return "text";
}

Result<Transcript> parse_transcript(std::string_view raw, std::string_view source,
                                    std::string_view format) {
  // Transcripts saved on Windows come as Windows-1252 (or Latin-1, its subset) or UTF-16:
  // everything is read as UTF-8 from here on (a stray byte was a 500 once).
  const std::string utf8 = to_utf8(raw, nullptr);
  const std::string_view data = utf8;
  std::string f(format);
  if (f.empty() || f == "auto") f = detect_transcript_format(data, source);
  if (f == "text" || f == "txt") return parse_transcript_text(data, source);
  if (f == "vtt" || f == "webvtt") return parse_transcript_vtt(data, source);
  if (f == "srt") return parse_transcript_srt(data, source);
  if (f == "json") return parse_transcript_json(data, source);
  return Status::InvalidArgument("unknown transcript format '" + f + "'; use text|vtt|srt|json");
}

}  // namespace nextcall
