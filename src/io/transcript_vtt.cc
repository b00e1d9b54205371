#include "io/transcript_vtt.h"

#include <string>
#include <vector>

#include "io/transcript_cues.h"
#include "io/transcript_text.h"

namespace nextcall {

namespace {

std::vector<std::string> split_lines(std::string_view data) {
  std::vector<std::string> out;
  size_t pos = 0;
  if (data.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
  while (pos <= data.size()) {
    size_t e = data.find('\n', pos);
    if (e == std::string_view::npos) e = data.size();
    std::string l(data.substr(pos, e - pos));
    if (!l.empty() && l.back() == '\r') l.pop_back();
    out.push_back(l);
    if (e == data.size()) break;
    pos = e + 1;
  }
  return out;
}

// Removes tags other than the voice tag already consumed ("<i>", "</v>", "<00:00:01.000>").
std::string strip_tags(const std::string& s) {
  std::string out;
  bool in = false;
  for (char c : s) {
    if (c == '<') in = true;
    else if (c == '>') in = false;
    else if (!in) out.push_back(c);
  }
  return cues::trim(out);
}

}  // namespace

Result<Transcript> parse_transcript_vtt(std::string_view data, std::string_view source) {
  NEXTCALL_RETURN_IF_ERROR(check_text_input(data, source));
  std::string src(source);
  std::vector<std::string> lines = split_lines(data);
  if (lines.empty() || cues::trim(lines[0]).rfind("WEBVTT", 0) != 0)
    return Status::InvalidArgument(src + ":1: not a WebVTT file: the first line must be 'WEBVTT'");
  Transcript t;
  t.format = "vtt";
  size_t i = 1;
  while (i < lines.size()) {
    std::string l = cues::trim(lines[i]);
    if (l.empty()) { ++i; continue; }
    if (l.rfind("NOTE", 0) == 0 || l.rfind("STYLE", 0) == 0 || l.rfind("REGION", 0) == 0) {
      while (i < lines.size() && !cues::trim(lines[i]).empty()) ++i;
      continue;
    }
    if (!cues::looks_like_timing(l)) {
      // a cue identifier line: the timing must follow
      ++i;
      if (i >= lines.size() || !cues::looks_like_timing(lines[i]))
        return Status::InvalidArgument(src + ":" + std::to_string(i) +
                                       ": expected a cue timing 'HH:MM:SS.mmm --> HH:MM:SS.mmm'");
      l = cues::trim(lines[i]);
    }
    int timing_line = static_cast<int>(i) + 1;
    auto timing = cues::parse_timing(l);
    if (!timing)
      return Status::InvalidArgument(src + ":" + std::to_string(timing_line) +
                                     ": malformed cue timing '" + l +
                                     "'; expected 'HH:MM:SS.mmm --> HH:MM:SS.mmm'");
    ++i;
    std::string text;
    int text_line = static_cast<int>(i) + 1;
    while (i < lines.size() && !cues::trim(lines[i]).empty()) {
      if (!text.empty()) text += ' ';
      text += cues::trim(lines[i]);
      ++i;
    }
    std::string speaker, rest;
    size_t v = text.find("<v");
    if (v != std::string::npos && v + 2 < text.size() && (text[v + 2] == ' ' || text[v + 2] == '.')) {
      size_t gt = text.find('>', v);
      if (gt == std::string::npos)
        return Status::InvalidArgument(src + ":" + std::to_string(text_line) +
                                       ": unterminated voice tag '<v ...'; write '<v Name>text'");
      std::string tag = text.substr(v + 2, gt - v - 2);
      size_t sp = tag.find(' ');
      speaker = sp == std::string::npos ? "" : cues::trim(tag.substr(sp + 1));
      rest = strip_tags(text.substr(gt + 1));
    } else {
      std::string plain = strip_tags(text);
      if (!cues::split_speaker(plain, &speaker, &rest)) rest = plain;
    }
    if (speaker.empty()) {
      if (t.turns.empty())
        return Status::InvalidArgument(src + ":" + std::to_string(text_line) +
                                       ": cue without a speaker; use a voice tag '<v Name>'");
      speaker = t.turns.back().speaker;
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
    return Status::InvalidArgument(src + ":1: empty WebVTT transcript: no cue found");
  return t;
}

}  // namespace nextcall
