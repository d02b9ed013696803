"""How to address, greet and take leave of a client in each language, for the prep sheet,
the Prepare step and the docs page (``docs/client-languages.md`` is made from this table).

The six languages the follow-up email can be written in come first, then a few it cannot
(the email is then in English, if the user chooses it). The client's gender is not known, so
formal greetings use the full name, never Herr/Frau, Madame/Monsieur or Sr./Sra. The example
client is Dana Whitfield, as in the email templates. Each entry is checked when this module
is imported: a blank or multi-line field, or fewer than two notes, fails at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from convocoach.languages.tags import EMAIL_LANGUAGES, match_tag

MIN_NOTES, MAX_NOTES = 2, 4


def _one_line(value: str, what: str) -> None:
    if not value.strip() or "\n" in value:
        raise ValueError(f"{what} must be one line of text, not {value!r}")


@dataclass(frozen=True, slots=True)
class Register:
    """One register of a language: how the client is addressed, greeted and left."""

    address: str
    """The form of "you" ("Sie (Ihr, Ihnen)")."""
    greetings: tuple[str, ...]
    """Example greetings, the usual one first ("Guten Tag Dana Whitfield,")."""
    closings: tuple[str, ...]
    """Example closings, the usual one first ("Mit freundlichen Grüßen")."""

    def __post_init__(self) -> None:
        _one_line(self.address, "address")
        for name, examples in (("greetings", self.greetings), ("closings", self.closings)):
            if not examples:
                raise ValueError(f"{name}: give at least one example")
            for example in examples:
                _one_line(example, name)


@dataclass(frozen=True, slots=True)
class Conventions:
    """A language's politeness conventions for a business email to a client."""

    tag: str
    """The language's tag, as the Situation step's Language field holds it."""
    formal: Register
    """The default, for a senior client."""
    informal: Register
    """When the user chooses it (the client has offered it, or writes that way)."""
    opening: str
    """How formal the greeting should be, and when to loosen it."""
    closing: str
    """How formal the closing should be, and when to loosen it."""
    notes: tuple[str, ...]
    """Two to four short notes a writer of the language would give."""

    def __post_init__(self) -> None:
        for what, text in (("tag", self.tag), ("opening", self.opening), ("closing", self.closing)):
            _one_line(text, f"{self.tag}: {what}")
        if not MIN_NOTES <= len(self.notes) <= MAX_NOTES:
            raise ValueError(f"{self.tag}: give {MIN_NOTES} to {MAX_NOTES} notes")
        for note in self.notes:
            _one_line(note, f"{self.tag}: a note")

    @property
    def email(self) -> bool:
        """Whether the follow-up email can be written in this language."""
        return self.tag in EMAIL_LANGUAGES


