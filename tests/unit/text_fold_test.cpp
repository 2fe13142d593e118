#include <papers/text_fold.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <iterator>
#include <string>
#include <vector>

namespace papers {
namespace {

TEST_CASE("fold_text folds case but keeps accents") {
  CHECK(fold_text("Self-Discover") == "self-discover");
  CHECK(fold_text("CAFÉ") == "café");
  CHECK(fold_text("Café") == fold_text("CAFÉ"));
  CHECK(fold_text("café") != fold_text("cafe"));
  SUBCASE("full case folding: ß is ss") {
    CHECK(fold_text("Straße") == "strasse");
    CHECK(fold_text("STRASSE") == "strasse");
  }
  SUBCASE("composed and decomposed spellings are one") {
    CHECK(fold_text("e\xCC\x81") == fold_text("\xC3\xA9"));
  }
  SUBCASE("Korean and Chinese are unchanged and stay composed") {
    CHECK(fold_text("한국어 검색 ABC") == "한국어 검색 abc");
    CHECK(fold_text("漢字 ÜBER") == "漢字 über");
    // A conjoining jamo after a syllable composes with it (U+AC00 U+11A8).
    CHECK(fold_text("\xEA\xB0\x80\xE1\x86\xA8") == "각");
    // A compatibility ideograph (U+F900) becomes its unified form (U+8C48).
    CHECK(fold_text("\xEF\xA4\x80") == "\xE8\xB1\x88");
    CHECK(fold_text("\xED\x9E\xA3") == "\xED\x9E\xA3");  // last syllable
    CHECK(fold_text("\xED") == "\xEF\xBF\xBD");          // truncated
  }
  SUBCASE("typographic quotes and compatibility forms") {
    CHECK(fold_text("Let’s") == "let's");
    CHECK(fold_text("ﬁne ＡＢＣ") == "fine abc");
  }
  SUBCASE("invalid UTF-8 is repaired, not dropped") {
    CHECK(fold_text("A\xFF"
                    "B")
          == "a\xEF\xBF\xBD"
             "b");
  }
}

TEST_CASE("author_key: one key for every spelling of a name") {
  const std::string key = author_key("Quoc V. Le");
  CHECK(key == "quoc v le");
  CHECK(author_key("quoc v le") == key);
  CHECK(author_key("QUOC V. LE") == key);
  CHECK(author_key("  Quoc   V.Le ") == key);
  CHECK(author_key("Balázs Kégl") == author_key("Balazs Kegl"));
  CHECK(author_key("Matthias Nießner") == author_key("Matthias Niessner"));
  CHECK(author_key("José García") == "jose garcia");
  CHECK(author_key("Zejun MA") == author_key("Zejun Ma"));
  CHECK(author_key("Joshua M. Susskind") == author_key("Joshua M Susskind"));
  CHECK(author_key("'Yiwei Chen'") == "yiwei chen");
  CHECK(author_key("Sean O'Brien") == "sean o'brien");
  CHECK(author_key("Marc’Aurelio Ranzato") == "marc'aurelio ranzato");
  SUBCASE("different people stay different") {
    CHECK(author_key("Quoc Le") != key);
    CHECK(author_key("Trung Quoc Luong") != author_key("Quoc Le"));
  }
  CHECK(author_key(" . ") == "");
}

TEST_CASE("loose_author_key drops single-letter middle initials only") {
  CHECK(loose_author_key("Quoc V. Le") == "quoc le");
  CHECK(loose_author_key("Quoc Le") == "quoc le");
  CHECK(loose_author_key("Peter C Rigby") == "peter rigby");
  CHECK(loose_author_key("Ed H. Chi") == "ed chi");
  CHECK(loose_author_key("J. Smith") == "j smith");  // first word stays
  CHECK(loose_author_key("Smith J.") == "smith j");  // last word stays
  CHECK(loose_author_key("Heng-Tze Cheng") == "heng-tze cheng");
  CHECK(loose_author_key("Trung Quoc Luong") == "trung quoc luong");
  CHECK(loose_author_key("Á B. É") == "a e");
}

TEST_CASE("AuthorKeyFolder: both keys in one pass, buffers reused") {
  AuthorKeyFolder folder;
  // A long name, then short ones: what the buffers held before never
  // shows through.
  const std::string long_name(300, 'A');
  CHECK(folder.strict(long_name) == std::string(300, 'a'));
  auto keys = folder.fold("Quoc V. Le", true);
  CHECK(keys.strict == "quoc v le");
  CHECK(keys.loose == "quoc le");
  CHECK(folder.fold("Quoc V. Le").loose.empty());
  keys = folder.fold("Á B. É", true);  // utf8proc, into the reused buffer
  CHECK(keys.strict == "a b e");
  CHECK(keys.loose == "a e");
  // More code points than the initial buffer: it grows.
  std::string accents;
  for (int i = 0; i < 100; ++i) {
    accents += "É";
  }
  CHECK(folder.strict(accents) == std::string(100, 'e'));
  CHECK(folder.strict("Matthias Nießner") == "matthias niessner");
  CHECK(folder.strict(" . ").empty());
}

TEST_CASE("author_first_word_may_be never rules out a matching name") {
  // Names from pieces that fold, trim and split in every way: ASCII, quotes,
  // dots, spaces, accents precomposed and combining, a no-break space, ß,
  // Hangul, a fullwidth letter.
  const char* const pieces[] = {"a",
                                "Q",
                                "uoc",
                                "'",
                                "\"",
                                ".",
                                " ",
                                "\t",
                                "é",
                                "e\u0301",
                                "\u00a0",
                                "ß",
                                "한",
                                "Ｌ",
                                "-",
                                "Le"};
  constexpr std::size_t kPieces = std::size(pieces);
  std::uint32_t state = 7;
  AuthorKeyFolder folder;
  for (int n = 0; n < 20000; ++n) {
    std::string name;
    const int length = 1 + n % 7;
    for (int i = 0; i < length; ++i) {
      state = state * 1103515245U + 12345U;
      name += pieces[(state >> 16) % kPieces];
    }
    CAPTURE(name);
    const std::string key = author_key(name);
    const std::string first = key.substr(0, key.find(' '));
    CHECK(author_first_word_may_be(name, first));
    const auto keys = folder.fold(name, true);
    CHECK(keys.strict == key);
    CHECK(keys.loose == loose_author_key(name));
  }
  CHECK_FALSE(author_first_word_may_be("Quoc V. Le", "quo"));
  CHECK_FALSE(author_first_word_may_be("Quoc V. Le", "quocv"));
  CHECK_FALSE(author_first_word_may_be("Wei Xu", "quoc"));
  CHECK_FALSE(author_first_word_may_be("José Wu", "quoc"));  // "jos..."
  CHECK_FALSE(author_first_word_may_be("Le' x", "le"));      // word is le'
  CHECK(author_first_word_may_be("'Quoc' ", "quoc"));        // trimmed
  CHECK(author_first_word_may_be("QUOC.Le", "quoc"));
  CHECK(author_first_word_may_be("Jos\u00e9 Wu", "jose"));  // folding decides
}

TEST_CASE("edit_distance counts code points") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("quoc le", "quoc lee") == 1);
  CHECK(edit_distance("한국", "한극") == 1);
  CHECK(edit_distance("abc", "") == 3);
}

