"""Print the bundled email templates for the test fixtures' session in one language.

    python tools/preview_email.py de [--register informal] [--template standard]

For translators and reviewers: every template (or the one named), the follow-up's for the
meeting and the check-in's a week later, as the client would read them in Markdown.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.followup_fixtures import (
    CHECKIN_NOW,
    PROFILE,
    checkin_session,
    playbook,
    session,
)

from convocoach.followup.checkin_email import render_checkin_markdown
from convocoach.followup.email import find_template, render_markdown, template_names
from convocoach.followup.language import REGISTERS, choose_language
from convocoach.locations import Locations


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("language")
    parser.add_argument("--register", choices=REGISTERS, default="formal")
    parser.add_argument("--template", default="")
    args = parser.parse_args()
    language = choose_language(args.language, "", args.register)
    locations = Locations.from_env()
    for checkin in (False, True):
        for name in template_names(locations, checkin):
            if args.template and name != args.template:
                continue
            template = find_template(locations, name, checkin)
            if checkin:
                text = render_checkin_markdown(
                    template, checkin_session(), playbook(), PROFILE, CHECKIN_NOW, language
                )
            else:
                text = render_markdown(template, session(), playbook(), PROFILE, language)
            print(f"===== {name} ({language.label}) =====\n{text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
