#pragma once
// The argv a test hands to execv for one of the project's programs: the program path,
// then its arguments, then the null pointer; built before fork, since only
// async-signal-safe calls may run between fork and exec.

#include <string>
#include <vector>

namespace veil_test {

class exec_arguments
{
public:
   exec_arguments(const std::string& program, const std::vector<std::string>& args) : strings_{ program }
   {
      strings_.insert(strings_.end(), args.begin(), args.end());
      for (std::string& s : strings_) {
         pointers_.push_back(s.data());
      }
      pointers_.push_back(nullptr);
   }
   exec_arguments(const exec_arguments&) = delete;
   exec_arguments& operator=(const exec_arguments&) = delete;

   [[nodiscard]] char* const* argv() const noexcept { return pointers_.data(); }

private:
   std::vector<std::string> strings_;
   std::vector<char*> pointers_;
};

}  // namespace veil_test
