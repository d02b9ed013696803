"""What each screen may ask of the app: small roles, and each screen's context made of them.

A screen's constructor takes its own context Protocol (``HomeContext``, ``RehearsalContext``,
…), so it says what the screen depends on and the type checker stops the screen from reaching
further. A screen that opens another needs what that one needs, so the contexts below also
show which screen leads to which. The app's :class:`~convocoach.tui.support.context.AppContext`
plays every role; a test can hand a screen any object that plays its few.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from convocoach.locations import Locations
    from convocoach.playbooks.opened import OpenedPlaybooks
    from convocoach.profile import Profile
    from convocoach.sessions.database import Database
    from convocoach.sessions.rehearsals import RehearsalLog
    from convocoach.sessions.session_rows import SessionRow
    from convocoach.sessions.store import SessionStore
    from convocoach.tui.support.context import LiveFeedback
    from convocoach.tui.support.saving import Saver
    from convocoach.workshop.seat import Seat
    from convocoach.workshop.store import WorkshopLog


class Saves(Protocol):
    @property
    def saver(self) -> Saver:
        """Every write goes through it (see ``tui.support.saving``)."""


class StoresSessions(Protocol):
    @property
    def store(self) -> SessionStore: ...


class ListsSessions(Protocol):
    """Reads the sessions database without the session model (lists, what is due)."""

    @property
    def database(self) -> Database: ...

    def session_rows(self, limit: int = -1) -> list[SessionRow]:
        """The sessions, most recently changed first."""


class OpensPlaybooks(Protocol):
    @property
    def playbooks(self) -> OpenedPlaybooks: ...


class LogsRehearsals(Protocol):
    @property
    def rehearsals(self) -> RehearsalLog: ...


class LogsWorkshops(Protocol):
    @property
    def workshops(self) -> WorkshopLog: ...


class TellsTime(Protocol):
    def now(self) -> datetime: ...

    def today(self) -> date:
        """Today in the sender profile's time zone."""

    def local(self, when: datetime) -> datetime:
        """``when`` in the sender profile's time zone."""


class Exports(Protocol):
    @property
    def export_dir(self) -> Path: ...

    def use_export_dir(self, folder: Path) -> str:
        """Send later exports to ``folder`` and remember it; what went wrong, if anything."""

    def refuses_export_dir(self, folder: Path) -> str:
        """Why exports may not go to ``folder`` ("" when they may)."""


class KnowsSender(Protocol):
    @property
    def profile(self) -> Profile: ...


class FindsFiles(Protocol):
    @property
    def locations(self) -> Locations: ...


class ChangesSender(Protocol):
    def use_profile(self, profile: Profile) -> None:
        """Use ``profile`` from now on (it has been saved to the settings file)."""


class ReportsSettings(Protocol):
    def take_profile_problem(self) -> str:
        """Why the settings file could not be read, the first time it is asked (then "")."""


class SwitchesFeedback(Protocol):
    @property
    def live_feedback(self) -> LiveFeedback: ...


class SitsInRoom(Protocol):
    @property
    def seat(self) -> Seat | None:
        """A participant's place in a served room; None in everyone else's app."""


class CountsSeconds(Protocol):
    @property
    def seconds(self) -> Callable[[], float]:
        """Wall-clock seconds for the room's clock, the same in every app of the room
        (tests move them on at will)."""


# Each screen's context, its roles in one order (Python needs one across all of them). A
# screen that opens another plays that one's roles too; the type checker checks it where the
# screen is built.


class PreviewContext(TellsTime, Protocol): ...


class ProfileContext(FindsFiles, KnowsSender, ChangesSender, Protocol): ...


class ProgressContext(StoresSessions, LogsRehearsals, KnowsSender, Protocol): ...


class PlanSheetContext(KnowsSender, TellsTime, Exports, Protocol): ...


class ScorecardContext(Saves, Exports, Protocol): ...


class RehearsalContext(
    Saves, LogsRehearsals, TellsTime, Exports, SwitchesFeedback, SitsInRoom, Protocol
):
    """Its own roles and those of the scorecard it opens."""


class StepContext(LogsRehearsals, FindsFiles, KnowsSender, TellsTime, Exports, Protocol): ...


class SessionContext(
    Saves,
    StoresSessions,
    OpensPlaybooks,
    LogsRehearsals,
    FindsFiles,
    KnowsSender,
    ReportsSettings,
    TellsTime,
    Exports,
    SwitchesFeedback,
    SitsInRoom,
    Protocol,
):
    """Its own roles and those of its steps and of the rehearsal and the plan sheet it opens."""


class RoundDebriefContext(Saves, Protocol): ...


class WorkshopFilesContext(OpensPlaybooks, LogsWorkshops, Exports, Protocol): ...


class WorkshopRoundContext(
    Saves, OpensPlaybooks, LogsWorkshops, TellsTime, Exports, CountsSeconds, Protocol
):
    """Its own roles and those of the round's debrief and files it opens."""


class WorkshopSetupContext(
    Saves, OpensPlaybooks, LogsWorkshops, TellsTime, Exports, CountsSeconds, Protocol
):
    """Its own roles and those of the first round it opens."""


class HomeContext(
    Saves,
    StoresSessions,
    ListsSessions,
    OpensPlaybooks,
    LogsRehearsals,
    LogsWorkshops,
    FindsFiles,
    KnowsSender,
    ChangesSender,
    ReportsSettings,
    TellsTime,
    Exports,
    SwitchesFeedback,
    SitsInRoom,
    CountsSeconds,
    Protocol,
):
    """Its own roles and those of every screen it opens (session, progress, workshops, profile)."""


class ClientContext(SessionContext, Protocol):
    """Its own roles (the store, the clock, exports) and those of the sessions it opens."""


class LessonsContext(SessionContext, Protocol):
    """Its own roles (Saves, StoresSessions) and those of the session it opens."""


class CoachesForReaderContext(RehearsalContext, KnowsSender, Protocol):
    """A rehearsal's roles and the sender's profile: its language says whether the session's
    client reads the replies as a second language."""
