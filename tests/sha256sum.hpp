#pragma once
// The SHA-256 of a file as coreutils' sha256sum computes it: a digest that owes nothing
// to the libsodium veil uses, to check the ones its audit lines carry.

#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <string>

namespace veil_test {

[[nodiscard]] inline std::string sha256sum_of(const std::filesystem::path& file)
{
   const std::string command = "sha256sum < '" + file.string() + "'";
   std::FILE* pipe = ::popen(command.c_str(), "r");
   REQUIRE_MESSAGE(pipe != nullptr, "cannot run " << command);
   char digest[65] = {};
   const std::size_t read = std::fread(digest, 1, 64, pipe);
   CHECK(::pclose(pipe) == 0);
   REQUIRE(read == 64);
   return std::string(digest, 64);
}

}  // namespace veil_test
