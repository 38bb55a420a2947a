#pragma once
// Why a message was not released: where the reader stopped and what it expected.
// Reasons name structure ("field has no '/'"), never the bytes of the message.

#include <cstddef>
#include <stdexcept>
#include <string>

namespace veil {

struct rejection
{
   std::size_t offset = 0;  // byte offset in the message, counted from 0
   std::string reason;
};

// Readers throw this internally; the public entry points turn it into an audit record.
class rejected_input : public std::runtime_error
{
public:
   rejected_input(std::size_t offset, std::string reason)
      : std::runtime_error(reason), where_(offset), reason_(std::move(reason))
   {}

   [[nodiscard]] rejection to_rejection() const { return { where_, reason_ }; }
   [[nodiscard]] std::size_t offset() const noexcept { return where_; }

private:
   std::size_t where_;
   std::string reason_;
};

}  // namespace veil
