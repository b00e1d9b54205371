// Which body each route takes, decided by the route and not by the Content-Type a client
// happens to send: `curl --data-binary @file.csv` labels the file a form
// (application/x-www-form-urlencoded), and the file is still the body.
#pragma once

#include <httplib.h>

#include <cstddef>
#include <string>

#include "core/status.h"

namespace nextcall::web {

// The body a route reads, for the messages that name what to send.
struct BodyRule {
  bool raw = false;          // a file (CSV, transcript, recording), not JSON
  const char* send_as = "";  // the Content-Type to name in a 415
};

BodyRule body_rule(const std::string& method, const std::string& path);

// Ok, or the reason this request's body cannot be read as the route's (multipart forms:
// the server reads the body itself, not a form's parts). The caller answers 415.
Status acceptable_body_type(const httplib::Request& req, const BodyRule& rule);

// Ok, or InvalidArgument when a JSON body (or a raw body that is JSON, such as a JSON
// transcript) nests deeper than the limit.
Status check_body_depth(const std::string& body, const BodyRule& rule);

// "8 MiB", "8192 bytes": the limit as a person reads it.
std::string byte_size_text(std::size_t bytes);

}  // namespace nextcall::web
