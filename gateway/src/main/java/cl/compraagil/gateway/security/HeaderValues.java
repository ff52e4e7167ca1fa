package cl.compraagil.gateway.security;

/**
 * The firewall's rules for header names (assigned characters, no control characters) and values (the same,
 * tab allowed) as plain loops: the stock rules are regular expressions, run on every header read, bearer tokens
 * of near a kilobyte included.
 */
final class HeaderValues {

    private HeaderValues() {
    }

    static boolean allowed(CharSequence value) {
        return check(value, true);
    }

    static boolean allowedName(CharSequence name) {
        return check(name, false);
    }

    private static boolean check(CharSequence text, boolean tabAllowed) {
        if (text == null) {
            // an absent header, as the stock rules treat it
            return true;
        }
        for (int i = 0; i < text.length(); ) {
            int codePoint = Character.codePointAt(text, i);
            if (codePoint >= 0x20 && codePoint < 0x7f) {
                i++;
                continue;
            }
            if (!Character.isDefined(codePoint) || Character.isISOControl(codePoint) && !(tabAllowed && codePoint == '\t')) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
