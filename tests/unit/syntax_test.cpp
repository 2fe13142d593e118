// The line-level recognisers of the digest grammar (src/syntax.hpp), one
// by one on single lines: headings, fences, bullets, labels and their
// synonym tables, paper references, vote and count readers, dates, titles
// and author fields.
#include "syntax.hpp"

#include <doctest/doctest.h>

#include <limits>
#include <string>
#include <vector>

namespace papers::syntax {
namespace {

TEST_CASE("decode_link_text") {
  SUBCASE("backslash escapes of ASCII punctuation") {
    CHECK(decode_link_text(R"(\[IDK\] \* \_ \\ \` \& \<)")
          == R"([IDK] * _ \ ` & <)");
  }
  SUBCASE("a backslash before anything else stays") {
    CHECK(decode_link_text(R"(C:\path \한 \1)") == R"(C:\path \한 \1)");
    CHECK(decode_link_text("trailing \\") == "trailing \\");
  }
  SUBCASE("entity references") {
    CHECK(decode_link_text("R&amp;D &lt;b&gt; &quot;q&quot; &apos;")
          == "R&D <b> \"q\" '");
    CHECK(decode_link_text("Caf&#233; &#xE9; &#XE9; &copy; &nbsp;|")
          == "Café é é © \u00A0|");
  }
  SUBCASE("things that are not entity references stay") {
    CHECK(decode_link_text("R&D & &; &bogus; &amp &#; &#x; &#12345678;")
          == "R&D & &; &bogus; &amp &#; &#x; &#12345678;");
  }
  SUBCASE("an escaped ampersand is not an entity") {
    CHECK(decode_link_text(R"(\&amp;)") == "&amp;");
  }
  SUBCASE("everything else is literal") {
    CHECK(decode_link_text("AtP*: M$^{2}$UGen $L_2$ `cat.n.01` <think> **b**")
          == "AtP*: M$^{2}$UGen $L_2$ `cat.n.01` <think> **b**");
  }
  SUBCASE("a long run of ampersands") {
    const std::string text(200000, '&');
    CHECK(decode_link_text(text) == text);
  }
}

}  // namespace
}  // namespace papers::syntax
