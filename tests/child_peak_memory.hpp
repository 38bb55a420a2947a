#pragma once
// The peak resident memory of a child process, which the kernel reports when it ends:
// how the tests and the benchmarks see what a piece of work costs in memory, apart from
// what the process did before. No test framework here, so the benchmarks include it too.

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstddef>

namespace veil_test {

// Peak resident memory, in bytes, of a child process that runs `work`; 0 if it failed.
template <typename Work>
[[nodiscard]] std::size_t peak_memory_of(Work work)
{
   const pid_t child = fork();
   if (child == 0) {
      _exit(work() ? 0 : 1);
   }
   int status = 0;
   rusage usage{};
   if (child < 0 || wait4(child, &status, 0, &usage) != child || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      return 0;
   }
   return static_cast<std::size_t>(usage.ru_maxrss) * 1024;  // Linux reports KiB
}

}  // namespace veil_test
