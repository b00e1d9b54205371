#include "io/zone_table.h"

#include <fstream>
#include <sstream>

namespace nextcall {

Result<RegionZones> load_region_zones(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::Io("cannot read the time zone table " + path);
  RegionZones out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string country, coords, zone;
    if (!std::getline(fields, country, '\t') || !std::getline(fields, coords, '\t') ||
        !std::getline(fields, zone, '\t'))
      continue;
    out[country].push_back(zone);
  }
  return out;
}

const RegionZones& region_zones() {
  static const RegionZones kTable = [] {
    auto t = load_region_zones();
    return t.ok() ? *t : RegionZones{};
  }();
  return kTable;
}

}  // namespace nextcall
