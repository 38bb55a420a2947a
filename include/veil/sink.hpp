#pragma once
// Where redacted output goes: a non-owning reference to any callable taking
// std::string_view. Readers write through it as soon as bytes are decided.
//
// Fail closed: bytes of a message that is later rejected may already have reached the
// sink. A caller that forwards output before the message ends must hold it until the
// redactor returns an outcome other than `rejected` (the string entry points do this).

#include <memory>
#include <string_view>
#include <type_traits>
#include <utility>

namespace veil {

class sink_ref
{
public:
   // Like a function parameter, it refers to `write` without owning it: a temporary
   // callable lives as long as the full expression that passes it.
   template <typename F>
      requires(!std::is_same_v<std::remove_cvref_t<F>, sink_ref> &&
               std::is_invocable_v<std::remove_reference_t<F>&, std::string_view>)
   sink_ref(F&& write) noexcept  // NOLINT(google-explicit-constructor,bugprone-forwarding-reference-overload)
      : target_(const_cast<void*>(static_cast<const void*>(std::addressof(write)))),
        call_([](void* t, std::string_view bytes) { (*static_cast<std::remove_reference_t<F>*>(t))(bytes); })
   {}

   void operator()(std::string_view bytes) const
   {
      if (!bytes.empty()) {
         call_(target_, bytes);
      }
   }

private:
   void* target_;
   void (*call_)(void*, std::string_view);
};

}  // namespace veil
