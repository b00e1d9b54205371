#include "speech/wav_reader.h"

#include <cstring>
#include <string>

namespace nextcall {

namespace {

uint32_t u32(std::string_view d, size_t at) {
  return static_cast<uint32_t>(static_cast<unsigned char>(d[at])) |
         static_cast<uint32_t>(static_cast<unsigned char>(d[at + 1])) << 8 |
         static_cast<uint32_t>(static_cast<unsigned char>(d[at + 2])) << 16 |
         static_cast<uint32_t>(static_cast<unsigned char>(d[at + 3])) << 24;
}
uint16_t u16(std::string_view d, size_t at) {
  return static_cast<uint16_t>(static_cast<unsigned char>(d[at]) |
                               static_cast<unsigned char>(d[at + 1]) << 8);
}

}  // namespace

Result<Audio> parse_wav(std::string_view d, std::string_view source) {
  std::string src(source);
  auto bad = [&src](const std::string& m) { return Status::InvalidArgument(src + ": " + m); };
  if (d.size() < 12 || d.substr(0, 4) != "RIFF" || d.substr(8, 4) != "WAVE")
    return bad("not a WAV file (no RIFF/WAVE header); give a 16-bit PCM WAV recording or a transcript");
  size_t pos = 12;
  bool have_fmt = false;
  uint16_t encoding = 0, channels = 0, bits = 0;
  uint32_t rate = 0;
  while (pos + 8 <= d.size()) {
    std::string_view id = d.substr(pos, 4);
    uint32_t size = u32(d, pos + 4);
    size_t body = pos + 8;
    if (size > d.size() - body) {
      if (id != "data") return bad("chunk '" + std::string(id) + "' at byte " + std::to_string(pos) +
                                   " runs past the end of the file (truncated recording)");
      size = static_cast<uint32_t>(d.size() - body);  // a truncated data chunk: read what is there
    }
    if (id == "fmt ") {
      if (size < 16) return bad("fmt chunk too short (" + std::to_string(size) + " bytes)");
      encoding = u16(d, body);
      channels = u16(d, body + 2);
      rate = u32(d, body + 4);
      bits = u16(d, body + 14);
      if (encoding == 0xFFFE && size >= 26) encoding = u16(d, body + 24);  // WAVE_FORMAT_EXTENSIBLE
      have_fmt = true;
    } else if (id == "data") {
      if (!have_fmt) return bad("data chunk before the fmt chunk");
      if (encoding != 1)
        return bad("unsupported encoding (format code " + std::to_string(encoding) +
                   "); convert to 16-bit PCM, e.g. `sox in.wav -b 16 -e signed-integer out.wav`");
      if (bits != 16)
        return bad("unsupported sample size " + std::to_string(bits) + " bits; need 16-bit PCM");
      if (rate != 8000 && rate != 16000)
        return bad("unsupported sample rate " + std::to_string(rate) +
                   " Hz; need 8000 or 16000 Hz (e.g. `sox in.wav -r 16000 out.wav`)");
      if (channels != 1 && channels != 2)
        return bad("unsupported channel count " + std::to_string(channels) + "; need 1 or 2");
      Audio a;
      a.sample_rate = static_cast<int>(rate);
      a.channels.assign(channels, {});
      size_t frames = size / (2u * channels);
      for (auto& c : a.channels) c.resize(frames);
      for (size_t i = 0; i < frames; ++i) {
        for (uint16_t c = 0; c < channels; ++c) {
          a.channels[c][i] = static_cast<int16_t>(u16(d, body + (i * channels + c) * 2));
        }
      }
      return a;
    }
    pos = body + size + (size & 1);
  }
  return bad(have_fmt ? "no data chunk (empty recording)" : "no fmt chunk");
}

std::vector<int16_t> resample(const std::vector<int16_t>& in, int from_rate, int to_rate) {
  if (from_rate == to_rate || in.empty()) return in;
  size_t n = in.size() * static_cast<size_t>(to_rate) / static_cast<size_t>(from_rate);
  std::vector<int16_t> out(n);
  double step = static_cast<double>(from_rate) / to_rate;
  for (size_t i = 0; i < n; ++i) {
    double x = i * step;
    size_t a = static_cast<size_t>(x);
    size_t b = a + 1 < in.size() ? a + 1 : a;
    double f = x - a;
    out[i] = static_cast<int16_t>(in[a] * (1 - f) + in[b] * f);
  }
  return out;
}

}  // namespace nextcall
