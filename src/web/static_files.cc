#include "web/static_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace nextcall::web {
namespace {

std::string content_type_of(const std::string& path) {
  auto ext = std::filesystem::path(path).extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".json") return "application/json";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

}  // namespace

Status StaticFiles::load(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    return Status::NotFound("the UI's files are not at '" + dir + "' (give --static-dir)");
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream body;
    body << in.rdbuf();
    if (!in && !in.eof()) return Status::Io("cannot read " + it->path().string());
    std::string key = "/" + fs::relative(it->path(), dir).generic_string();
    StaticFile f;
    f.body = body.str();
    f.content_type = content_type_of(key);
    f.etag = "\"" + std::to_string(std::hash<std::string>{}(f.body)) + "\"";
    files_[key] = std::move(f);
  }
  if (ec) return Status::Io("cannot list " + dir + ": " + ec.message());
  return Status::Ok();
}

const StaticFile* StaticFiles::find(const std::string& path) const {
  auto it = files_.find(path == "/" ? "/index.html" : path);
  return it == files_.end() ? nullptr : &it->second;
}

}  // namespace nextcall::web