CONVENTIONS: tuple[Conventions, ...] = (
    Conventions(
        tag="en",
        formal=Register(
            "you", ("Hello Dana,", "Dear Dana Whitfield,"), ("Best regards,", "Kind regards,")
        ),
        informal=Register("you", ("Hi Dana,",), ("Best,",)),
        opening="Formal but not stiff: \u201cDear\u201d with the full name for a first email "
        "or a senior client, \u201cHello\u201d with the first name once you have met.",
        closing="\u201cBest regards\u201d or \u201cKind regards\u201d in any business email; "
        "\u201cBest\u201d only with someone you write to often.",
        notes=(
            "English has one \u201cyou\u201d: the register is in the greeting, the closing and "
            "the wording (no slang, few contractions in a formal email).",
            "The client's gender is not known: use the full name, not Mr or Ms; "
            "\u201cDear Sir or Madam\u201d reads like a form letter.",
            "First names come quickly in English business email: when the client signs "
            "with theirs, answer with it.",
        ),
    ),
    Conventions(
        tag="de",
        formal=Register(
            "Sie (Ihr, Ihnen)", ("Guten Tag Dana Whitfield,",), ("Mit freundlichen Grüßen",)
        ),
        informal=Register("du", ("Hallo Dana,",), ("Viele Grüße",)),
        opening="Formal for a senior client: \u201cGuten Tag\u201d with the full name; "
        "\u201cHallo\u201d with the first name only once you are on du terms.",
        closing="\u201cMit freundlichen Grüßen\u201d, with no comma after it, above your name; "
        "\u201cViele Grüße\u201d for a client you know well.",
        notes=(
            "Sie until the client offers du: do not switch first, even when they use your "
            "first name.",
            "The client's gender is not known: greet with the full name and no Herr or Frau; "
            "\u201cSehr geehrte Frau \u2026\u201d or \u201cSehr geehrter Herr \u2026\u201d only "
            "when you know which is right.",
            "Sie, Ihnen and Ihr take a capital letter; du, dich and dein stay lower case in "
            "an email.",
            "After the greeting's comma the first sentence starts with a small letter, unless "
            "its first word is a noun or Sie.",
        ),
    ),
    Conventions(
        tag="fr",
        formal=Register(
            "vous", ("Bonjour Dana Whitfield,",), ("Cordialement,", "Bien cordialement,")
        ),
        informal=Register("tu", ("Bonjour Dana,",), ("Bien à toi,", "À bientôt,")),
        opening="\u201cBonjour\u201d suits any business email: with the full name, and without "
        "Madame or Monsieur, since the gender is not known.",
        closing="\u201cCordialement\u201d is the safe business closing, \u201cBien "
        "cordialement\u201d a little warmer; the letter formulas (\u201cJe vous prie "
        "d'agréer\u2026\u201d) are too much for an email.",
        notes=(
            "vous by default: tu only once the client uses it, and many keep vous in writing "
            "even then.",
            "Madame and Monsieur need the gender: without it, the full name after "
            "\u201cBonjour\u201d is correct and courteous.",
            "Put a space before : ; ? and ! (a narrow no-break space is best), and quote "
            "between \u00ab and \u00bb.",
        ),
    ),
    Conventions(
        tag="es",
        formal=Register(
            "usted", ("Buenos días, Dana Whitfield:",), ("Atentamente,", "Un cordial saludo,")
        ),
        informal=Register("tú", ("Hola, Dana:",), ("Un saludo,",)),
        opening="Formal for a senior client: \u201cBuenos días\u201d (\u201cBuenas "
        "tardes\u201d after midday) with the full name and a colon, not a comma; "
        "\u201cEstimado\u201d or \u201cEstimada\u201d needs the gender.",
        closing="\u201cAtentamente\u201d is the formal closing, \u201cUn cordial saludo\u201d "
        "a warmer formal one; \u201cUn saludo\u201d between colleagues.",
        notes=(
            "usted by default; tú once the client uses it (common in Spain, less so in much "
            "of Latin America).",
            "Words about the reader are gendered (\u201cinteresado\u201d, \u201cinvitada\u201d): "
            "where you can, choose a phrasing that needs no gender (\u201cle agradezco su "
            "interés\u201d).",
            "Questions and exclamations open with \u00bf and \u00a1 as well as closing with "
            "? and !.",
        ),
    ),
    Conventions(
        tag="pt-BR",
        formal=Register(
            "o(a) senhor(a), or an impersonal phrasing where it reads naturally "
            "(\u201cSegue o resumo\u2026\u201d, \u201cConforme combinado\u2026\u201d)",
            ("Prezado(a) Dana Whitfield,",),
            ("Atenciosamente,",),
        ),
        informal=Register("você", ("Oi, Dana,",), ("Abraços,", "Um abraço,")),
        opening="Formal for a senior client: \u201cPrezado(a)\u201d with the full name keeps "
        "the gender open; \u201cOlá, Dana,\u201d is a friendly middle way once you have met.",
        closing="\u201cAtenciosamente\u201d is the safe formal closing; \u201cAbraços\u201d or "
        "\u201cUm abraço\u201d only with a client you know well.",
        notes=(
            "você is everyday Brazilian usage and fine with most clients once you have met; "
            "with a senior client, start with o(a) senhor(a) or an impersonal phrasing.",
            "Words about the reader are gendered (\u201cprezado\u201d, \u201cinteressado\u201d): "
            "where you can, choose a phrasing that needs no gender.",
            "These are Brazil's conventions: in Portugal você can sound curt, so address a "
            "client from Portugal as o(a) senhor(a), or by name.",
        ),
    ),
    Conventions(
        tag="nl",
        formal=Register("u", ("Geachte Dana Whitfield,",), ("Met vriendelijke groet,",)),
        informal=Register(
            "je/jij", ("Beste Dana,", "Hoi Dana,"), ("Groeten,", "Hartelijke groet,")
        ),
        opening="Formal for a first email or a senior client: \u201cGeachte\u201d with the "
        "full name; \u201cBeste\u201d with the first name once you know each other.",
        closing="\u201cMet vriendelijke groet\u201d fits any business email; "
        "\u201cGroeten\u201d or \u201cHartelijke groet\u201d for a client you know.",
        notes=(
            "u by default; Dutch business email moves to je quickly, so follow the client "
            "when they switch.",
            "\u201cGeachte\u201d and \u201cBeste\u201d are the same for everyone, so the full "
            "name is enough; \u201cGeachte heer\u201d or \u201cGeachte mevrouw\u201d needs "
            "the gender.",
            "u takes no capital letter in an email (a capital U is old-fashioned).",
            "Directness is normal: a short, plain email reads as efficient, not curt.",
        ),
    ),
    Conventions(
        tag="it",
        formal=Register("Lei", ("Gentile Dana Whitfield,",), ("Cordiali saluti,",)),
        informal=Register("tu", ("Ciao Dana,",), ("Un saluto,", "A presto,")),
        opening="Formal for a senior client: \u201cGentile\u201d with the full name, the same "
        "for everyone; \u201cCiao\u201d only once you are on tu terms.",
        closing="\u201cCordiali saluti\u201d is the safe formal closing; \u201cUn saluto\u201d "
        "or \u201cA presto\u201d once you are on tu terms.",
        notes=(
            "Lei (often with a capital in a formal email) until the client offers tu.",
            "\u201cGentile\u201d suits any reader; \u201cEgregio\u201d is masculine and "
            "old-fashioned.",
            "When the client signs with a title (Dott., Ing., Avv.), use it in the greeting.",
        ),
    ),
    Conventions(
        tag="pl",
        formal=Register(
            "Pan or Pani, with the verb in the third person (\u201cCzy mógłby Pan\u2026\u201d)",
            ("Dzień dobry,",),
            ("Z poważaniem,",),
        ),
        informal=Register("ty", ("Cześć,",), ("Pozdrawiam,", "Pozdrawiam serdecznie,")),
        opening="\u201cDzień dobry,\u201d is polite and needs no gender; \u201cSzanowna "
        "Pani\u201d or \u201cSzanowny Panie\u201d is more formal but gendered.",
        closing="\u201cZ poważaniem\u201d is formal; \u201cPozdrawiam\u201d is the everyday "
        "business closing once you have written a few times.",
        notes=(
            "Pan (to a man) and Pani (to a woman) both need the gender: without it, write to "
            "the company as Państwo, or choose an impersonal phrasing.",
            "Names change with their place in the sentence (Dana becomes Dano in a "
            "greeting): when unsure, greet without the name.",
            "Pan, Pani and Państwo take a capital letter in an email, as a mark of respect.",
        ),
    ),
)
"""Every language with conventions: the email languages first, in ``EMAIL_LANGUAGES`` order."""

_BY_TAG = {c.tag: c for c in CONVENTIONS}
_TAGS = tuple(_BY_TAG)


def conventions_for(tag: str) -> Conventions | None:
    """The conventions of the language ``tag`` is written in (matched loosely), or None."""
    found = match_tag(tag, _TAGS)
    return _BY_TAG[found] if found is not None else None
