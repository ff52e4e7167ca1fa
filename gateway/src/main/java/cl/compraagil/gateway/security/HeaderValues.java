package cl.compraagil.gateway.security;

/**
 * The firewall's rule for header values (assigned characters, no control characters but tab) as a plain loop:
 * the stock rule is a regular expression run on every header read, bearer tokens of near a kilobyte included.
 */
final class HeaderValues {

    private HeaderValues() {
    }

    static boolean allowed(String value) {
        if (value == null) {
            // an absent header, as the stock rule treats it
            return true;
        }
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            if (!Character.isDefined(codePoint) || Character.isISOControl(codePoint) && codePoint != '\t') {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
