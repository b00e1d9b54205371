#include "speech/wav_reader.h"

#include <gtest/gtest.h>

#include <string>

namespace nextcall {
namespace {

void put16(std::string& s, uint16_t v) { s.push_back(static_cast<char>(v & 0xFF)); s.push_back(static_cast<char>(v >> 8)); }
void put32(std::string& s, uint32_t v) { put16(s, v & 0xFFFF); put16(s, v >> 16); }

std::string Wav(uint16_t encoding, uint16_t channels, uint32_t rate, uint16_t bits,
                const std::vector<int16_t>& samples) {
  std::string data;
  for (int16_t x : samples) put16(data, static_cast<uint16_t>(x));
  std::string s = "RIFF";
  put32(s, 36 + static_cast<uint32_t>(data.size()));
  s += "WAVEfmt ";
  put32(s, 16);
  put16(s, encoding);
  put16(s, channels);
  put32(s, rate);
  put32(s, rate * channels * bits / 8);
  put16(s, static_cast<uint16_t>(channels * bits / 8));
  put16(s, bits);
  s += "data";
  put32(s, static_cast<uint32_t>(data.size()));
  return s + data;
}

TEST(WavReaderTest, StereoPcmIsSplitIntoChannels) {
  auto a = parse_wav(Wav(1, 2, 8000, 16, {1, -1, 2, -2, 3, -3}), "call.wav");
  ASSERT_TRUE(a.ok()) << a.status().message();
  ASSERT_EQ(a->channels.size(), 2u);
  EXPECT_EQ(a->channels[0], (std::vector<int16_t>{1, 2, 3}));
  EXPECT_EQ(a->channels[1], (std::vector<int16_t>{-1, -2, -3}));
  EXPECT_EQ(a->sample_rate, 8000);
}

TEST(WavReaderTest, UnsupportedInputsNameTheProblem) {
  EXPECT_EQ(parse_wav("hello", "a.wav").status().message(),
            "a.wav: not a WAV file (no RIFF/WAVE header); give a 16-bit PCM WAV recording or a transcript");
  EXPECT_EQ(parse_wav(Wav(3, 1, 16000, 32, {0, 0}), "f.wav").status().message(),
            "f.wav: unsupported encoding (format code 3); convert to 16-bit PCM, e.g. `sox in.wav -b 16 -e signed-integer out.wav`");
  EXPECT_EQ(parse_wav(Wav(1, 1, 44100, 16, {0}), "r.wav").status().message(),
            "r.wav: unsupported sample rate 44100 Hz; need 8000 or 16000 Hz (e.g. `sox in.wav -r 16000 out.wav`)");
  EXPECT_EQ(parse_wav(Wav(1, 1, 16000, 8, {0}), "b.wav").status().message(),
            "b.wav: unsupported sample size 8 bits; need 16-bit PCM");
  EXPECT_EQ(parse_wav(Wav(1, 3, 16000, 16, {0, 0, 0}), "c.wav").status().message(),
            "c.wav: unsupported channel count 3; need 1 or 2");
  std::string truncated = Wav(1, 1, 16000, 16, {0}).substr(0, 30);
  EXPECT_EQ(parse_wav(truncated, "t.wav").status().message(),
            "t.wav: chunk 'fmt ' at byte 12 runs past the end of the file (truncated recording)");
}

TEST(WavReaderTest, ResampleDoublesTheRate) {
  auto out = resample({0, 100, 200}, 8000, 16000);
  EXPECT_EQ(out, (std::vector<int16_t>{0, 50, 100, 150, 200, 200}));
}

}  // namespace
}  // namespace nextcall
