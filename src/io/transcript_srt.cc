#include "io/transcript_srt.h"

#include <cctype>
#include <string>
#include <vector>

#include "io/transcript_cues.h"
#include "io/transcript_text.h"

namespace nextcall {

Result<Transcript> parse_transcript_srt(std::string_view data, std::string_view source) {
  NEXTCALL_RETURN_IF_ERROR(check_text_input(data, source));
  std::string src(source);
  std::vector<std::string> lines;
  size_t pos = data.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  while (pos <= data.size()) {
    size_t e = data.find('\n', pos);
    if (e == std::string_view::npos) e = data.size();
    lines.push_back(cues::trim(data.substr(pos, e - pos)));
    if (e == data.size()) break;
    pos = e + 1;
  }
  Transcript t;
  t.format = "srt";
  size_t i = 0;
  while (i < lines.size()) {
    if (lines[i].empty()) { ++i; continue; }
    // The cue number (optional in practice), then the timing.
    bool number = !lines[i].empty() &&
                  lines[i].find_first_not_of("0123456789") == std::string::npos;
    if (number) ++i;
    if (i >= lines.size() || !cues::looks_like_timing(lines[i]))
      return Status::InvalidArgument(src + ":" + std::to_string(i + 1) +
                                     ": expected a cue timing 'HH:MM:SS,mmm --> HH:MM:SS,mmm'");
    int timing_line = static_cast<int>(i) + 1;
    auto timing = cues::parse_timing(lines[i]);
    if (!timing)
      return Status::InvalidArgument(src + ":" + std::to_string(timing_line) +
                                     ": malformed cue timing '" + lines[i] +
                                     "'; expected 'HH:MM:SS,mmm --> HH:MM:SS,mmm'");
    ++i;
    std::string text;
    while (i < lines.size() && !lines[i].empty()) {
      if (!text.empty()) text += ' ';
      text += lines[i];
      ++i;
    }
    std::string speaker, rest;
    if (!cues::split_speaker(text, &speaker, &rest)) {
      if (t.turns.empty())
        return Status::InvalidArgument(src + ":" + std::to_string(timing_line + 1) +
                                       ": cue without a speaker; start the text with 'Speaker:'");
      speaker = t.turns.back().speaker;
      rest = text;
    }
    if (!t.turns.empty() && t.turns.back().speaker == speaker) {
      t.turns.back().text += " " + rest;
      t.turns.back().end = timing->end;
    } else {
      Turn turn;
      turn.speaker = speaker;
      turn.start = timing->start;
      turn.end = timing->end;
      turn.text = rest;
      turn.line = timing_line;
      t.turns.push_back(std::move(turn));
    }
  }
  if (t.turns.empty())
    return Status::InvalidArgument(src + ":1: empty SRT transcript: no cue found");
  return t;
}

}  // namespace nextcall
