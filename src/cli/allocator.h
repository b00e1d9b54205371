// Which memory allocator the nextcall program runs on, and how it is tuned. Planning a big
// team's day makes and frees millions of small strings on several threads at once, where
// glibc's malloc spends more time than the planner; the program links mimalloc when it is
// available (not in sanitizer builds, which bring their own).
#pragma once

#include <string>

namespace nextcall::cli {

// Called first thing in main(): asks mimalloc to back its memory with 2 MiB pages
// (transparent huge pages where the kernel offers them, as it does in its default
// "madvise" mode). A team plan touches a few hundred megabytes it has just allocated;
// with 4 KiB pages each one is a page fault, and on a virtual machine the faults cost
// more than the planning (docs/performance.md has the figures). MIMALLOC_LARGE_OS_PAGES
// in the environment, when set, has the last word. No effect without mimalloc.
void tune_allocator();

// "mimalloc 2.0.9, 2 MiB pages" (or "..., 4 KiB pages") when mimalloc serves this
// process's malloc, else "system".
std::string allocator_in_use();

}  // namespace nextcall::cli
