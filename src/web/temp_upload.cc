#include "web/temp_upload.h"

#include <signal.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <string_view>
#include <vector>

namespace nextcall::web {

namespace {

constexpr std::string_view kPrefix = "nextcall-upload-";

// mkstemp's six characters: letters and digits.
bool is_mkstemp_suffix(std::string_view s) {
  if (s.size() != 6) return false;
  for (char ch : s)
    if (!std::isalnum(static_cast<unsigned char>(ch))) return false;
  return true;
}

bool all_digits(std::string_view s) {
  if (s.empty() || s.size() > 9) return false;
  for (char ch : s)
    if (!std::isdigit(static_cast<unsigned char>(ch))) return false;
  return true;
}

// Whether `name` is an upload of ours whose writer is gone: the PID it names does not run
// (or, for the names without a PID, always: they are older than this server, see the caller).
bool is_stray_upload_name(std::string_view name) {
  if (name.substr(0, kPrefix.size()) != kPrefix) return false;
  std::string_view rest = name.substr(kPrefix.size());
  if (is_mkstemp_suffix(rest)) return true;
  std::size_t dash = rest.find('-');
  if (dash == std::string_view::npos || !all_digits(rest.substr(0, dash)) || !is_mkstemp_suffix(rest.substr(dash + 1)))
    return false;
  pid_t pid = static_cast<pid_t>(std::stol(std::string(rest.substr(0, dash))));
  if (pid <= 0) return false;
  return kill(pid, 0) != 0 && errno == ESRCH;
}

}  // namespace

int remove_stray_uploads(const std::filesystem::path& dir, std::filesystem::file_time_type started) {
  int removed = 0;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code fe;
    if (!it->is_regular_file(fe) || fe) continue;
    if (!is_stray_upload_name(it->path().filename().string())) continue;
    auto written = it->last_write_time(fe);
    if (fe || written >= started) continue;
    if (std::filesystem::remove(it->path(), fe) && !fe) ++removed;
  }
  return removed;
}

TempUpload::TempUpload() {
  // The PID in the name tells a server starting later whether this upload's writer is alive.
  std::string pattern =
      (std::filesystem::temp_directory_path() / (std::string(kPrefix) + std::to_string(getpid()) + "-XXXXXX")).string();
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
  // The whole path, and then its file name alone (import messages name the file so).
  const std::string base = path_.substr(path_.find_last_of('/') + 1);
  for (const std::string& what : {path_, base})
    for (std::size_t at = 0; (at = m.find(what, at)) != std::string::npos; at += name.size())
      m.replace(at, what.size(), name);
  return m;
}

}  // namespace nextcall::web