TEST_CASE("folded_contains agrees with searching the folded text") {
  // Korean around the term pushes it past the first 32-byte blocks; the
  // candidates of each first letter come in both cases.
  const std::string korean = "확산 모델을 이용한 영상 생성 방법을 제안한다 ";
  for (const std::string_view needle :
       {"diffusion", "d", "3d", "-step", "fusion model"}) {
    for (const std::string& text :
         std::vector<std::string>{korean + "Diffusion",
                                  korean + "DIFFUSION MODELS",
                                  "dd Dd 3D",
                                  korean + "디퓨전 diffusio",
                                  "a 3D-step fusion Model",
                                  korean,
                                  "D",
                                  ""}) {
      CAPTURE(needle);
      CAPTURE(text);
      CHECK(folded_contains(text, needle)
            == (fold_text(text).find(needle) != std::string::npos));
    }
  }
  CHECK(folded_contains(korean + "xx DiFfUsIoN", "diffusion"));
  CHECK_FALSE(folded_contains(korean + "Diffusio", "diffusion"));
}

}  // namespace
}  // namespace papers

TEST_CASE("folds_as_ascii: ASCII, Hangul syllables and CJK ideographs only") {
  // Long enough for the vector path; the odd character goes everywhere,
  // across each 32-byte step included.
  const std::string filler =
      "State Space 모델의 크기 강화학습 漢字 and more words 힣 가 end.";

  struct Case {
    const char* text;
    bool folds;
  };

  const Case cases[] = {
      {"\uAC00", true},   // 가, first syllable (EA B0 80)
      {"\uD7A3", true},   // 힣, last syllable (ED 9E A3)
      {"\uD7A4", false},  // just past the syllables (ED 9E A4)
      {"\uD77F", true},   // ED 9D BF
      {"\uABFF", false},  // just before them (EA AF BF)
      {"\u4E00", true},   // 一 (E4 B8 80)
      {"\u4DFF", false},  // E4 B7 BF
      {"\u9FFF", true},   // E9 BF BF
      {"\u1100", false},  // a conjoining jamo composes
      {"\u00E9", false},  // é
      {"\u212A", false},  // Kelvin sign folds to k
      {"\uFF21", false},  // fullwidth A
      {"\U0001F600", false},
      {"\xFF", false},      // invalid UTF-8
      {"\xEB\x80", false},  // a truncated syllable
      {"\x80", false},      // a stray continuation byte
  };
  CHECK(papers::folds_as_ascii(filler + filler));
  for (const auto& c : cases) {
    for (std::size_t at = 0; at <= filler.size() + 40; ++at) {
      std::string text = filler + filler;
      // Only at character boundaries of the filler (not inside a syllable).
      if (at < text.size()
          && (static_cast<unsigned char>(text[at]) & 0xC0U) == 0x80) {
        continue;
      }
      text.insert(at, c.text);
      CAPTURE(c.text);
      CAPTURE(at);
      CHECK(papers::folds_as_ascii(text) == c.folds);
    }
  }
}
