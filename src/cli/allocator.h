// Which memory allocator the nextcall program runs on, and how it is tuned. Planning a big
// team's day makes and frees millions of small strings on several threads at once, where
// glibc's malloc spends more time than the planner; the program links mimalloc when it is
// available (not in sanitizer builds, which bring their own).
#pragma once

#include <string>

namespace nextcall::cli {

// Called first thing in main(): asks mimalloc to back its memory with 2 MiB pages
// (transparent huge pages, which the kernel grants in its "always" and "madvise" modes).
// A team plan first-touches about 1.5 GB it has just allocated; with 4 KiB pages each
// page is a fault, and on a virtual machine the faults cost more than the planning
// (docs/performance.md has the figures). MIMALLOC_LARGE_OS_PAGES in the environment, when
// set, has the last word. No effect without mimalloc.
void tune_allocator();

// "mimalloc 2.0.9, 2 MiB pages" (or "..., 4 KiB pages") when mimalloc serves this
// process's malloc, else "system".
std::string allocator_in_use();

}  // namespace nextcall::cli
