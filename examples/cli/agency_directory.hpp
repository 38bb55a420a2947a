#pragma once
// The state's own ORI directory, which `veil explain --agencies FILE` names recipients
// from: an official reads "ICE Law Enforcement Support Center", not "VTICE0900". CSV, one
// agency a line: ORI, name (RFC 4180 quoting, so a name may hold commas and doubled
// quotes, but not a line break); blank lines and lines starting with '#' are skipped; a
// CR before the LF is not part of the line. A mistake names the file and line, and two
// names for one ORI are refused: the page must not pick one silently.

#include "input_files.hpp"

#include <veil/detail/bytes.hpp>
#include <veil/recipient.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace veil::cli {

namespace agency_directory_detail {

[[nodiscard]] inline std::string_view trimmed(std::string_view s) noexcept
{
   while (!s.empty() && detail::is_blank(s.front())) {
      s.remove_prefix(1);
   }
   while (!s.empty() && detail::is_blank(s.back())) {
      s.remove_suffix(1);
   }
   return s;
}

// The fields of one CSV line, or nullopt when a quote does not close or text other than
// blanks follows a closing quote. Blanks around a quoted field are allowed, as people
// write "VTICE0900, \"ICE, LESC\"".
[[nodiscard]] inline std::optional<std::vector<std::string>> csv_fields(std::string_view line)
{
   std::vector<std::string> fields(1);
   std::size_t at = 0;
   while (at < line.size()) {
      const char c = line[at++];
      if (c == ',') {
         fields.emplace_back();
      }
      else if (c == '"' && trimmed(fields.back()).empty()) {
         fields.back().clear();
         while (at < line.size() && !(line[at] == '"' && (at + 1 == line.size() || line[at + 1] != '"'))) {
            at += line[at] == '"' ? 1 : 0;  // the first of a doubled quote
            fields.back() += line[at++];
         }
         if (at++ == line.size()) {
            return std::nullopt;
         }
         while (at < line.size() && detail::is_blank(line[at])) {
            ++at;
         }
         if (at < line.size() && line[at] != ',') {
            return std::nullopt;
         }
      }
      else {
         fields.back() += c;
      }
   }
   return fields;
}

}  // namespace agency_directory_detail

class agency_directory
{
public:
   agency_directory() = default;

   // Reads the directory text `text` of file `source`; throws input_error "source:line: …".
   agency_directory(std::string_view text, const std::string& source)
   {
      using namespace agency_directory_detail;
      std::size_t line_number = 0;
      while (!text.empty()) {
         ++line_number;
         const std::size_t lf = text.find('\n');
         std::string_view line = text.substr(0, lf);
         text = lf == std::string_view::npos ? std::string_view{} : text.substr(lf + 1);
         if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
         }
         if (trimmed(line).empty() || trimmed(line).front() == '#') {
            continue;
         }
         const std::string where = source + ":" + std::to_string(line_number) + ": ";
         const std::optional<std::vector<std::string>> fields = csv_fields(line);
         if (!fields) {
            throw input_error(where + "a quote does not close, or text follows a closing quote");
         }
         if (fields->size() != 2) {
            throw input_error(where + "expected 2 fields, ORI,name (e.g. VTICE0900,ICE Law Enforcement Support "
                                      "Center), found " + std::to_string(fields->size()));
         }
         const std::string ori(trimmed((*fields)[0]));
         const std::string name(trimmed((*fields)[1]));
         if (!is_well_formed_recipient(ori)) {
            throw input_error(where + "'" + ori + "' is not an ORI (9 upper-case letters or digits) or a 2-character "
                                      "destination code");
         }
         if (name.empty()) {
            throw input_error(where + "no name for " + ori);
         }
         if (!names_.emplace(ori, name).second) {
            throw input_error(where + ori + " is named a second time");
         }
      }
   }

   // The name the directory gives `ori`, or nullopt.
   [[nodiscard]] std::optional<std::string> name_of(const std::string& ori) const
   {
      const auto found = names_.find(ori);
      return found == names_.end() ? std::nullopt : std::optional<std::string>(found->second);
   }

private:
   std::map<std::string, std::string> names_;
};

// The directory in file `path` ('-' is stdin).
[[nodiscard]] inline agency_directory read_agency_directory(const std::string& path)
{
   const std::optional<std::string> text = read_input(path);
   if (!text) {
      throw input_error("cannot read the agency directory '" + path + "': " + unreadable_reason(path));
   }
   return agency_directory(*text, path);
}

}  // namespace veil::cli
