// Which memory allocator the nextcall program runs on. Planning a big team's day makes
// and frees millions of small strings on several threads at once, where glibc's malloc
// spends more time than the planner; the program links mimalloc when it is available
// (not in sanitizer builds, which bring their own).
#pragma once

#include <string>

namespace nextcall::cli {

// "mimalloc 2.0.9" when mimalloc serves this process's malloc, else "system".
std::string allocator_in_use();

}  // namespace nextcall::cli
