// docs/openapi.json describes exactly the routes the server has, with the access each
// needs: a route added without documenting it, or documented but gone, fails here.
#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include "web/web_test_util.h"

namespace nextcall::web {
namespace {

std::string access_name(Access a) {
  switch (a) {
    case Access::kPublic: return "public";
    case Access::kSignedIn: return "signed_in";
    case Access::kManager: return "manager";
    case Access::kAdmin: return "admin";
  }
  return "";
}

std::string lower(std::string s) {
  for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

TEST(OpenApiTest, DocumentsEveryRouteAndNoOther) {
  std::ifstream in(std::string(NEXTCALL_SOURCE_DIR) + "/docs/openapi.json");
  ASSERT_TRUE(in) << "docs/openapi.json is missing";
  nlohmann::json doc = nlohmann::json::parse(in);
  EXPECT_EQ(doc["openapi"].get<std::string>().substr(0, 2), "3.");

  auto server = testing::TestServer::start();
  ASSERT_NE(server, nullptr);
  std::set<std::string> served;
  for (const Route& r : server->server->routes()) {
    const std::string key = r.method + " " + r.path;
    served.insert(key);
    ASSERT_TRUE(doc["paths"].contains(r.path)) << key << " is served but not in docs/openapi.json";
    const auto& ops = doc["paths"][r.path];
    ASSERT_TRUE(ops.contains(lower(r.method))) << key << " is served but not in docs/openapi.json";
    EXPECT_EQ(ops[lower(r.method)]["x-access"], access_name(r.access)) << key;
    EXPECT_TRUE(ops[lower(r.method)]["responses"].contains("default")) << key << " documents no error response";
  }
  for (const auto& [path, ops] : doc["paths"].items())
    for (const auto& [method, op] : ops.items()) {
      std::string upper = method;
      for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      EXPECT_TRUE(served.count(upper + " " + path)) << upper << " " << path << " is documented but not served";
    }
}

}  // namespace
}  // namespace nextcall::web
