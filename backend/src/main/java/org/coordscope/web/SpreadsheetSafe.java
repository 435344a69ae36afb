package org.coordscope.web;

/**
 * Free-text CSV cells a spreadsheet would run as a formula (starting with {@code = + - @}, a tab or a carriage
 * return) get a leading single quote, so they are shown, never evaluated ("CSV injection"). Only for free text
 * (screen and display names, descriptions, reasons, notes, texts): ids such as {@code +Ab/cd==} or {@code -123}
 * must stay exact and are never passed through here.
 */
public final class SpreadsheetSafe {

    private SpreadsheetSafe() {
    }

    public static String text(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + cell : cell;
    }
}
