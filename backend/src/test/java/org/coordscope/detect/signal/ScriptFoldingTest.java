package org.coordscope.detect.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class ScriptFoldingTest {

    @Test
    void arabicYehAndAlefMaksuraBecomePersianYeh() {
        assertEquals(TextShingles.shingles("ایران"), TextShingles.shingles("ايران"));
        assertEquals(TextShingles.shingles("موسی"), TextShingles.shingles("موسى"));
    }

    @Test
    void arabicKafBecomesPersianKaf() {
        assertEquals(TextShingles.shingles("کشور"), TextShingles.shingles("كشور"));
    }

    @Test
    void harakatAndTatweelAreRemoved() {
        assertEquals(TextShingles.tokens("مردم"), TextShingles.tokens("مَرْدُم"));
        assertEquals(TextShingles.tokens("مردم"), TextShingles.tokens("مـــردم"));
        assertEquals(1, TextShingles.tokens("مُحَمَّد").size());
    }

    @Test
    void zwnjJoinedDroppedOrSpacedGiveTheSameShingles() {
        var joined = TextShingles.shingles("من می‌خواهم بروم");
        assertEquals(joined, TextShingles.shingles("من میخواهم بروم"));
        assertEquals(joined, TextShingles.shingles("من می خواهم بروم"));
        assertEquals(joined, TextShingles.shingles("من مي خواهم بروم"));
        assertEquals(TextShingles.shingles("نمی‌خواهم"), TextShingles.shingles("نمی خواهم"));
    }

    @Test
    void persianAndArabicIndicDigitsBecomeAscii() {
        assertEquals(TextShingles.tokens("1398"), TextShingles.tokens("۱۳۹۸"));
        assertEquals(TextShingles.tokens("1398"), TextShingles.tokens("١٣٩٨"));
    }

    @Test
    void hashtagKeysFoldUnderscoreZwnjAndLetters() {
        String key = ScriptFolding.hashtagKey("#اعدامش_کنید");
        assertEquals(key, ScriptFolding.hashtagKey("#اعدامش‌کنید"));
        assertEquals(key, ScriptFolding.hashtagKey("اعدامش_كنيد"));
        assertEquals(key, ScriptFolding.hashtagKey("#اعدامشکنید"));
        assertEquals("black_lives_matter", ScriptFolding.hashtagKey("#Black_Lives_Matter"));
        assertNotEquals(ScriptFolding.hashtagKey("#کشور"), ScriptFolding.hashtagKey("#کشورها_"));
    }

    @Test
    void textWithoutVariantsIsReturnedAsIs() {
        String s = "ایران";
        assertEquals(s, ScriptFolding.fold(s));
        assertEquals("Hello", ScriptFolding.fold("Hello"));
    }
}
