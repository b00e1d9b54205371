#include "web/temp_upload.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <vector>

namespace nextcall::web {

TempUpload::TempUpload() {
  std::string pattern = (std::filesystem::temp_directory_path() / "nextcall-upload-XXXXXX").string();
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  int fd = mkstemp(buf.data());
  if (fd >= 0) {
    close(fd);
    path_ = buf.data();
  }
}

TempUpload::~TempUpload() {
  std::error_code ec;
  if (!path_.empty()) std::filesystem::remove(path_, ec);
}

Status TempUpload::write(const std::string& body) {
  if (path_.empty()) return Status::Io("cannot create a temporary file");
  std::ofstream out(path_, std::ios::binary | std::ios::trunc);
  out.write(body.data(), static_cast<std::streamsize>(body.size()));
  if (!out) return Status::Io("cannot write a temporary file");
  return Status::Ok();
}

std::string TempUpload::rename_in(std::string m, const std::string& name) const {
  if (path_.empty()) return m;
  for (std::size_t at; (at = m.find(path_)) != std::string::npos;) m.replace(at, path_.size(), name);
  return m;
}

}  // namespace nextcall::web
