#pragma once

#define VEIL_VERSION_MAJOR 0
#define VEIL_VERSION_MINOR 1
#define VEIL_VERSION_PATCH 0

namespace veil {
inline constexpr const char* version_string = "0.1.0";
}  // namespace veil
