package dev.amldebug.cli.output;

/** The few colours the command line uses, as ANSI SGR codes; {@link #paint} leaves text alone when colour is off. */
public enum Style {
    GOOD("32"), BAD("31"), BUSY("33"), NOTE("2"), EMPHASIS("1");

    private final String code;

    Style(String code) {
        this.code = code;
    }

    public String paint(String text, boolean colour) {
        return colour && !text.isEmpty() ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
