#!/usr/bin/env python3
"""Writes the hostile articles in this directory (run from anywhere).

Each planted payload carries a marker starting with PWNED, so a test can
assert that no marker ever reaches the terminal inside an escape sequence.
Markers meant to be shown as plain text start with SHOWN instead.
"""

import pathlib

HERE = pathlib.Path(__file__).resolve().parent
ESC, BEL, ST = "\x1b", "\x07", "\x1b\\"
HEAD = "title Hostile {0}\n\n"
QUOTE = "“We will not be moved,” said Mayor Ada Quist. Ada Quist spoke first. SHOWN-{0}\n\n"

FILES = {
    "escapes": (
        f"Colour {ESC}[31mPWNED-SGR{ESC}[0m and clear {ESC}[2J{ESC}[H here.\n\n"
        f"Reset {ESC}c then title {ESC}]0;PWNED-TITLE{BEL} and {ESC}]2;PWNED-TITLE2{ST}.\n\n"
        f"A link {ESC}]8;;https://example.invalid/PWNED-LINK{ST}click{ESC}]8;;{ST} there.\n\n"
        f"Clipboard {ESC}]52;c;UFdORUQtNTI={BEL} and {ESC}]52;c;PWNED-OSC52{ST} raw.\n\n"
        f"Cursor {ESC}[6n query {ESC}[?1049l screen {ESC}[?25h and DCS {ESC}P1$rPWNED-DCS{ST}.\n\n"
        f"Split {ESC}[ 31 m and a lone {ESC} then PWNED-LONE? no: SHOWN-LONE.\n\n"
    ),
    "c1": (
        "Eight-bit CSI \u009b31mPWNED-C1CSI\u009b0m here.\n\n"
        "Eight-bit OSC \u009d0;PWNED-C1OSC\u009c and \u009d52;c;PWNED-C1-52\u0007 there.\n\n"
        "DCS \u0090PWNED-C1DCS\u009c and APC \u009fPWNED-APC\u009c and NEL\u0085 IND\u0084.\n\n"
    ),
    "bidi": (
        "Override \u202eSHOWN-RLO\u202c and isolate \u2067SHOWN-RLI\u2069 and "
        "\u200fmarks\u200e and zero\u200bwidth\u200cnon\u200djoiner\u2060word.\n\n"
        "File name: invoice\u202egnp.exe and \u2066nested \u202dLRO\u202c\u2069.\n\n"
    ),
    "nul": "The council met on Tuesday to discuss the harbour bridge and its costs. " * 12 + "\n\n"
    "Stray NUL\u0000 byte and \u0000\u0000 two more; bell\u0007 and backspace\u0008 and DEL\u007f.\n\n",
    "long-word": "A word: " + "w" * 100_000 + " ends here. SHOWN-AFTER\n\n" + "Ünïcödé" * 20_000 + "\n\n",
    "cjk": (
        "東京都は十四日、新しい橋を開いた。市長のエイダ・クイストは「これは私たちの橋だ」と述べた。" * 8 + "\n\n"
        "한국어 문장과 ＦＵＬＬＷＩＤＴＨ letters and ｶﾀｶﾅ half-width.\n\n"
    ),
    "emoji": (
        "Family 👨\u200d👩\u200d👧\u200d👦 and flags 🇳🇿🇬🇧 and skin 👍🏽 and heart ❤\ufe0f "
        "and keycap 1\ufe0f\u20e3 and rainbow flag 🏳\ufe0f\u200d🌈 " * 6 + "\n\n"
    ),
    "combining": (
        "Zalgo z\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308a\u0330\u0331\u0332l"
        "\u0300\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309\u030a\u030b\u030cgo " * 10
        + "\n\nAlone \u0301\u0302 marks and e\u0301 and \u1100\u1161\u11a8 jamo.\n\n"
    ),
}


def main():
    for name, body in FILES.items():
        text = HEAD.format(name) + QUOTE.format(name.upper()) + body
        data = text.encode("utf-8", "surrogatepass")
        if name == "nul":
            # Invalid UTF-8 too: a lone continuation byte, a cut sequence,
            # an overlong encoding of ESC, and 0xff.
            data += b"Broken \x80 bytes \xe2\x82 and \xc0\x9b overlong \xff end.\n"
        (HERE / f"{name}.txt").write_bytes(data)


if __name__ == "__main__":
    main()
