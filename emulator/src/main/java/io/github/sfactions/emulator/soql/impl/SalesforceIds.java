package io.github.sfactions.emulator.soql.impl;

/**
 * Salesforce record ids: 15 case-sensitive characters, or 18 whose last three encode the case of the first 15
 * (so 18-character ids compare case-insensitively).
 */
final class SalesforceIds {

    private static final String CHECKSUM_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    private SalesforceIds() {
    }

    /** Whether the text has the shape of an id: 15 or 18 ASCII letters and digits. */
    public static boolean isWellFormed(String id) {
        if (id == null || (id.length() != 15 && id.length() != 18)) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The 18-character form with the case of the first 15 characters as the checksum dictates, so that equal ids
     * give equal strings whichever form or casing they were written in. Text that is no well-formed id comes
     * back unchanged.
     */
    public static String normalize(String id) {
        if (!isWellFormed(id)) {
            return id;
        }
        if (id.length() == 15) {
            return id + checksum(id);
        }
        String suffix = id.substring(15).toUpperCase(java.util.Locale.ROOT);
        char[] chars = id.substring(0, 15).toCharArray();
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = CHECKSUM_ALPHABET.indexOf(suffix.charAt(chunk));
            if (bits < 0) {
                return id; // not a checksum Salesforce could have produced; compare the text as given
            }
            for (int j = 0; j < 5; j++) {
                int at = chunk * 5 + j;
                boolean upper = (bits & (1 << j)) != 0;
                chars[at] = upper ? Character.toUpperCase(chars[at]) : Character.toLowerCase(chars[at]);
            }
        }
        return new String(chars) + suffix;
    }

    /** The three checksum characters of a 15-character id. */
    static String checksum(String id15) {
        StringBuilder suffix = new StringBuilder(3);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int j = 0; j < 5; j++) {
                char c = id15.charAt(chunk * 5 + j);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << j;
                }
            }
            suffix.append(CHECKSUM_ALPHABET.charAt(bits));
        }
        return suffix.toString();
    }
}
