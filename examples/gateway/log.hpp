#pragma once
// Operational log lines on stderr, one per event, prefixed with the program's name.

#include <iostream>
#include <string_view>

namespace veil::gateway {

inline void log_line(std::string_view text)
{
   std::cerr << "veil-gateway: " << text << std::endl;
}

}  // namespace veil::gateway
