#pragma once
// A cursor over argv for the few option shapes the command uses.

#include <stdexcept>
#include <string>
#include <string_view>

namespace veil::cli {

// A mistake in how the command was called; exit status 2.
class usage_error : public std::runtime_error
{
public:
   using std::runtime_error::runtime_error;
};

class arguments
{
public:
   arguments(int argc, char** argv, int first) noexcept : argc_(argc), argv_(argv), next_(first) {}

   [[nodiscard]] bool done() const noexcept { return next_ >= argc_; }
   [[nodiscard]] std::string_view take() noexcept { return argv_[next_++]; }

   // The value after option `name`.
   [[nodiscard]] std::string_view value_of(std::string_view name)
   {
      if (done()) {
         throw usage_error("option " + std::string(name) + " needs a value");
      }
      return take();
   }

private:
   int argc_;
   char** argv_;
   int next_;
};

}  // namespace veil::cli
