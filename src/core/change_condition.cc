#include "core/change_condition.h"

#include <cctype>
#include <charconv>
#include <cstdlib>
#include <string>
#include <cstdio>

namespace nextcall {
namespace {

Status bad(std::string_view text, std::size_t column, const std::string& what) {
  return Status::InvalidArgument("condition '" + std::string(text) + "', column " +
                                 std::to_string(column + 1) + ": " + what +
                                 " (write >=50, <=50, >50, <50, =50 or 10..100)");
}

// Reads a number (digits, optionally "." and more digits) at text[pos...]; sets *end past
// it. Written by hand so that "10..100" reads 10 and stops at the "..".
std::optional<double> number_at(std::string_view text, std::size_t pos, std::size_t* end) {
  while (pos < text.size() && text[pos] == ' ') ++pos;
  std::size_t p = pos;
  while (p < text.size() && std::isdigit(static_cast<unsigned char>(text[p]))) ++p;
  if (p == pos) return std::nullopt;
  if (p + 1 < text.size() && text[p] == '.' && std::isdigit(static_cast<unsigned char>(text[p + 1]))) {
    ++p;
    while (p < text.size() && std::isdigit(static_cast<unsigned char>(text[p]))) ++p;
  }
  *end = p;
  return std::strtod(std::string(text.substr(pos, p - pos)).c_str(), nullptr);
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

}  // namespace

Result<AmountCondition> parse_amount_condition(std::string_view text) {
  AmountCondition c;
  std::size_t pos = 0;
  while (pos < text.size() && text[pos] == ' ') ++pos;
  if (pos == text.size()) return c;
  using Op = AmountCondition::Op;
  if (text.compare(pos, 2, ">=") == 0) { c.op = Op::kGe; pos += 2; }
  else if (text.compare(pos, 2, "<=") == 0) { c.op = Op::kLe; pos += 2; }
  else if (text[pos] == '>') { c.op = Op::kGt; ++pos; }
  else if (text[pos] == '<') { c.op = Op::kLt; ++pos; }
  else if (text[pos] == '=') { c.op = Op::kEq; ++pos; }
  else if (std::isdigit(static_cast<unsigned char>(text[pos]))) { c.op = Op::kBetween; }
  else return bad(text, pos, "expected a comparison or a number");
  std::size_t end = pos;
  auto a = number_at(text, pos, &end);
  if (!a) return bad(text, pos, "expected a number");
  c.a = *a;
  pos = end;
  if (c.op == Op::kBetween) {
    if (text.compare(pos, 2, "..") != 0) return bad(text, pos, "expected '..' after the first number");
    pos += 2;
    auto b = number_at(text, pos, &end);
    if (!b) return bad(text, pos, "expected the upper number");
    if (*b < c.a) return bad(text, pos, "the upper number is below the lower one");
    c.b = *b;
    pos = end;
  }
  while (pos < text.size() && text[pos] == ' ') ++pos;
  if (pos != text.size()) return bad(text, pos, "unexpected text");
  return c;
}

bool satisfies(const AmountCondition& c, std::optional<double> amount) {
  using Op = AmountCondition::Op;
  if (c.op == Op::kAny) return true;
  if (!amount) return false;
  double x = *amount;
  switch (c.op) {
    case Op::kGe: return x >= c.a;
    case Op::kGt: return x > c.a;
    case Op::kLe: return x <= c.a;
    case Op::kLt: return x < c.a;
    case Op::kEq: return x == c.a;
    case Op::kBetween: return x >= c.a && x <= c.b;
    case Op::kAny: return true;
  }
  return false;
}

std::string describe(const AmountCondition& c) {
  using Op = AmountCondition::Op;
  switch (c.op) {
    case Op::kAny: return "any amount";
    case Op::kGe: return "at least " + num(c.a);
    case Op::kGt: return "more than " + num(c.a);
    case Op::kLe: return "at most " + num(c.a);
    case Op::kLt: return "less than " + num(c.a);
    case Op::kEq: return "exactly " + num(c.a);
    case Op::kBetween: return "from " + num(c.a) + " to " + num(c.b);
  }
  return "";
}

}  // namespace nextcall
