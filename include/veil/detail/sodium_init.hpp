#pragma once
// libsodium asks that sodium_init() be called before any of its functions; once is
// enough, and it is safe to call from several threads.

#include <sodium.h>

#include <stdexcept>

namespace veil::detail {

inline void require_sodium()
{
   static const bool initialized = sodium_init() >= 0;
   if (!initialized) {
      throw std::runtime_error("libsodium could not be initialized");
   }
}

}  // namespace veil::detail
