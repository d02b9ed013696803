"""Terminal input that is not valid UTF-8 is read with replacement characters, not fatally.

Textual's Linux, inline and web drivers decode input with a strict UTF-8 decoder, so one
byte from a Latin-1 terminal (an 'é' typed as 0xe9) or a stray 0x9b ends the input thread
and the app with a UnicodeDecodeError (Textualize/textual issue 6456). Until the pinned
Textual release decodes with ``errors="replace"`` itself, each driver module is given a
decoder factory that does: the bad byte becomes U+FFFD and the app goes on.
"""

from __future__ import annotations

import codecs
import functools
import importlib
import os
import sys
from collections.abc import Callable

_DRIVERS = (
    "textual.drivers.linux_driver",
    "textual.drivers.linux_inline_driver",
    "textual.drivers.web_driver",
)


def lenient_decoder_factory(encoding: str) -> Callable[..., codecs.IncrementalDecoder]:
    """``codecs.getincrementaldecoder``, with bad bytes replaced rather than raised."""
    return functools.partial(codecs.getincrementaldecoder(encoding), errors="replace")


def accept_any_input_bytes() -> None:
    """Give the terminal drivers the lenient decoder (idempotent).

    A driver module not loaded yet and not named in TEXTUAL_DRIVER (as ``serve`` names the
    web driver) will not be used: it is left unloaded rather than imported at start-up.
    """
    chosen = os.environ.get("TEXTUAL_DRIVER", "")
    for name in _DRIVERS:
        if name != _DRIVERS[0] and name not in sys.modules and name not in chosen:
            continue
        try:
            module = importlib.import_module(name)
        except ImportError:  # a driver for another platform
            continue
        if hasattr(module, "getincrementaldecoder"):
            setattr(module, "getincrementaldecoder", lenient_decoder_factory)  # noqa: B010
