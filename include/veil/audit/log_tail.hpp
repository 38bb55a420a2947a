#pragma once
// The last line of an audit log file, which a writer that appends to it links its first
// line to (chain_writer). Read from the end, so a year-long log costs one line's read.

#include <cstdio>
#include <memory>
#include <string>

namespace veil::audit {

// The last line of `path` with its line break (without one when the file was cut inside
// it), or empty when there is no such file or it is empty. A line longer than
// `max_line_size` is returned cut to its last `max_line_size` bytes: it links nothing the
// verifier would accept, which is what such a line deserves.
[[nodiscard]] inline std::string last_line_of(const std::string& path, long max_line_size = long{ 1 } << 20)
{
   const std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
   if (!f || std::fseek(f.get(), 0, SEEK_END) != 0) {
      return {};
   }
   const long size = std::ftell(f.get());
   const long from = size > max_line_size ? size - max_line_size : 0;
   std::string tail(static_cast<std::size_t>(size - from), '\0');
   if (size <= 0 || std::fseek(f.get(), from, SEEK_SET) != 0 ||
       std::fread(tail.data(), 1, tail.size(), f.get()) != tail.size()) {
      return {};
   }
   const std::size_t end = tail.size() - 1;  // a line break here ends the last line
   const std::size_t previous_break = end == 0 ? std::string::npos : tail.rfind('\n', end - 1);
   return previous_break == std::string::npos ? tail : tail.substr(previous_break + 1);
}

}  // namespace veil::audit
